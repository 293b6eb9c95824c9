import Domain
import Foundation
import PersianKit
import Storage

/// Period reports (گزارش دوره‌ای) of the caller's scope.
extension CaseWorkflow {
    /// One period's report: `period` a key such as 1403-07 (nil: this month), `province` a code
    /// (nil: the caller's whole scope). Returns the period and province it covers with it.
    public func report(
        period rawPeriod: String?, province rawProvince: String?, by caller: StaffCaller
    ) async throws -> (report: CaseReport, period: JalaliPeriod, provinceCode: String?, provinces: [Province]) {
        try caller.require(.readReports)
        let period = try Self.reportPeriod(rawPeriod, now: gate.now())
        let provinces = try await reference.provinces()
        let province = try Self.reportProvince(rawProvince, for: caller.staff, among: provinces)
        return (try await cases.report(period, provinceCode: province), period, province, provinces)
    }

    /// The agencies of one period ranked (رتبه‌بندی دستگاه‌ها), in the same scope rules as the report.
    public func league(
        period rawPeriod: String?, province rawProvince: String?, by caller: StaffCaller
    ) async throws -> (league: AgencyLeague, period: JalaliPeriod, provinceCode: String?, asOf: Date) {
        try caller.require(.readReports)
        let period = try Self.reportPeriod(rawPeriod, now: gate.now())
        let province = try Self.reportProvince(rawProvince, for: caller.staff, among: try await reference.provinces())
        let (league, asOf) = try await leagueTable(period, province: province)
        return (league, period, province, asOf)
    }

    /// The league of a period and scope already checked by the caller's use case.
    func leagueTable(_ period: JalaliPeriod, province: String?) async throws -> (AgencyLeague, asOf: Date) {
        let asOf = gate.now()
        let rows = try await cases.leagueReferrals(period, provinceCode: province)
        return (AgencyLeague(rows, asOf: asOf, calendar: cases.calendar), asOf)
    }

    /// The period a key names, or the current month when none is given.
    static func reportPeriod(_ raw: String?, now: Date) throws -> JalaliPeriod {
        guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else {
            return JalaliPeriod.containing(now, kind: .month)
        }
        let period: JalaliPeriod
        do { period = try JalaliPeriod(key: raw) } catch {
            throw DomainError(
                error.isWellFormed ? .unprocessable : .invalid, "invalid_period", fa: "دوره گزارش نامعتبر است؛ مانند \u{2066}1403\u{2069}، \u{2066}1403-07\u{2069}، \u{2066}1403-Q3\u{2069} یا \u{2066}1403-W28\u{2069}.",
                en: "Invalid report period; use e.g. 1403, 1403-07, 1403-Q3 or 1403-W28.", field: "period")
        }
        // A period that has not begun has nothing to count (and a year far ahead has no date-time).
        guard period.start <= now else {
            throw DomainError(
                .unprocessable, "period_in_future", fa: "این دوره هنوز آغاز نشده است.", en: "The period has not begun yet.", field: "period")
        }
        return period
    }

    /// The province a report covers (nil: the country). Provincial staff always get their own;
    /// asking for another one is refused, and one not among `provinces` is bad input.
    static func reportProvince(_ raw: String?, for staff: Staff, among provinces: [Province]) throws -> String? {
        let asked = raw.flatMap { $0.isEmpty ? nil : PersianDigits.toASCII($0) }
        if let asked, !provinces.contains(where: { $0.code == asked }) {
            throw DomainError(.unprocessable, "unknown_province", fa: "استان شناخته نشد.", en: "Unknown province.", field: "province")
        }
        guard let scope = staff.provinceCode else { return asked }
        guard asked == nil || asked == scope else {
            throw DomainError(
                .forbidden, "out_of_scope", fa: "گزارش این استان در حدود دسترسی شما نیست.",
                en: "That province's report is outside your scope.", field: "province")
        }
        return scope
    }
}
