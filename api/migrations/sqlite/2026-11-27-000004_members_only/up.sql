-- A contact for the CECOP network, shown only to members' users and tokens with members:read.
ALTER TABLE members ADD COLUMN network_contact TEXT;
