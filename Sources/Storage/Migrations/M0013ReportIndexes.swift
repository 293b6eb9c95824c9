/// Covering indexes for the period reports: a province's week, month, quarter or year of cases (or
/// of referrals) is one range of the index, the whole country one range per province, and every
/// column a report counts by is in the index, so a report never reads the case rows and their texts.
struct M0013ReportIndexes: Migration {
    let id = "0013_report_indexes"

    func statements(_ engine: DatabaseEngine) -> [String] {
        [
            "CREATE INDEX cases_for_reports ON cases (province_code, created_at, status, category_code, channel, kind, rating)",
            """
            CREATE INDEX referrals_for_reports ON referrals (province_code, created_at, agency_id, status, due_at,
                answered_at)
            """,
        ]
    }
}
