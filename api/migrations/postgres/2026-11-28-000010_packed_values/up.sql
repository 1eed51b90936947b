-- A packed copy of each return's values, written with them in the same
-- transaction (db::returns::replace_values): entries
-- `indicator/coop_type/sector/amount/cell_workers` joined by `;`. Statistics
-- read one row per return instead of one per value (a year at 100 times
-- the demo data: 1,600 rows instead of 63,000). return_values stays the
-- record; this is derived from it.
ALTER TABLE data_returns ADD COLUMN packed_values TEXT NOT NULL DEFAULT '';
UPDATE data_returns SET packed_values = COALESCE((
    SELECT string_agg(
        v.indicator || '/' || v.coop_type || '/' || v.sector || '/' || v.amount::text || '/'
            || COALESCE(v.cell_workers::text, ''),
        ';')
    FROM return_values v WHERE v.return_id = data_returns.id), '');
