-- Search rows now live at rowids derived from their document (db::search),
-- so a document's rows are replaced by rowid range instead of a full scan.
-- Member rows are rebuilt at every start; drop the ones at arbitrary rowids.
DELETE FROM search_index WHERE doc_type = 'member';
