/// The deadline watcher's columns: when a referral's liaison was reminded and when the watcher next
/// looks at it (a partial index holds only the referrals it still has to look at), and each
/// category's reminder and escalation days (the defaults are `EscalationPolicy.standard`). Open
/// referrals from before are looked at on the watcher's first pass. The status list is written out:
/// a migration states what the schema was when it shipped.
struct M0017DeadlineWatch: Migration {
    let id = "0017_deadline_watch"

    func statements(_ engine: DatabaseEngine) -> [String] {
        [
            "ALTER TABLE referrals ADD COLUMN reminded_at BIGINT",
            "ALTER TABLE referrals ADD COLUMN deadline_check_at BIGINT",
            "UPDATE referrals SET deadline_check_at = created_at WHERE status IN ('pending', 'accepted')",
            """
            CREATE INDEX referrals_by_deadline_check ON referrals (deadline_check_at, id)
            WHERE deadline_check_at IS NOT NULL
            """,
            """
            CREATE INDEX referrals_escalated ON referrals (province_code, escalation_level, due_at)
            WHERE escalation_level > 0
            """,
            "ALTER TABLE categories ADD COLUMN reminder_days_before INTEGER NOT NULL DEFAULT 1",
            "ALTER TABLE categories ADD COLUMN level1_days_late INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE categories ADD COLUMN level2_days_late INTEGER NOT NULL DEFAULT 3",
        ]
    }
}
