import Domain
import Foundation
import PersianKit
import Storage

/// Oversight (نظارت) for the inspection office: the letters still unanswered after N days by
/// province and agency, and one agency's page (what it holds now, its league line, its open
/// referrals). Provincial staff see their province; national agencies appear with that province's share.
extension CaseWorkflow {
    /// The counts, with the provinces they were checked against (for their names).
    public func unanswered(
        days: Int?, province rawProvince: String?, by caller: StaffCaller
    ) async throws -> (oversight: UnansweredOversight, provinces: [Province]) {
        try caller.require(.followDeadlines)
        let days = days ?? UnansweredOversight.defaultDays
        let cutoff = try UnansweredOversight.cutoff(days: days, now: gate.now())
        let provinces = try await reference.provinces()
        let province = try Self.reportProvince(rawProvince, for: caller.staff, among: provinces)
        return (try await cases.unanswered(before: cutoff, days: days, scopeProvince: province), provinces)
    }

    /// The agency's page: its load and league line in `period` (the current month by default) for
    /// the caller's province, or for the country or one province (`province`) for national staff, and
    /// one page of its open referrals, most urgent first.
    public func agencyProfile(
        _ agencyID: Int, period rawPeriod: String?, province rawProvince: String?, limit: Int, cursor: String?,
        by caller: StaffCaller
    ) async throws -> (profile: AgencyProfile, referrals: InboxPage, provinces: [Province]) {
        try caller.require(.followDeadlines)
        guard let agency = try await reference.agency(id: agencyID),
            AgencyProfile.mayView(agencyProvince: agency.provinceCode, by: caller.staff)
        else { throw DomainError.notFound("agency", fa: "دستگاه") }
        let period = try Self.reportPeriod(rawPeriod, now: gate.now())
        let provinces = try await reference.provinces()
        let scope = try Self.reportProvince(rawProvince, for: caller.staff, among: provinces)
        let (league, _) = try await leagueTable(period, province: scope)
        let load = try await cases.agencyLoad(agencyID: agencyID, scopeProvince: scope)
        let referrals = try await cases.inbox(agencyID: agencyID, openOnly: true, scopeProvince: scope, refine: .init(), limit: limit, cursor: cursor)
        return (AgencyProfile(agency: agency, period: period, provinceCode: scope, load: load, league: league), referrals, provinces)
    }
}
