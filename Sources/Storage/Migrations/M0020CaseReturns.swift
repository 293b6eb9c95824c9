/// How many times agencies sent a case back as not their own: from the second, the case goes to the
/// supervisor (`CaseRules.returnsBeforeSupervisor`). Earlier cases count their returned referrals.
struct M0020CaseReturns: Migration {
    let id = "0020_case_returns"

    func statements(_ engine: DatabaseEngine) -> [String] {
        [
            "ALTER TABLE cases ADD COLUMN returns INTEGER NOT NULL DEFAULT 0",
            "UPDATE cases SET returns = (SELECT COUNT(*) FROM referrals r WHERE r.case_id = cases.id AND r.status = 'returned')",
        ]
    }
}
