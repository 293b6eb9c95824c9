import Domain
import Foundation
import PersianKit
import SQLKit

extension SQLStore {
    /// Keyset-paginated on (due_at, id), soonest due first.
    public func inbox(
        agencyID: Int?, openOnly: Bool, scopeProvince: String?, refine: InboxRefinement, limit: Int, cursor: String?
    ) async throws -> InboxPage {
        try await referralPage(
            .init(agencyID: agencyID, openOnly: openOnly, scopeProvince: scopeProvince, refine: refine), limit: limit, cursor: cursor)
    }

    public func inboxCounts(
        agencyID: Int?, scopeProvince: String?, refine: InboxRefinement, now: Date, soonUntil: Date
    ) async throws -> InboxCounts {
        try await client.read { db in
            var matches: SQLQueryString = "1 = 1"
            Self.refine(&matches, refine)
            var sql: SQLQueryString = """
                SELECT COUNT(*) AS open,
                    COALESCE(SUM(CASE WHEN r.status = 'pending' THEN 1 ELSE 0 END), 0) AS pending,
                    COALESCE(SUM(CASE WHEN r.due_at < \(bind: now.millis) THEN 1 ELSE 0 END), 0) AS overdue,
                    COALESCE(SUM(CASE WHEN r.due_at >= \(bind: now.millis) AND r.due_at < \(bind: soonUntil.millis) THEN 1 ELSE 0 END), 0) AS soon,
                    COALESCE(SUM(CASE WHEN 
                """
            sql += matches
            sql += """
                 THEN 1 ELSE 0 END), 0) AS matching
                FROM referrals r JOIN cases c ON c.id = r.case_id
                WHERE r.status IN (\(unsafeRaw: Self.openReferralStatuses))
                """
            if let agencyID { sql += " AND r.agency_id = \(bind: agencyID)" }
            if let scopeProvince { sql += " AND r.province_code = \(bind: scopeProvince)" }
            let row = try await db.raw(sql).first()!
            return InboxCounts(
                open: try row.decode(column: "open", as: Int.self), pending: try row.decode(column: "pending", as: Int.self),
                overdue: try row.decode(column: "overdue", as: Int.self), dueSoon: try row.decode(column: "soon", as: Int.self),
                matching: try row.decode(column: "matching", as: Int.self))
        }
    }

    /// Appends `refine`'s conditions (on `r`, the referral, and `c`, its case) to a WHERE clause.
    static func refine(_ sql: inout SQLQueryString, _ refine: InboxRefinement) {
        if let status = refine.status { sql += " AND r.status = \(bind: status.rawValue)" }
        if let from = refine.dueFrom { sql += " AND r.due_at >= \(bind: from.millis)" }
        if let before = refine.dueBefore { sql += " AND r.due_at < \(bind: before.millis)" }
        if let category = refine.categoryCode { sql += " AND c.category_code = \(bind: category)" }
    }

    /// Open referrals at escalation level `minLevel` or above, of every agency, most overdue first
    /// (the partial index `referrals_escalated` holds only escalated ones).
    public func overdue(minLevel: Int, scopeProvince: String?, limit: Int, cursor: String?) async throws -> InboxPage {
        try await referralPage(.init(openOnly: true, scopeProvince: scopeProvince, minLevel: minLevel), limit: limit, cursor: cursor)
    }

    /// Directives (of one issuer, or of all), latest due first, one keyset page; the partial index
    /// `referrals_directives` holds only directives.
    public func directives(issuerID: Int?, openOnly: Bool, scopeProvince: String?, limit: Int, cursor: String?) async throws -> InboxPage {
        try await referralPage(
            .init(openOnly: openOnly, scopeProvince: scopeProvince, directives: true, issuerID: issuerID, latestFirst: true),
            limit: limit, cursor: cursor)
    }

    /// The breach register: every referral that reached level 2, open or not, latest due first.
    public func breaches(scopeProvince: String?, limit: Int, cursor: String?) async throws -> InboxPage {
        try await referralPage(
            .init(openOnly: false, scopeProvince: scopeProvince, minLevel: CaseRules.topEscalationLevel, latestFirst: true),
            limit: limit, cursor: cursor)
    }

    /// Which referrals a page lists.
    struct ReferralFilter {
        var agencyID: Int?
        var openOnly: Bool
        var scopeProvince: String?
        var minLevel: Int?
        var directives = false
        var issuerID: Int?
        /// Latest due first instead of soonest.
        var latestFirst = false
        var refine = InboxRefinement()
    }

    private func referralPage(_ filter: ReferralFilter, limit: Int, cursor: String?) async throws -> InboxPage {
        let limit = max(1, min(limit, 200))
        let cursor = try cursor.map(PageCursor.init(parsing:))
        return try await client.read { db in
            var sql: SQLQueryString = """
                SELECT \(unsafeRaw: Self.referralColumns),
                    c.tracking_code, c.subject, c.category_code, c.province_code, c.status AS case_status
                FROM referrals r \(unsafeRaw: Self.referralJoins) JOIN cases c ON c.id = r.case_id WHERE 1 = 1
                """
            if let agencyID = filter.agencyID { sql += " AND r.agency_id = \(bind: agencyID)" }
            if filter.openOnly { sql += " AND r.status IN (\(unsafeRaw: Self.openReferralStatuses))" }
            if let scopeProvince = filter.scopeProvince { sql += " AND r.province_code = \(bind: scopeProvince)" }
            if let minLevel = filter.minLevel { sql += " AND r.escalation_level > 0 AND r.escalation_level >= \(bind: minLevel)" }
            if filter.directives { sql += " AND r.directed_by IS NOT NULL" }
            if let issuerID = filter.issuerID { sql += " AND r.directed_by = \(bind: issuerID)" }
            Self.refine(&sql, filter.refine)
            let after = filter.latestFirst ? "<" : ">"
            if let cursor {
                sql += " AND (r.due_at \(unsafeRaw: after) \(bind: cursor.key) OR (r.due_at = \(bind: cursor.key) AND r.id \(unsafeRaw: after) \(bind: cursor.id)))"
            }
            sql += filter.latestFirst ? " ORDER BY r.due_at DESC, r.id DESC" : " ORDER BY r.due_at, r.id"
            sql += " LIMIT \(literal: limit + 1)"
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
