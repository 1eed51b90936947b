DROP TABLE member_descriptions;
