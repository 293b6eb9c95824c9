/// Covering indexes for the period reports: a week, month, quarter or year of cases (or of
/// referrals) is one range of `created_at`, and every column a report counts by is in the index,
/// so a report reads the index alone and never the case rows with their texts.
struct M0013ReportIndexes: Migration {
    let id = "0013_report_indexes"

    func statements(_ engine: DatabaseEngine) -> [String] {
        [
            "CREATE INDEX cases_for_reports ON cases (created_at, province_code, status, category_code, channel, kind, rating)",
            """
            CREATE INDEX referrals_for_reports ON referrals (created_at, province_code, agency_id, status, due_at,
                answered_at)
            """,
        ]
    }
}
