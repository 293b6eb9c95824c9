/// Indexes for national scale: a full-text index over `cases.search_text` and the province-by-date
/// index every province-scoped staff list walks.
///
/// SQLite: an FTS5 table over search_text (external content: the text is stored once, in `cases`),
/// kept in step by triggers, so registrations need no code of their own. PostgreSQL: a pg_trgm GIN
/// index, which serves the existing `search_text LIKE '%…%'` as it is; where the extension cannot be
/// created (no contrib package, no privilege) the migration still succeeds and search scans.
struct M0010SearchAndQueues: Migration {
    let id = "0010_search_and_queues"

    func statements(_ engine: DatabaseEngine) -> [String] {
        let common = [
            // A supervisor's default list is "my province, newest first": without this index it walks
            // every province's cases by date.
            "CREATE INDEX cases_by_province_created ON cases (province_code, created_at, id)"
        ]
        switch engine {
        case .sqlite:
            return common + [
                // unicode61 splits on Unicode punctuation (، ؛ « ») as well as spaces; search_text is
                // already normalised, lowercased and affix-joined by PersianText.searchKey.
                """
                CREATE VIRTUAL TABLE cases_fts USING fts5(search_text, content='cases', content_rowid='id',
                    tokenize='unicode61')
                """,
                "INSERT INTO cases_fts(cases_fts) VALUES ('rebuild')",
                """
                CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
                    INSERT INTO cases_fts(rowid, search_text) VALUES (new.id, new.search_text);
                END
                """,
                """
                CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
                    INSERT INTO cases_fts(cases_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
                END
                """,
                """
                CREATE TRIGGER cases_fts_update AFTER UPDATE OF search_text ON cases BEGIN
                    INSERT INTO cases_fts(cases_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
                    INSERT INTO cases_fts(rowid, search_text) VALUES (new.id, new.search_text);
                END
                """,
            ]
        case .postgres:
            return common + [
                """
                DO $$
                DECLARE trgm_schema text;
                BEGIN
                    BEGIN
                        -- In public, so every schema (tests use one each) finds the operator class.
                        CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
                    EXCEPTION WHEN OTHERS THEN
                        RAISE NOTICE 'pg_trgm not available (%); text search will scan', SQLERRM;
                    END;
                    SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                        WHERE e.extname = 'pg_trgm';
                    IF trgm_schema IS NOT NULL THEN
                        EXECUTE format('CREATE INDEX cases_search_trgm ON cases USING gin (search_text %I.gin_trgm_ops)', trgm_schema);
                    END IF;
                END $$
                """
            ]
        }
    }
}
