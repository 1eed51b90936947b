-- Undo the packed copy of each return's values.
ALTER TABLE data_returns DROP COLUMN packed_values;
