import Domain
import Foundation
import PersianKit
import SQLKit

/// The deadline watcher's pass: the referrals whose check has come, through the partial index on
/// `deadline_check_at`, each decided by `CaseRules.watchDeadline` under its case's lock. On
/// PostgreSQL a case another server has locked is skipped (`SKIP LOCKED`); a referral whose check
/// another server has already moved is left alone, so two watchers never take one step twice.
extension SQLStore: DeadlineRepository {
    public func watchDeadlines(limit: Int) async throws -> DeadlinePass {
        let at = now()
        let due = try await client.read { db in
            try await db.raw(
                """
                SELECT id, case_id FROM referrals
                WHERE deadline_check_at IS NOT NULL AND deadline_check_at <= \(bind: at.millis)
                ORDER BY deadline_check_at, id LIMIT \(literal: max(1, limit))
                """
            ).all().map { (referral: try $0.int("id"), case: try $0.int("case_id")) }
        }
        var pass = DeadlinePass()
        pass.read = due.count
        for item in due {
            pass += try await client.write { db in
                var pass = DeadlinePass()
                guard let (c, mobile) = try await lockCaseUnlessHeld(db, id: item.case) else {
                    pass.skipped = 1
                    return pass
                }
                let referrals = try await referrals(db, caseID: c.id, lock: true)
                guard let before = referrals.first(where: { $0.id == item.referral }) else { return pass }
                guard let check = before.watchAt else {
                    // No longer open, yet still indexed: it leaves the watcher's index.
                    try await db.raw("UPDATE referrals SET deadline_check_at = NULL WHERE id = \(bind: before.id)").run()
                    return pass
                }
                // Another server moved it on since this pass read it.
                guard check.millis <= at.millis else { return pass }
                let category = try await category(db, code: c.categoryCode)
                guard
                    let change = CaseRules.watchDeadline(
                        c, referralID: item.referral, referrals: referrals, policy: category?.escalation ?? .standard,
                        calendar: calendar, now: Date(millis: at.millis)),
                    let after = change.updatedReferrals.first
                else { return pass }
                pass.looked = 1
                if change.events.isEmpty {
                    try await db.raw(
                        "UPDATE referrals SET deadline_check_at = \(bind: after.watchAt?.millis) WHERE id = \(bind: after.id)"
                    ).run()
                    return pass
                }
                try await apply(db, change, mobile: mobile, at: at)
                if after.remindedAt != nil, before.remindedAt == nil { pass.reminded = 1 }
                if after.escalationLevel >= 1, before.escalationLevel < 1 { pass.level1 = 1 }
                if after.escalationLevel >= 2, before.escalationLevel < 2 { pass.level2 = 1 }
                return pass
            }
        }
        return pass
    }

    /// The case, locked for the transaction; nil on PostgreSQL when another transaction holds it.
    func lockCaseUnlessHeld(_ db: any SQLDatabase, id: Int) async throws -> (Case, mobile: MobileNumber)? {
        guard engine == .postgres else { return try await lockCase(db, id: id) }
        let row = try await db.raw(
            """
            SELECT \(unsafeRaw: Self.caseColumns), z.mobile FROM cases c JOIN citizens z ON z.id = c.citizen_id
            WHERE c.id = \(bind: id) FOR UPDATE OF c SKIP LOCKED
            """
        ).first()
        guard let row else { return nil }
        return (try Self.caseValue(from: row), try row.mobile())
    }
}
