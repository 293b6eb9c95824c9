import Domain
import Foundation
import PersianKit
import SQLKit

extension SQLStore {
    public func inbox(agencyID: Int?, openOnly: Bool, scopeProvince: String?, limit: Int) async throws -> [InboxEntry] {
        let limit = max(1, min(limit, 200))
        return try await client.read { db in
            var sql: SQLQueryString = """
                SELECT r.id, r.case_id, r.agency_id, a.name AS agency_name, r.status, r.note, r.answer, r.return_reason,
                    r.due_at, r.escalation_level, r.created_at, r.answered_at,
                    c.tracking_code, c.subject, c.category_code, c.province_code, c.status AS case_status
                FROM referrals r JOIN agencies a ON a.id = r.agency_id JOIN cases c ON c.id = r.case_id WHERE 1 = 1
                """
            if let agencyID { sql += " AND r.agency_id = \(bind: agencyID)" }
            if openOnly { sql += " AND r.status IN ('pending', 'accepted')" }
            if let scopeProvince { sql += " AND r.province_code = \(bind: scopeProvince)" }
            sql += " ORDER BY r.due_at, r.id LIMIT \(literal: limit)"
            return try await db.raw(sql).all().map { row in
                InboxEntry(
                    referral: try Self.referral(from: row),
                    trackingCode: try TrackingCode(parsing: try row.string("tracking_code")),
                    subject: try row.string("subject"), categoryCode: try row.string("category_code"),
                    provinceCode: try row.string("province_code"),
                    caseStatus: try row.enumValue("case_status", as: CaseStatus.self))
            }
        }
    }
}
