import Domain
import Foundation
import SQLKit

/// Oversight counts: the open cases registered before a cutoff, by province and by the agency whose
/// open referral holds them (`UnansweredOversight` says which statuses count), and one agency's
/// open, late and level-2 referrals.
extension SQLStore {
    public func unanswered(before cutoff: Date, days: Int, scopeProvince: String?) async throws -> UnansweredOversight {
        let open = Self.literalList(UnansweredOversight.unansweredStatuses.map(\.rawValue))
        let holding = Self.literalList(UnansweredOversight.holdingReferralStatuses.map(\.rawValue))
        let scope: SQLQueryString = if let scopeProvince { " AND c.province_code = \(bind: scopeProvince)" } else { "" }
        return try await client.read { db in
            let agencyRows = try await db.raw(
                """
                SELECT c.province_code, r.agency_id, a.name AS agency_name, a.province_code AS agency_province, COUNT(DISTINCT c.id) AS n, MIN(c.created_at) AS oldest
                FROM cases c
                LEFT JOIN referrals r ON r.case_id = c.id AND r.status IN (\(unsafeRaw: holding))
                LEFT JOIN agencies a ON a.id = r.agency_id
                WHERE c.status IN (\(unsafeRaw: open)) AND c.created_at < \(bind: cutoff.millis)\(scope)
                GROUP BY c.province_code, r.agency_id, a.name, a.province_code
                """
            ).all().map { row in
                UnansweredOversight.Count(
                    provinceCode: try row.string("province_code"), agencyID: try row.optionalInt("agency_id"),
                    agencyName: try row.optionalString("agency_name"), agencyProvinceCode: try row.optionalString("agency_province"),
                    cases: try row.int("n"), oldest: try row.date("oldest"))
            }
            let provinceRows = try await db.raw(
                """
                SELECT c.province_code, COUNT(*) AS n, MIN(c.created_at) AS oldest FROM cases c
                WHERE c.status IN (\(unsafeRaw: open)) AND c.created_at < \(bind: cutoff.millis)\(scope)
                GROUP BY c.province_code
                """
            ).all().map { row in
                UnansweredOversight.Count(
                    provinceCode: try row.string("province_code"), agencyID: nil, agencyName: nil, cases: try row.int("n"),
                    oldest: try row.date("oldest"))
            }
            return UnansweredOversight(days: days, provinceCode: scopeProvince, cutoff: cutoff, byAgency: agencyRows, byProvince: provinceRows)
        }
    }
}

extension SQLStore {
    /// One agency's open referrals at `now` (of one province when `scopeProvince` is set).
    public func agencyLoad(agencyID: Int, scopeProvince: String?) async throws -> AgencyLoad {
        let at = now().millis
        var sql: SQLQueryString = """
            SELECT COUNT(*) AS n_open,
                COALESCE(SUM(CASE WHEN due_at < \(bind: at) THEN 1 ELSE 0 END), 0) AS late,
                COALESCE(SUM(CASE WHEN escalation_level >= 1 THEN 1 ELSE 0 END), 0) AS level1,
                COALESCE(SUM(CASE WHEN escalation_level >= \(bind: CaseRules.topEscalationLevel) THEN 1 ELSE 0 END), 0) AS level2,
                COALESCE(SUM(CASE WHEN directed_by IS NOT NULL THEN 1 ELSE 0 END), 0) AS directives
            FROM referrals WHERE agency_id = \(bind: agencyID) AND status IN (\(unsafeRaw: Self.openReferralStatuses))
            """
        if let scopeProvince { sql += " AND province_code = \(bind: scopeProvince)" }
        let query = sql
        return try await client.read { db in
            let row = try await db.raw(query).one()
            return AgencyLoad(
                open: try row.int("n_open"), late: try row.int("late"), level1: try row.int("level1"), level2: try row.int("level2"),
                openDirectives: try row.int("directives"))
        }
    }
}
