ALTER TABLE members DROP COLUMN network_contact;
