import Domain
import Foundation
import PersianKit
import SQLKit

/// The open data's counts: one grouped read over a month's cases (their `period_month` key).
extension SQLStore {
    public func monthCounts(_ month: JalaliPeriod) async throws -> [MonthCount] {
        try await client.read { db in
            try await db.raw(
                """
                SELECT province_code, category_code, COUNT(*) AS n FROM cases
                WHERE period_month = \(bind: month.key) AND status <> 'merged'
                GROUP BY province_code, category_code
                """
            ).all().map {
                MonthCount(provinceCode: try $0.string("province_code"), categoryCode: try $0.string("category_code"), count: try $0.int("n"))
            }
        }
    }
}
