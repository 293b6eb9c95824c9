import Domain
import Foundation
import SQLKit

/// The auto-close pass: the answered cases that have waited `days` for the citizen's verdict,
/// through the partial index on `answered_at`, each decided by `CaseRules.autoClose` under its
/// case's lock. On PostgreSQL a case another server holds is skipped (`SKIP LOCKED`) and the rule
/// finds a case another server has closed no longer answered, so no case closes twice.
extension SQLStore {
    public func autoCloseAnswered(days: Int, limit: Int) async throws -> AutoClosePass {
        let at = now()
        let cutoff = CaseRules.autoCloseCutoff(now: at, days: days)
        let due = try await client.read { db in
            try await db.raw(
                """
                SELECT id FROM cases WHERE answered_at IS NOT NULL AND answered_at <= \(bind: cutoff.millis)
                ORDER BY answered_at, id LIMIT \(literal: max(1, limit))
                """
            ).all().map { try $0.int("id") }
        }
        var pass = AutoClosePass()
        for id in due {
            pass += try await client.write { db in
                var pass = AutoClosePass()
                guard let (c, mobile) = try await lockCaseUnlessHeld(db, id: id) else {
                    pass.skipped = 1
                    return pass
                }
                let events = try await events(db, caseID: c.id)
                guard
                    let change = CaseRules.autoClose(
                        c, events: events, days: days, now: Date(millis: at.millis), link: trackingLink(c.trackingCode))
                else { return pass }
                try await apply(db, change, mobile: mobile, at: at)
                pass.closed = 1
                return pass
            }
        }
        return pass
    }
}
