import Domain
import Foundation
import PersianKit
import SQLKit

extension SQLStore {
    /// The figures come from a few statements read one after another, not one snapshot: writes that
    /// land between them can make the totals differ by those few cases.
    public func report(_ period: JalaliPeriod, provinceCode: String?) async throws -> CaseReport {
        let asOf = now()
        return try await client.read { db in
            let categories = try await db.raw("SELECT code, name FROM categories ORDER BY code").all().map {
                (code: try $0.string("code"), name: try $0.string("name"))
            }
            // One pass over the period's slice of `cases_for_reports` for the fixed vocabularies, every
            // count a filtered aggregate (no sorting, no temporary table); categories, which admins
            // add, are grouped in a second pass over the same slice.
            let dimensions: [(column: String, keys: [String])] = [
                ("status", CaseStatus.allCases.map(\.rawValue)), ("channel", Channel.allCases.map(\.rawValue)),
                ("kind", CaseKind.allCases.map(\.rawValue)),
            ]
            var sql: SQLQueryString = """
                SELECT COUNT(*) AS n, COUNT(rating) AS rated, CAST(COALESCE(SUM(rating), 0) AS BIGINT) AS rating_sum,
                    COUNT(*) FILTER (WHERE rating <= 2) AS unsatisfied
                """
            for (d, dimension) in dimensions.enumerated() {
                for (k, key) in dimension.keys.enumerated() {
                    sql += ", COUNT(*) FILTER (WHERE \(unsafeRaw: dimension.column) = \(bind: key)) AS d\(unsafeRaw: "\(d)_\(k)")"
                }
            }
            sql += " FROM cases\(unsafeRaw: Self.reportIndex(engine, "cases_for_reports")) WHERE "
            sql += Self.periodRange(period, province: provinceCode)
            let row = try await db.raw(sql).one()
            var counts: [[CaseReport.Count]] = []
            for (d, dimension) in dimensions.enumerated() {
                var list: [CaseReport.Count] = []
                for (k, key) in dimension.keys.enumerated() {
                    let n = try row.int("d\(d)_\(k)")
                    if n > 0 { list.append(.init(key: key, label: Self.label(dimension.column, key, categories), count: n)) }
                }
                counts.append(list.sorted(by: Self.largestFirst))
            }
            let byCategory = try await db.raw(
                """
                SELECT category_code, COUNT(*) AS n FROM cases\(unsafeRaw: Self.reportIndex(engine, "cases_for_reports"))
                WHERE \(Self.periodRange(period, province: provinceCode)) GROUP BY category_code
                """
            ).all().map { row in
                let code = try row.string("category_code")
                return CaseReport.Count(key: code, label: Self.label("category_code", code, categories), count: try row.int("n"))
            }.sorted(by: Self.largestFirst)
            let rated = try row.int("rated")
            let previous = try await db.raw(
                """
                SELECT COUNT(*) AS n FROM cases\(unsafeRaw: Self.reportIndex(engine, "cases_for_reports"))
                WHERE \(Self.periodRange(period.previous, province: provinceCode))
                """
            ).one().int("n")
            return CaseReport(
                period: period, provinceCode: provinceCode, asOf: asOf, cases: try row.int("n"), previousPeriodCases: previous,
                byStatus: counts[0], byCategory: byCategory, byChannel: counts[1], byKind: counts[2], rated: rated,
                meanRating: rated > 0 ? Double(try row.int("rating_sum")) / Double(rated) : nil,
                unsatisfied: try row.int("unsatisfied"),
                agencies: try await agencyLines(db, period, province: provinceCode, asOf: asOf))
        }
    }

    /// Referrals made in the period, by agency: one pass over `referrals_for_reports`.
    private func agencyLines(_ db: any SQLDatabase, _ period: JalaliPeriod, province: String?, asOf: Date) async throws
        -> [CaseReport.AgencyLine]
    {
        let open: SQLQueryString = "r.status IN (\(unsafeRaw: Self.openReferralStatuses))"
        let answered = Self.literal(ReferralStatus.answered.rawValue)
        let returned = Self.literal(ReferralStatus.returned.rawValue)
        let sql: SQLQueryString = """
            SELECT r.agency_id, a.name AS agency_name, COUNT(*) AS referred,
                COUNT(*) FILTER (WHERE r.status = \(unsafeRaw: answered)) AS answered,
                COUNT(*) FILTER (WHERE r.status = \(unsafeRaw: answered) AND r.answered_at <= r.due_at) AS on_time,
                COUNT(*) FILTER (WHERE \(open) AND r.due_at < \(bind: asOf.millis)) AS overdue,
                COUNT(*) FILTER (WHERE \(open)) AS open_now,
                COUNT(*) FILTER (WHERE r.status = \(unsafeRaw: returned)) AS returned,
                CAST(COALESCE(SUM(r.answered_at - r.created_at) FILTER (WHERE r.status = \(unsafeRaw: answered)), 0) AS BIGINT)
                    AS answer_millis
            FROM referrals r\(unsafeRaw: Self.reportIndex(engine, "referrals_for_reports")) JOIN agencies a ON a.id = r.agency_id
            WHERE \(Self.periodRange(period, province: province, table: "r."))
            GROUP BY r.agency_id, a.name ORDER BY referred DESC, r.agency_id
            """
        return try await db.raw(sql).all().map { row in
            let answered = try row.int("answered")
            return CaseReport.AgencyLine(
                agencyID: try row.int("agency_id"), agencyName: try row.string("agency_name"),
                referred: try row.int("referred"), answered: answered, answeredOnTime: try row.int("on_time"),
                overdue: try row.int("overdue"), open: try row.int("open_now"), returned: try row.int("returned"),
                meanDaysToAnswer: answered > 0 ? Double(try row.int("answer_millis")) / Double(answered) / 86_400_000 : nil)
        }
    }

    /// The period's slice of a report index: one range for a province, one range per province (an
    /// IN list the index walks in order) for the whole country.
    static func periodRange(_ period: JalaliPeriod, province: String?, table: String = "") -> SQLQueryString {
        var sql: SQLQueryString =
            if let province { "\(unsafeRaw: table)province_code = \(bind: province)" } else {
                "\(unsafeRaw: table)province_code IN (SELECT code FROM provinces)"
            }
        sql += " AND \(unsafeRaw: table)created_at >= \(bind: period.start.millis) AND \(unsafeRaw: table)created_at < \(bind: period.end.millis)"
        return sql
    }

    /// SQLite's planner, given statistics, may prefer a narrower index and sort; the report index is
    /// always the better one for these queries. PostgreSQL chooses well on its own.
    static func reportIndex(_ engine: DatabaseEngine, _ index: String) -> String {
        engine == .sqlite ? " INDEXED BY \(index)" : ""
    }

    private static func largestFirst(_ a: CaseReport.Count, _ b: CaseReport.Count) -> Bool {
        (a.count, b.key) > (b.count, a.key)
    }

    private static func label(_ column: String, _ key: String, _ categories: [(code: String, name: String)]) -> String {
        switch column {
        case "status": CaseStatus(rawValue: key)?.nameFa ?? key
        case "channel": Channel(rawValue: key)?.nameFa ?? key
        case "kind": CaseKind(rawValue: key)?.nameFa ?? key
        default: categories.first { $0.code == key }?.name ?? key
        }
    }
}
