import Domain
import Foundation
import Workflow
import Hummingbird
import PersianKit
import Storage

/// The period report page: a week, month, quarter or year of cases, for a province or the country.
extension WebUI {
    struct ReportModel {
        struct Row { let label: String; let count: String; let share: String }
        struct Table { let title: String; let rows: [Row] }
        struct AgencyRow {
            let name: String; let referred: String; let answered: String; let onTime: String; let overdue: String; let returned: String
            let open: String; let meanDays: String; let late: Bool
        }
        struct Shortcut { let label: String; let url: String }
        /// One agency's place in the period's league table.
        struct LeagueRow {
            let rank: String; let name: String; let url: String; let referrals: String; let onTime: String; let median: String
            let p90: String; let returns: String; let reopens: String; let rating: String; let breaches: String; let breached: Bool

            /// `province`: the one national staff chose, kept on the agency's page.
            init(_ line: AgencyLeague.Line, period: JalaliPeriod, province: String?) {
                func rate(_ value: Double?) -> String { value.map { Show.digits(String(format: "%.0f", $0 * 100)) + "٪" } ?? "—" }
                func decimal(_ value: Double?) -> String { value.map { Show.digits(String(format: "%.1f", $0)) } ?? "—" }
                rank = Show.number(line.rank)
                name = line.agencyName
                url = SiteURL.agency(line.agencyID).path + "?period=" + period.key + (province.map { "&province=" + $0 } ?? "")
                referrals = Show.number(line.referrals)
                onTime = rate(line.onTimeRate)
                median = decimal(line.medianDays)
                p90 = line.p90Days.map(Show.number) ?? "—"
                returns = rate(line.returnRate)
                reopens = rate(line.reopenRate)
                rating = decimal(line.meanRating)
                breaches = Show.number(line.breaches)
                breached = line.breaches > 0
            }
        }
        let layout: Layout
        let label: String
        let scopeName: String
        let period: String
        let range: String
        let asOf: String
        let provinces: [Option]
        let national: Bool
        let shortcuts: [Shortcut]
        let cases: String
        let previous: String
        let change: String
        let answered: String
        let answeredShare: String
        let rated: String
        let meanRating: String
        let unsatisfied: String
        let tables: [Table]
        let agencies: [AgencyRow]
        let league: [LeagueRow]
        let empty: Bool
        /// The same figures as a CSV file.
        let csvURL: String
    }

    func registerReportPages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.reports.path), use: page { request, _ in
            let (staff, csrf) = try await signedInStaff(may: .readReports)
            let params = request.uri.queryParameters
            let now = gate.now()
            let (report, period, province, provinces) = try await workflow.report(
                period: params.get("period"), province: params.get("province"), by: StaffCaller(staff))
            let league = try await workflow.league(period: period.key, province: province, by: StaffCaller(staff)).league
            let scopeName = province.flatMap { code in provinces.first { $0.code == code }?.name } ?? "کل کشور"
            let layout = Layout(title: "گزارش \(period.labelFa)", staff: staff, csrf: csrf, current: SiteURL.reports.path)
            return render("reports", Self.reportModel(
                report, league: league, layout: layout, scopeName: scopeName, staff: staff, provinces: provinces, now: now))
        })
    }

    static func reportModel(
        _ r: CaseReport, league: AgencyLeague, layout: Layout, scopeName: String, staff: Staff, provinces: [Province], now: Date
    ) -> ReportModel {
        func percent(_ part: Int, of whole: Int) -> String {
            whole > 0 ? Show.digits(String(format: "%.0f", Double(part) * 100 / Double(whole))) + "٪" : "—"
        }
        func table(_ title: String, _ counts: [CaseReport.Count]) -> ReportModel.Table {
            .init(title: title, rows: counts.map { .init(label: $0.label, count: Show.number($0.count), share: percent($0.count, of: r.cases)) })
        }
        func link(_ p: JalaliPeriod) -> String {
            var url = SiteURL.reports.path + "?period=" + p.key
            if staff.provinceCode == nil, let code = r.provinceCode { url += "&province=" + code }
            return url
        }
        let change: String
        if r.period.end > r.asOf {
            // A period still running would be compared with a whole one.
            change = "این دوره هنوز تمام نشده است"
        } else if r.previousPeriodCases == 0 {
            change = "—"
        } else {
            let delta = Double(r.cases - r.previousPeriodCases) * 100 / Double(r.previousPeriodCases)
            change = (delta >= 0 ? "+" : "−") + Show.digits(String(format: "%.0f", abs(delta))) + "٪"
        }
        let shortcuts: [ReportModel.Shortcut] =
            [
                ("دورهٔ پیش", r.period.previous), ("همین دوره در سال پیش", r.period.sameLastYear),
                ("این هفته", .containing(now, kind: .week)), ("این ماه", .containing(now, kind: .month)),
                ("این فصل", .containing(now, kind: .quarter)), ("امسال", .containing(now, kind: .year)),
            ].map { .init(label: "\($0.0): \($0.1.labelFa)", url: link($0.1)) }
        return ReportModel(
            layout: layout, label: r.period.labelFa, scopeName: scopeName, period: Show.digits(r.period.key),
            range: "\(JalaliFormat.date(r.period.firstDay)) تا \(JalaliFormat.date(r.period.lastDay))",
            asOf: Show.dateTime(r.asOf),
            provinces: [Option(value: "", label: "کل کشور", selected: r.provinceCode == nil)]
                + provinces.map { Option(value: $0.code, label: $0.name, selected: $0.code == r.provinceCode) },
            national: staff.provinceCode == nil, shortcuts: shortcuts,
            cases: Show.number(r.cases), previous: Show.number(r.previousPeriodCases), change: change,
            answered: Show.number(r.answered), answeredShare: percent(r.answered, of: r.cases), rated: Show.number(r.rated),
            meanRating: r.meanRating.map { Show.digits(String(format: "%.1f", $0)) } ?? "—",
            unsatisfied: Show.number(r.unsatisfied),
            tables: [
                table("بر پایهٔ وضعیت", r.byStatus), table("بر پایهٔ موضوع", r.byCategory),
                table("بر پایهٔ درگاه", r.byChannel), table("بر پایهٔ نوع", r.byKind),
            ],
            agencies: r.agencies.map {
                .init(
                    name: $0.agencyName, referred: Show.number($0.referred), answered: Show.number($0.answered),
                    onTime: percent($0.answeredOnTime, of: $0.answered), overdue: Show.number($0.overdue),
                    returned: Show.number($0.returned), open: Show.number($0.open),
                    meanDays: $0.meanDaysToAnswer.map { Show.digits(String(format: "%.1f", $0)) } ?? "—", late: $0.overdue > 0)
            },
            league: league.lines.map { .init($0, period: r.period, province: staff.provinceCode == nil ? r.provinceCode : nil) },
            empty: r.cases == 0,
            csvURL: SiteURL.reportsCSV.path + "?period=" + r.period.key + (r.provinceCode.map { "&province=" + $0 } ?? ""))
    }
}
