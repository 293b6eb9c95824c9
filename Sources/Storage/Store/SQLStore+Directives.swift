import Domain
import Foundation
import PersianKit
import SQLKit

/// Directives (دستور): issuing one under the case's lock, as `CaseRules.issueDirective` decides, and
/// reading them back per official.
extension SQLStore {
    public func issueDirective(
        _ code: TrackingCode, to agencyID: Int, text: String, due: DirectiveDue, issuer: Staff
    ) async throws -> CaseDetail {
        let at = now()
        return try await client.write { db in
            let (c, mobile) = try await lockCase(db, code: code)
            let category = try await category(db, code: c.categoryCode)
            let change = try CaseRules.issueDirective(
                c, to: try await agencyRef(db, id: agencyID), text: text, due: due,
                existing: try await referrals(db, caseID: c.id, lock: true), escalation: category?.escalation ?? .standard,
                calendar: calendar, at: Date(millis: at.millis), issuer: issuer, link: trackingLink(c.trackingCode))
            try await apply(db, change, mobile: mobile, at: at)
            return try await detail(db, caseID: c.id)
        }
    }

    /// Every directive (of one province when `scopeProvince` is set), for the tally per official.
    public func directiveRecords(scopeProvince: String?) async throws -> [Referral] {
        try await client.read { db in
            var sql: SQLQueryString = """
                SELECT \(unsafeRaw: Self.referralColumns) FROM referrals r \(unsafeRaw: Self.referralJoins)
                WHERE r.directed_by IS NOT NULL
                """
            if let scopeProvince { sql += " AND r.province_code = \(bind: scopeProvince)" }
            return try await db.raw(sql + " ORDER BY r.id").all().map(Self.referral(from:))
        }
    }

    /// An agency as a new referral or directive needs it, with a shared lock on PostgreSQL: an admin
    /// deactivating the agency waits for this transaction (and then sees its referral).
    func agencyRef(_ db: any SQLDatabase, id: Int) async throws -> AgencyRef? {
        let share = engine == .postgres ? " FOR SHARE" : ""
        guard let row = try await db.raw("SELECT name, active FROM agencies WHERE id = \(bind: id)\(unsafeRaw: share)").first() else {
            return nil
        }
        return AgencyRef(id: id, name: try row.string("name"), active: try row.bool("active"))
    }
}
