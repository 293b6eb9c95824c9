/// Citizens, cases, referrals and the append-only case history. Every case table carries
/// province_code so the schema can be distributed by province later.
struct M0003Cases: Migration {
    let id = "0003_cases"

    func statements(_ engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE citizens (id \(engine.idColumn), national_id TEXT NOT NULL UNIQUE, mobile TEXT NOT NULL,
                first_name TEXT NOT NULL, last_name TEXT NOT NULL, province_code TEXT NOT NULL REFERENCES provinces(code),
                county_code TEXT REFERENCES counties(code), created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX citizens_by_mobile ON citizens (mobile)",
            """
            CREATE TABLE cases (id \(engine.idColumn), tracking_code TEXT NOT NULL UNIQUE,
                citizen_id BIGINT NOT NULL REFERENCES citizens(id), channel TEXT NOT NULL, kind TEXT NOT NULL,
                category_code TEXT NOT NULL REFERENCES categories(code), subject TEXT NOT NULL, body TEXT NOT NULL,
                search_text TEXT NOT NULL, province_code TEXT NOT NULL REFERENCES provinces(code),
                county_code TEXT REFERENCES counties(code), status TEXT NOT NULL, priority TEXT NOT NULL,
                confidential INTEGER NOT NULL, answer TEXT, merged_into_id BIGINT REFERENCES cases(id),
                rating INTEGER, campaign_id BIGINT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
                version INTEGER NOT NULL, period_week TEXT NOT NULL, period_month TEXT NOT NULL,
                period_quarter TEXT NOT NULL, period_year TEXT NOT NULL)
            """,
            "CREATE INDEX cases_by_province_status ON cases (province_code, status, created_at, id)",
            "CREATE INDEX cases_by_status ON cases (status, created_at, id)",
            "CREATE INDEX cases_by_created ON cases (created_at, id)",
            "CREATE INDEX cases_by_citizen ON cases (citizen_id, created_at)",
            "CREATE INDEX cases_by_category ON cases (category_code, created_at)",
            """
            CREATE TABLE referrals (id \(engine.idColumn), case_id BIGINT NOT NULL REFERENCES cases(id),
                province_code TEXT NOT NULL, agency_id BIGINT NOT NULL REFERENCES agencies(id), status TEXT NOT NULL,
                note TEXT, answer TEXT, return_reason TEXT, due_at BIGINT NOT NULL,
                escalation_level INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
                answered_at BIGINT)
            """,
            "CREATE INDEX referrals_by_case ON referrals (case_id)",
            "CREATE INDEX referrals_by_agency ON referrals (agency_id, status, due_at)",
            "CREATE INDEX referrals_open_by_due ON referrals (status, due_at)",
            """
            CREATE TABLE case_events (id \(engine.idColumn), case_id BIGINT NOT NULL REFERENCES cases(id),
                province_code TEXT NOT NULL, at BIGINT NOT NULL, kind TEXT NOT NULL, actor_kind TEXT NOT NULL,
                actor_id BIGINT, actor_name TEXT NOT NULL, agency_id BIGINT, agency_name TEXT, text TEXT,
                rating INTEGER)
            """,
            "CREATE INDEX case_events_by_case ON case_events (case_id, id)",
            """
            CREATE TABLE idempotency_keys (staff_id BIGINT NOT NULL, idem_key TEXT NOT NULL,
                case_id BIGINT NOT NULL REFERENCES cases(id), created_at BIGINT NOT NULL,
                PRIMARY KEY (staff_id, idem_key))
            """,
        ]
    }
}
