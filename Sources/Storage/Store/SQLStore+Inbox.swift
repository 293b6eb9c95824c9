import Domain
import Foundation
import PersianKit
import SQLKit

extension SQLStore {
    /// Keyset-paginated on (due_at, id), soonest due first.
    public func inbox(agencyID: Int?, openOnly: Bool, scopeProvince: String?, limit: Int, cursor: String?) async throws -> InboxPage {
        try await referralPage(agencyID: agencyID, openOnly: openOnly, scopeProvince: scopeProvince, minLevel: nil, limit: limit, cursor: cursor)
    }

    /// Open referrals at escalation level `minLevel` or above, of every agency, most overdue first
    /// (the partial index `referrals_escalated` holds only escalated ones).
    public func overdue(minLevel: Int, scopeProvince: String?, limit: Int, cursor: String?) async throws -> InboxPage {
        try await referralPage(agencyID: nil, openOnly: true, scopeProvince: scopeProvince, minLevel: minLevel, limit: limit, cursor: cursor)
    }

    private func referralPage(
        agencyID: Int?, openOnly: Bool, scopeProvince: String?, minLevel: Int?, limit: Int, cursor: String?
    ) async throws -> InboxPage {
        let limit = max(1, min(limit, 200))
        let cursor = try cursor.map(PageCursor.init(parsing:))
        return try await client.read { db in
            var sql: SQLQueryString = """
                SELECT r.id, r.case_id, r.agency_id, a.name AS agency_name, r.status, r.note, r.answer, r.return_reason,
                    r.due_at, r.escalation_level, r.created_at, r.answered_at, r.reminded_at, r.deadline_check_at,
                    c.tracking_code, c.subject, c.category_code, c.province_code, c.status AS case_status
                FROM referrals r JOIN agencies a ON a.id = r.agency_id JOIN cases c ON c.id = r.case_id WHERE 1 = 1
                """
            if let agencyID { sql += " AND r.agency_id = \(bind: agencyID)" }
            if openOnly { sql += " AND r.status IN (\(unsafeRaw: Self.openReferralStatuses))" }
            if let scopeProvince { sql += " AND r.province_code = \(bind: scopeProvince)" }
            if let minLevel { sql += " AND r.escalation_level > 0 AND r.escalation_level >= \(bind: minLevel)" }
            if let cursor {
                sql += " AND (r.due_at > \(bind: cursor.key) OR (r.due_at = \(bind: cursor.key) AND r.id > \(bind: cursor.id)))"
            }
            sql += " ORDER BY r.due_at, r.id LIMIT \(literal: limit + 1)"
            let rows = try await db.raw(sql).all()
            let entries = try rows.prefix(limit).map { row in
                InboxEntry(
                    referral: try Self.referral(from: row),
                    trackingCode: try TrackingCode(parsing: try row.string("tracking_code")),
                    subject: try row.string("subject"), categoryCode: try row.string("category_code"),
                    provinceCode: try row.string("province_code"),
                    caseStatus: try row.enumValue("case_status", as: CaseStatus.self))
            }
            let next = rows.count > limit ? entries.last.map { PageCursor(key: $0.referral.dueAt.millis, id: $0.referral.id).encoded } : nil
            return InboxPage(entries: entries, nextCursor: next)
        }
    }
}
