-- Nothing to change on PostgreSQL: its search rows are found by index
-- (search_index_doc). Kept so both backends share one migration history.
SELECT 1;
