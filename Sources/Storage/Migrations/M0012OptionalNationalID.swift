/// A citizen may write without a national ID (the web portal asks for it, but does not require it);
/// such a citizen is known by their mobile: one row per mobile among those without an ID.
///
/// PostgreSQL drops the NOT NULL in place. SQLite cannot, so it rebuilds `citizens` as its manual
/// prescribes (new table, copy, drop, rename, with foreign-key enforcement off and checked after).
struct M0012OptionalNationalID: Migration {
    let id = "0012_optional_national_id"
    let rebuildsTables = true

    func statements(_ engine: DatabaseEngine) -> [String] {
        let partialKey = "CREATE UNIQUE INDEX citizens_by_mobile_without_national_id ON citizens (mobile) WHERE national_id IS NULL"
        switch engine {
        case .postgres:
            return ["ALTER TABLE citizens ALTER COLUMN national_id DROP NOT NULL", partialKey]
        case .sqlite:
            return [
                """
                CREATE TABLE citizens_rebuilt (id \(engine.idColumn), national_id TEXT UNIQUE, mobile TEXT NOT NULL,
                    first_name TEXT NOT NULL, last_name TEXT NOT NULL, province_code TEXT NOT NULL REFERENCES provinces(code),
                    county_code TEXT REFERENCES counties(code), created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
                """,
                """
                INSERT INTO citizens_rebuilt (id, national_id, mobile, first_name, last_name, province_code, county_code,
                    created_at, updated_at)
                SELECT id, national_id, mobile, first_name, last_name, province_code, county_code, created_at, updated_at
                FROM citizens
                """,
                "DROP TABLE citizens",
                "ALTER TABLE citizens_rebuilt RENAME TO citizens",
                "CREATE INDEX citizens_by_mobile ON citizens (mobile)",
                partialKey,
            ]
        }
    }
}
