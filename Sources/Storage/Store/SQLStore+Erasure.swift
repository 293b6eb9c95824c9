import Domain
import Foundation
import PersianKit
import SQLKit

/// What one erasure did.
public struct Erasure: Sendable, Hashable {
    /// The citizen records erased (one per national ID; by mobile, each record with that mobile).
    public let citizenIDs: [Int]
    /// The cases whose personal fields were replaced, by tracking code.
    public let trackingCodes: [String]
}

/// A citizen's personal data erased on request, after the retention period, while every case keeps
/// what the statistics count (province, county, category, channel, kind, status, priority, rating,
/// dates and period keys), so period reports do not change.
extension SQLStore {
    /// What erased text reads as.
    public static let erasedText = "[پاک‌شده]"
    static let erasedPrefix = "erased:"

    /// Erases the citizen with `nationalID`, or every citizen record with `mobile`: their name, national
    /// ID and mobile; their cases' subject, body, answer and search text; their referrals' notes,
    /// answers and reasons; their cases' event texts; their SMS's mobile and text; their sign-in codes,
    /// sessions and rate-limit windows. Refused (`CaseRules.erasureRefusal`) while a case is unsettled
    /// or within `retention`, and when a history's chain is already broken (an erasure must not seal
    /// over tampering). Each history whose texts change is re-sealed, its old and new heads written to
    /// the audit log with the erasure, and each case gets a `personalDataErased` event.
    public func eraseCitizen(
        nationalID: NationalID?, mobile: MobileNumber?, retention: TimeInterval, by actor: AuditActor
    ) async throws -> Erasure {
        let at = Date(millis: now().millis)
        return try await client.write { db in
            let citizens: [any SQLRow]
            if let nationalID {
                citizens = try await db.raw(
                    "SELECT id, mobile, updated_at FROM citizens WHERE national_id = \(bind: nationalID.value)\(unsafeRaw: engine.forUpdate)"
                ).all()
            } else if let mobile {
                citizens = try await db.raw(
                    "SELECT id, mobile, updated_at FROM citizens WHERE mobile = \(bind: mobile.value)\(unsafeRaw: engine.forUpdate)"
                ).all()
            } else {
                citizens = []
            }
            guard !citizens.isEmpty else { throw DomainError.notFound("citizen", fa: "شهروند") }
            let ids = try citizens.map { try $0.int("id") }
            let mobiles = Set(try citizens.map { try $0.string("mobile") })
            let cases = try await db.raw(
                """
                SELECT id, tracking_code, status, updated_at FROM cases WHERE citizen_id IN (\(binds: ids)) ORDER BY id\(unsafeRaw: engine.forUpdate)
                """
            ).all()
            let lastChange = try (cases.map { try $0.int("updated_at") } + citizens.map { try $0.int("updated_at") }).max() ?? 0
            if let refusal = CaseRules.erasureRefusal(
                statuses: try cases.map { try $0.enumValue("status", as: CaseStatus.self) }, lastChange: Date(millis: lastChange),
                now: at, retention: retention)
            {
                throw refusal
            }
            let caseIDs = try cases.map { try $0.int("id") }
            var heads: [String] = []
            if !caseIDs.isEmpty {
                for c in cases {
                    let code = try c.string("tracking_code")
                    let problems = try await caseHistoryProblems(db, caseIDs: [try c.int("id")])
                    guard problems.isEmpty else {
                        throw DomainError(
                            .conflict, "history_broken", fa: "تاریخچه نامه \(code) دست‌کاری شده است؛ پیش از پاک کردن بررسی شود.",
                            en: "The history of case \(code) does not verify; investigate before erasing.")
                    }
                }
                let erased = Self.erasedText
                try await db.raw(
                    """
                    UPDATE cases SET subject = \(bind: erased), body = \(bind: erased), search_text = '',
                        answer = CASE WHEN answer IS NULL THEN NULL ELSE \(bind: erased) END
                    WHERE id IN (\(binds: caseIDs))
                    """
                ).run()
                try await db.raw(
                    """
                    UPDATE referrals SET note = CASE WHEN note IS NULL THEN NULL ELSE \(bind: erased) END,
                        answer = CASE WHEN answer IS NULL THEN NULL ELSE \(bind: erased) END,
                        return_reason = CASE WHEN return_reason IS NULL THEN NULL ELSE \(bind: erased) END
                    WHERE case_id IN (\(binds: caseIDs))
                    """
                ).run()
                try await db.raw(
                    "UPDATE case_events SET text = \(bind: erased) WHERE case_id IN (\(binds: caseIDs)) AND text IS NOT NULL"
                ).run()
                try await db.raw(
                    """
                    UPDATE notifications SET mobile = \(bind: Self.erasedPrefix), text = \(bind: erased),
                        status = CASE WHEN status = \(unsafeRaw: Self.literal(NotificationStatus.sent)) THEN status ELSE \(unsafeRaw: Self.literal(NotificationStatus.failed)) END,
                        last_error = CASE WHEN status = \(unsafeRaw: Self.literal(NotificationStatus.sent)) THEN last_error ELSE 'erased' END
                    WHERE case_id IN (\(binds: caseIDs))
                    """
                ).run()
                for c in cases {
                    let caseID = try c.int("id")
                    let old = try await db.raw("SELECT event_head FROM cases WHERE id = \(bind: caseID)").one().optionalString("event_head")
                    let sealed = try await Self.sealHistory(db, caseID: caseID, order: "seq")
                    heads.append("\(try c.string("tracking_code")):\(old ?? "-")>\(sealed.head ?? "-")")
                }
            }
            for id in ids {
                try await db.raw(
                    """
                    UPDATE citizens SET national_id = NULL, mobile = \(bind: Self.erasedPrefix + String(id)),
                        first_name = \(bind: Self.erasedText), last_name = '', updated_at = \(bind: at.millis)
                    WHERE id = \(bind: id)
                    """
                ).run()
            }
            for value in mobiles {
                try await db.raw("DELETE FROM otp_challenges WHERE mobile = \(bind: value)").run()
                try await db.raw("DELETE FROM sessions WHERE citizen_mobile = \(bind: value)").run()
                try await db.raw("DELETE FROM rate_limit_windows WHERE bucket_key LIKE \(bind: "%" + value + "%")").run()
            }
            try await appendAudit(
                db, .personalDataErased, by: actor, target: AuditTarget(kind: "citizen", id: ids.first, name: nil),
                detail: "citizens=\(ids.map(String.init).joined(separator: ",")) resealed=\(heads.joined(separator: ","))", at: at)
            for caseID in caseIDs {
                let (c, _) = try await lockCase(db, id: caseID)
                try await appendEvent(db, c, .personalDataErased, actor: .system, at: at)
            }
            return Erasure(citizenIDs: ids, trackingCodes: try cases.map { try $0.string("tracking_code") })
        }
    }
}
