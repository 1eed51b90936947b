-- A member organisation's description in other languages than English
-- (`members.description`), written by CECOP's admins.
CREATE TABLE member_descriptions (
    member_id BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (member_id, lang)
);
