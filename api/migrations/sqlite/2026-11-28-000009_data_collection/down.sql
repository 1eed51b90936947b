DROP TABLE return_revisions;
DROP TABLE return_values;
DROP TABLE data_returns;
DROP TABLE campaigns;
