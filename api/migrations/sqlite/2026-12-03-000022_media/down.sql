DROP TABLE media_alts;
DROP TABLE media;
