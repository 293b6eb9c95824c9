import Domain
import Foundation
import PersianKit
import Storage
import Workflow

/// Period reports (گزارش دوره‌ای): what came in a week, month, quarter or year, and how it was answered.
extension SamadAPI {
    func getReport(_ input: Operations.GetReport.Input) async throws -> Operations.GetReport.Output {
        let caller = try await staffCaller(for: .getReport)
        let result = try await workflow.report(period: input.query.period, province: input.query.province, by: caller)
        return .ok(.init(body: .json(.init(result.report))))
    }

    func getLeague(_ input: Operations.GetLeague.Input) async throws -> Operations.GetLeague.Output {
        let caller = try await staffCaller(for: .getLeague)
        let result = try await workflow.league(period: input.query.period, province: input.query.province, by: caller)
        return .ok(
            .init(
                body: .json(
                    .init(
                        period: result.period.key, label: result.period.labelFa, province: result.provinceCode, asOf: result.asOf,
                        lines: result.league.lines.map {
                            .init(
                                rank: $0.rank, agencyId: $0.agencyID, agencyName: $0.agencyName, referrals: $0.referrals,
                                answered: $0.answered, onTimeRate: $0.onTimeRate, medianDays: $0.medianDays, p90Days: $0.p90Days,
                                returnRate: $0.returnRate, reopenRate: $0.reopenRate, meanRating: $0.meanRating, breaches: $0.breaches)
                        }))))
    }
}
