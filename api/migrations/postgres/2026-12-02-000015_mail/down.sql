ALTER TABLE users DROP COLUMN language;
DROP TABLE invitations;
DROP TABLE password_resets;
DROP TABLE mail_outbox;
