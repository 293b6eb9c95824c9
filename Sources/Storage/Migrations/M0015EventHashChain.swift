import SQLKit

/// A hash chain over each case's history: every `case_events` row gets its place in the case's
/// chain (`seq`, from 1), the previous row's hash and its own (`ChainedCaseEvent.hash`); the case
/// row keeps the chain's head (`event_count`, `event_head`), so a deleted last row, or a case whose
/// whole history is gone, shows too. Existing histories are sealed here, in id order.
struct M0015EventHashChain: Migration {
    let id = "0015_event_hash_chain"

    func statements(_ engine: DatabaseEngine) -> [String] {
        [
            "ALTER TABLE case_events ADD COLUMN seq INTEGER",
            "ALTER TABLE case_events ADD COLUMN prev_hash TEXT",
            "ALTER TABLE case_events ADD COLUMN hash TEXT",
            "ALTER TABLE cases ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE cases ADD COLUMN event_head TEXT",
            // Two writers chaining onto one head would collide here rather than fork the chain.
            "CREATE UNIQUE INDEX case_events_chain ON case_events (case_id, seq)",
        ]
    }

    func migrateData(_ db: any SQLDatabase, _ engine: DatabaseEngine) async throws {
        var after = 0
        while true {
            let ids = try await db.raw(
                "SELECT id FROM cases WHERE id > \(bind: after) ORDER BY id LIMIT 1000"
            ).all().map { try $0.int("id") }
            for caseID in ids {
                try await SQLStore.sealHistory(db, caseID: caseID, order: "id")
            }
            guard let last = ids.last else { return }
            after = last
        }
    }
}
