/// Provinces, counties, agencies and categories.
struct M0001Reference: Migration {
    let id = "0001_reference"

    func statements(_ engine: DatabaseEngine) -> [String] {
        [
            "CREATE TABLE provinces (code TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL, population BIGINT NOT NULL DEFAULT 0)",
            """
            CREATE TABLE counties (code TEXT PRIMARY KEY, province_code TEXT NOT NULL REFERENCES provinces(code),
                name TEXT NOT NULL)
            """,
            """
            CREATE TABLE agencies (id \(engine.idColumn), name TEXT NOT NULL, kind TEXT NOT NULL,
                parent_id BIGINT REFERENCES agencies(id), province_code TEXT REFERENCES provinces(code),
                active INTEGER NOT NULL DEFAULT 1)
            """,
            "CREATE INDEX agencies_by_province ON agencies (province_code, kind)",
            """
            CREATE TABLE categories (code TEXT PRIMARY KEY, name TEXT NOT NULL, default_agency_kind TEXT NOT NULL,
                answer_days INTEGER NOT NULL, active INTEGER NOT NULL DEFAULT 1, position INTEGER NOT NULL DEFAULT 0)
            """,
        ]
    }
}
