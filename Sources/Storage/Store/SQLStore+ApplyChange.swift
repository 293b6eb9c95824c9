import Domain
import Foundation
import PersianKit
import SQLKit

/// Applying a change `CaseRules` computed: Storage writes what the rules decided and nothing else.
extension SQLStore {
    /// Writes `change` to the case locked in this transaction: its referrals, the case itself
    /// (version bumped), its events in order, and its SMS to `mobile` in the outbox.
    func apply(_ db: any SQLDatabase, _ change: CaseChange, mobile: MobileNumber, at: Date) async throws {
        var c = change.case
        c.answeredAt = change.answeredAt(at)
        for r in change.updatedReferrals {
            try await db.raw(
                """
                UPDATE referrals SET status = \(bind: r.status.rawValue), answer = \(bind: r.answer),
                    return_reason = \(bind: r.returnReason), answered_at = \(bind: r.answeredAt?.millis),
                    escalation_level = \(bind: r.escalationLevel), reminded_at = \(bind: r.remindedAt?.millis),
                    deadline_check_at = \(bind: r.watchAt?.millis), inspection_note = \(bind: r.inspectionNote),
                    inspected_at = \(bind: r.inspectedAt?.millis), updated_at = \(bind: at.millis)
                WHERE id = \(bind: r.id) AND case_id = \(bind: c.id)
                """
            ).run()
        }
        for r in change.newReferrals {
            try await db.raw(
                """
                INSERT INTO referrals (case_id, province_code, agency_id, status, note, due_at, escalation_level,
                    deadline_check_at, directed_by, created_at, updated_at)
                VALUES (\(bind: c.id), \(bind: c.provinceCode), \(bind: r.agencyID), \(bind: r.status.rawValue), \(bind: r.note),
                    \(bind: r.dueAt.millis), 0, \(bind: r.status.isOpen ? r.deadlineCheckAt?.millis : nil), \(bind: r.directedBy),
                    \(bind: at.millis), \(bind: at.millis))
                """
            ).run()
        }
        try await save(db, c, at: at)
        for e in change.events {
            try await appendEvent(
                db, c, e.kind, actor: change.actor, at: at, agencyID: e.agencyID, agencyName: e.agencyName, text: e.text,
                rating: e.rating)
        }
        for m in change.messages {
            try await enqueueSMS(db, c, m.kind, to: mobile, text: m.text, at: at)
        }
    }
}
