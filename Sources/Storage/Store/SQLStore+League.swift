import Domain
import Foundation
import PersianKit
import SQLKit

/// The league table's rows: every referral made in the period (through `referrals_for_reports`), with
/// what the citizen did after its answer read from the case's history. `AgencyLeague` ranks them.
extension SQLStore {
    public func leagueReferrals(_ period: JalaliPeriod, provinceCode: String?) async throws -> [LeagueReferral] {
        let reopened = Self.literal(CaseEventKind.reopened.rawValue)
        let rated = Self.literal(CaseEventKind.rated.rawValue)
        let sql: SQLQueryString = """
            SELECT r.agency_id, a.name AS agency_name, r.status, r.created_at, r.due_at, r.answered_at, r.escalation_level,
                CASE WHEN r.answered_at IS NOT NULL AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = r.case_id
                    AND e.kind = \(unsafeRaw: reopened) AND e.at > r.answered_at) THEN 1 ELSE 0 END AS reopened_after,
                (SELECT e.rating FROM case_events e WHERE e.case_id = r.case_id AND e.kind = \(unsafeRaw: rated)
                    AND r.answered_at IS NOT NULL AND e.at >= r.answered_at ORDER BY e.seq LIMIT 1) AS rating_after
            FROM referrals r\(unsafeRaw: Self.reportIndex(engine, "referrals_for_reports")) JOIN agencies a ON a.id = r.agency_id
            WHERE \(Self.periodRange(period, province: provinceCode, table: "r."))
            """
        return try await client.read { db in
            try await db.raw(sql).all().map { row in
                LeagueReferral(
                    agencyID: try row.int("agency_id"), agencyName: try row.string("agency_name"),
                    status: try row.enumValue("status", as: ReferralStatus.self), createdAt: try row.date("created_at"),
                    dueAt: try row.date("due_at"), answeredAt: try row.optionalDate("answered_at"),
                    escalationLevel: try row.int("escalation_level"), reopenedAfterAnswer: try row.int("reopened_after") == 1,
                    ratingAfterAnswer: try row.optionalInt("rating_after"))
            }
        }
    }
}
