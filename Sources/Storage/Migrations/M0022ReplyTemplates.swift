/// Ready answers (متن‌های آماده پاسخ): a province's, or national (`province_code` NULL), for one
/// category or any (`category_code` NULL).
struct M0022ReplyTemplates: Migration {
    let id = "0022_reply_templates"

    func statements(_ engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE reply_templates (id \(engine.idColumn), title TEXT NOT NULL, body TEXT NOT NULL,
                category_code TEXT, province_code TEXT, active INTEGER NOT NULL DEFAULT 1,
                created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX reply_templates_by_province ON reply_templates (province_code, active)",
        ]
    }
}
