/// Directives (دستور): a referral row issued by a governor, official or inspector carries who issued
/// it; a partial index holds only directives, for the list per official.
struct M0019Directives: Migration {
    let id = "0019_directives"

    func statements(_ engine: DatabaseEngine) -> [String] {
        [
            "ALTER TABLE referrals ADD COLUMN directed_by BIGINT REFERENCES staff(id)",
            "CREATE INDEX referrals_directives ON referrals (directed_by, id) WHERE directed_by IS NOT NULL",
        ]
    }
}
