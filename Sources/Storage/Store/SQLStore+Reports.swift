import Domain
import Foundation
import PersianKit
import SQLKit

extension SQLStore {
    public func report(_ period: JalaliPeriod, provinceCode: String?) async throws -> CaseReport {
        let asOf = now()
        return try await client.read { db in
            // One pass over the period's slice of the covering index `cases_for_reports`.
            let groups = try await db.raw(
                """
                SELECT status, category_code, channel, kind, COUNT(*) AS n,
                    COUNT(rating) AS rated, CAST(COALESCE(SUM(rating), 0) AS BIGINT) AS rating_sum,
                    CAST(COALESCE(SUM(CASE WHEN rating <= 2 THEN 1 ELSE 0 END), 0) AS BIGINT) AS unsatisfied
                FROM cases WHERE \(Self.periodRange(period, province: provinceCode))
                GROUP BY status, category_code, channel, kind
                """
            ).all()
            var tally = ReportTally()
            for row in groups {
                let n = try row.int("n")
                tally.cases += n
                tally.status[try row.string("status"), default: 0] += n
                tally.category[try row.string("category_code"), default: 0] += n
                tally.channel[try row.string("channel"), default: 0] += n
                tally.kind[try row.string("kind"), default: 0] += n
                tally.rated += try row.int("rated")
                tally.ratingSum += try row.int("rating_sum")
                tally.unsatisfied += try row.int("unsatisfied")
            }
            let previous = try await db.raw(
                "SELECT COUNT(*) AS n FROM cases WHERE \(Self.periodRange(period.previous, province: provinceCode))"
            ).first()!.int("n")
            let categoryNames = Dictionary(
                uniqueKeysWithValues: try await db.raw("SELECT code, name FROM categories").all().map {
                    (try $0.string("code"), try $0.string("name"))
                })
            return CaseReport(
                period: period, provinceCode: provinceCode, asOf: asOf, cases: tally.cases, previousPeriodCases: previous,
                byStatus: Self.counts(tally.status) { CaseStatus(rawValue: $0)?.nameFa ?? $0 },
                byCategory: Self.counts(tally.category) { categoryNames[$0] ?? $0 },
                byChannel: Self.counts(tally.channel) { Channel(rawValue: $0)?.nameFa ?? $0 },
                byKind: Self.counts(tally.kind) { CaseKind(rawValue: $0)?.nameFa ?? $0 },
                rated: tally.rated, meanRating: tally.rated > 0 ? Double(tally.ratingSum) / Double(tally.rated) : nil,
                unsatisfied: tally.unsatisfied,
                agencies: try await agencyLines(db, period, province: provinceCode, asOf: asOf))
        }
    }

    /// Referrals made in the period, by agency: one pass over `referrals_for_reports`.
    private func agencyLines(_ db: any SQLDatabase, _ period: JalaliPeriod, province: String?, asOf: Date) async throws
        -> [CaseReport.AgencyLine]
    {
        let open: SQLQueryString = "r.status IN ('pending', 'accepted')"
        var sql: SQLQueryString = """
            SELECT r.agency_id, a.name AS agency_name, COUNT(*) AS referred,
                CAST(SUM(CASE WHEN r.status = 'answered' THEN 1 ELSE 0 END) AS BIGINT) AS answered,
                CAST(SUM(CASE WHEN r.status = 'answered' AND r.answered_at <= r.due_at THEN 1 ELSE 0 END) AS BIGINT) AS on_time,
                CAST(SUM(CASE WHEN \(open) AND r.due_at < \(bind: asOf.millis) THEN 1 ELSE 0 END) AS BIGINT) AS overdue,
                CAST(SUM(CASE WHEN \(open) THEN 1 ELSE 0 END) AS BIGINT) AS open_now,
                CAST(COALESCE(SUM(CASE WHEN r.status = 'answered' THEN r.answered_at - r.created_at ELSE 0 END), 0) AS BIGINT)
                    AS answer_millis
            FROM referrals r JOIN agencies a ON a.id = r.agency_id
            WHERE r.created_at >= \(bind: period.start.millis) AND r.created_at < \(bind: period.end.millis)
            """
        if let province { sql += " AND r.province_code = \(bind: province)" }
        sql += " GROUP BY r.agency_id, a.name ORDER BY referred DESC, r.agency_id"
        return try await db.raw(sql).all().map { row in
            let answered = try row.int("answered")
            return CaseReport.AgencyLine(
                agencyID: try row.int("agency_id"), agencyName: try row.string("agency_name"),
                referred: try row.int("referred"), answered: answered, answeredOnTime: try row.int("on_time"),
                overdue: try row.int("overdue"), open: try row.int("open_now"),
                meanDaysToAnswer: answered > 0 ? Double(try row.int("answer_millis")) / Double(answered) / 86_400_000 : nil)
        }
    }

    private static func periodRange(_ period: JalaliPeriod, province: String?) -> SQLQueryString {
        var sql: SQLQueryString = "created_at >= \(bind: period.start.millis) AND created_at < \(bind: period.end.millis)"
        if let province { sql += " AND province_code = \(bind: province)" }
        return sql
    }

    private static func counts(_ tally: [String: Int], label: (String) -> String) -> [CaseReport.Count] {
        tally.map { CaseReport.Count(key: $0.key, label: label($0.key), count: $0.value) }
            .sorted { ($0.count, $1.key) > ($1.count, $0.key) }
    }
}

/// Running sums while the report's groups are read.
private struct ReportTally {
    var cases = 0
    var status: [String: Int] = [:]
    var category: [String: Int] = [:]
    var channel: [String: Int] = [:]
    var kind: [String: Int] = [:]
    var rated = 0
    var ratingSum = 0
    var unsatisfied = 0
}
