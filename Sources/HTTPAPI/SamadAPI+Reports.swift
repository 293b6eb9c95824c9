import Domain
import Foundation
import PersianKit
import Storage
import Workflow

/// Period reports (گزارش دوره‌ای): what came in a week, month, quarter or year, and how it was answered;
/// the league table and the oversight of unanswered letters and of one agency.
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
                        lines: result.league.lines.map(Components.Schemas.LeagueLine.init)))))
    }

    func getUnanswered(_ input: Operations.GetUnanswered.Input) async throws -> Operations.GetUnanswered.Output {
        let caller = try await staffCaller(for: .getUnanswered)
        let (found, provinces) = try await workflow.unanswered(days: input.query.days, province: input.query.province, by: caller)
        let names = Dictionary(uniqueKeysWithValues: provinces.map { ($0.code, $0.name) })
        func line(_ c: UnansweredOversight.Count) -> Components.Schemas.UnansweredCount {
            .init(
                province: c.provinceCode, provinceName: names[c.provinceCode] ?? c.provinceCode, agencyId: c.agencyID,
                agencyName: c.agencyName, cases: c.cases, oldest: c.oldest)
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        days: found.days, cutoff: found.cutoff, total: found.total, byProvince: found.byProvince.map(line),
                        byAgency: found.byAgency.map(line)))))
    }

    func getAgencyOversight(_ input: Operations.GetAgencyOversight.Input) async throws -> Operations.GetAgencyOversight.Output {
        let caller = try await staffCaller(for: .getAgencyOversight)
        let (profile, referrals, _) = try await workflow.agencyProfile(
            input.path.agencyId, period: input.query.period, province: input.query.province, limit: try Self.pageLimit(input.query.limit, default: 100),
            cursor: input.query.cursor, by: caller)
        let load = profile.load
        return .ok(
            .init(
                body: .json(
                    .init(
                        agency: .init(profile.agency), period: profile.period.key, label: profile.period.labelFa,
                        province: profile.provinceCode,
                        load: .init(
                            open: load.open, late: load.late, level1: load.level1, level2: load.level2,
                            openDirectives: load.openDirectives),
                        league: profile.line.map(Components.Schemas.LeagueLine.init), ranked: profile.ranked,
                        referrals: .init(referrals, clock: workflow.clock)))))
    }
}
