/// What the provincial inspection office did about a referral that reached its queue (level 2): the
/// breach register shows it beside each breach.
struct M0021Inspections: Migration {
    let id = "0021_inspections"

    func statements(_ engine: DatabaseEngine) -> [String] {
        [
            "ALTER TABLE referrals ADD COLUMN inspection_note TEXT",
            "ALTER TABLE referrals ADD COLUMN inspected_at BIGINT",
        ]
    }
}
