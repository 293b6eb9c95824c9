import Domain
import Foundation
import Hummingbird
import PersianKit
import Storage
import Workflow

/// Oversight for the inspection office: the letters still unanswered after N days by province and
/// agency (`/staff/oversight`), and one agency's page (`/staff/agencies/{id}`).
extension WebUI {
    struct OversightModel {
        struct Line {
            let province: String; let agency: String
            /// The agency's page (or the queue for letters in screening); nil when the caller may not see it.
            let url: String?; let cases: String; let oldest: String; let age: String }
        struct Shortcut { let label: String; let url: String; let current: Bool }
        let layout: Layout
        let action = SiteURL.oversight.path
        let days: String
        let cutoff: String
        let total: String
        let national: Bool
        let provinces: [Option]
        let shortcuts: [Shortcut]
        let byProvince: [Line]
        let byAgency: [Line]
    }

    struct AgencyModel {
        struct Figure { let label: String; let value: String; let alarm: Bool }
        struct Shortcut { let label: String; let url: String }
        let layout: Layout
        let name: String
        let kind: String
        let scope: String
        let inactive: Bool
        let period: String
        let shortcuts: [Shortcut]
        let figures: [Figure]
        let standing: String?
        let league: ReportModel.LeagueRow?
        /// Its open referrals, as its own inbox lists them.
        let items: [InboxModel.Item]
        let nextURL: String?
    }

    func registerOversightPages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.oversight.path), use: page { request, _ in
            let (staff, csrf) = try await signedInStaff(may: .followDeadlines)
            let params = request.uri.queryParameters
            let days = try params.get("days").flatMap { raw -> Int? in
                let ascii = PersianDigits.toASCII(raw).trimmingCharacters(in: .whitespaces)
                if ascii.isEmpty { return nil }
                guard let n = Int(ascii) else {
                    throw DomainError(.invalid, "invalid_days", fa: "تعداد روزها باید عدد باشد.", en: "days must be a number.", field: "days")
                }
                return n
            }
            let (found, provinces) = try await workflow.unanswered(days: days, province: params.get("province"), by: StaffCaller(staff))
            let layout = Layout(title: "نامه‌های بی‌پاسخ", staff: staff, csrf: csrf, current: SiteURL.oversight.path)
            return render("oversight", Self.oversightModel(found, layout: layout, staff: staff, provinces: provinces, now: gate.now()))
        })
        router.get(RouterPath(SiteURL.agencyPattern), use: page { request, context in
            let (staff, csrf) = try await signedInStaff(may: .followDeadlines)
            guard let id = context.parameters.get("id").flatMap(Int.init) else { throw DomainError.notFound("agency", fa: "دستگاه") }
            let params = request.uri.queryParameters
            let (profile, referrals, provinces) = try await workflow.agencyProfile(
                id, period: params.get("period"), province: params.get("province"), limit: 100, cursor: params.get("cursor"),
                by: StaffCaller(staff))
            let layout = Layout(title: profile.agency.name, staff: staff, csrf: csrf, current: SiteURL.oversight.path)
            return render("agency", agencyModel(profile, referrals: referrals, layout: layout, staff: staff, provinces: provinces))
        })
    }

    static func oversightModel(
        _ o: UnansweredOversight, layout: Layout, staff: Staff, provinces: [Province], now: Date
    ) -> OversightModel {
        let province = o.provinceCode
        let names = Dictionary(uniqueKeysWithValues: provinces.map { ($0.code, $0.name) })
        // National staff who chose a province keep it on the agency's page.
        let scope = staff.provinceCode == nil ? province.map { "?province=" + $0 } ?? "" : ""
        func line(_ c: UnansweredOversight.Count) -> OversightModel.Line {
            let url: String? =
                if let id = c.agencyID {
                    // Another province's agency (a referral across provinces) has no page for this caller.
                    AgencyProfile.mayView(agencyProvince: c.agencyProvinceCode, by: staff) ? SiteURL.agency(id).path + scope : nil
                } else { SiteURL.queue.path }
            return .init(
                province: names[c.provinceCode] ?? c.provinceCode,
                agency: c.agencyName ?? "هنوز به دستگاهی نرفته (پایش)",
                url: url,
                cases: Show.number(c.cases), oldest: Show.dateTime(c.oldest), age: Show.age(now.timeIntervalSince(c.oldest)))
        }
        func link(_ days: Int) -> String {
            var url = SiteURL.oversight.path + "?days=\(days)"
            if staff.provinceCode == nil, let province { url += "&province=" + province }
            return url
        }
        return OversightModel(
            layout: layout, days: Show.digits(String(o.days)), cutoff: Show.dateTime(o.cutoff), total: Show.number(o.total),
            national: staff.provinceCode == nil,
            provinces: [Option(value: "", label: "کل کشور", selected: province == nil)]
                + provinces.map { Option(value: $0.code, label: $0.name, selected: $0.code == province) },
            shortcuts: [7, 10, 30, 90].map { .init(label: Show.number($0) + " روز", url: link($0), current: $0 == o.days) },
            byProvince: o.byProvince.map(line), byAgency: o.byAgency.map(line))
    }

    func agencyModel(_ p: AgencyProfile, referrals: InboxPage, layout: Layout, staff: Staff, provinces: [Province]) -> AgencyModel {
        let base = SiteURL.agency(p.agency.id).path
        // National staff looking at one province keep it from link to link.
        let scope = staff.provinceCode == nil ? p.provinceCode.map { "&province=" + $0 } ?? "" : ""
        let now = gate.now()
        let provinceName = p.agency.provinceCode.flatMap { code in provinces.first { $0.code == code }?.name }
        let scopeName = p.provinceCode.flatMap { code in provinces.first { $0.code == code }?.name }
        let load = p.load
        return AgencyModel(
            layout: layout, name: p.agency.name, kind: p.agency.kind.nameFa,
            scope: provinceName.map { "استان " + $0 } ?? ("دستگاه ملی" + (scopeName.map { "؛ ارجاع‌های استان " + $0 } ?? "")),
            inactive: !p.agency.active, period: p.period.labelFa,
            shortcuts: [
                ("این ماه", JalaliPeriod.containing(now, kind: .month)), ("ماه پیش", JalaliPeriod.containing(now, kind: .month).previous),
                ("این فصل", .containing(now, kind: .quarter)), ("امسال", .containing(now, kind: .year)),
            ].map { .init(label: "\($0.0): \($0.1.labelFa)", url: base + "?period=" + $0.1.key + scope) },
            figures: [
                .init(label: "ارجاع و دستور باز", value: Show.number(load.open), alarm: false),
                .init(label: "گذشته از مهلت", value: Show.number(load.late), alarm: load.late > 0),
                .init(label: "پیگیری سطح ۱", value: Show.number(load.level1), alarm: load.level1 > 0),
                .init(label: "در صف بازرسی (سطح ۲)", value: Show.number(load.level2), alarm: load.level2 > 0),
                .init(label: "دستور باز", value: Show.number(load.openDirectives), alarm: false),
            ],
            standing: p.line.map { "رتبه \(Show.number($0.rank)) از \(Show.number(p.ranked)) دستگاه" },
            league: p.line.map { .init($0, period: p.period, province: staff.provinceCode == nil ? p.provinceCode : nil) },
            items: referrals.entries.map { InboxModel.Item($0, clock: workflow.clock) },
            nextURL: referrals.nextCursor.map { base + "?period=" + p.period.key + scope + "&cursor=" + $0 })
    }
}
