import Domain
import Foundation
import Hummingbird
import PersianKit
import Storage
import Workflow

/// Late referrals of the caller's province, most overdue first: level 2 (the provincial inspection
/// office's queue) by default, or every late one (level 1 and above).
extension WebUI {
    struct OverdueModel {
        struct Item {
            let code: String; let url: String; let subject: String; let agency: String; let statusLabel: String; let due: String
            let clock: ClockView
        }
        struct Level { let label: String; let url: String; let current: Bool }
        let layout: Layout
        let heading: String
        let count: String
        let levels: [Level]
        let items: [Item]
        let nextURL: String?
    }

    struct BreachesModel {
        struct Item {
            let code: String; let url: String; let subject: String; let agency: String; let directive: String?
            let statusLabel: String; let due: String; let clock: ClockView
            /// What the inspection office did, and when; nil while nothing is recorded.
            let inspection: String?; let inspectedAt: String?
        }
        let layout: Layout
        let count: String
        let items: [Item]
        let nextURL: String?
    }

    func registerOverduePages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.overdue.path), use: page { request, _ in
            let (staff, csrf) = try await signedInStaff(may: .followDeadlines)
            let level = request.uri.queryParameters.get("level").flatMap { Int(PersianDigits.toASCII($0)) } ?? CaseRules.topEscalationLevel
            let found = try await workflow.overdue(
                by: StaffCaller(staff), level: level, limit: 100, cursor: request.uri.queryParameters.get("cursor"))
            let model = OverdueModel(
                layout: Layout(title: "مهلت‌های گذشته", staff: staff, csrf: csrf, current: SiteURL.overdue.path),
                heading: level >= CaseRules.topEscalationLevel ? "صف بازرسی: پیگیری سطح ۲" : "همه ارجاع‌های گذشته از مهلت",
                count: Show.number(found.entries.count) + (found.nextCursor == nil ? "" : "+"),
                levels: [(2, "صف بازرسی (سطح ۲)"), (1, "همه گذشته از مهلت")].map {
                    .init(label: $0.1, url: SiteURL.overdue.path + "?level=\($0.0)", current: $0.0 == level)
                },
                items: found.entries.map { entry in
                    .init(
                        code: Show.digits(entry.trackingCode.value), url: SiteURL.staffCase(entry.trackingCode.value).path,
                        subject: entry.subject, agency: entry.referral.agencyName, statusLabel: entry.referral.status.nameFa,
                        due: Show.dateTime(entry.referral.dueAt),
                        clock: ClockView(workflow.clock(entry.referral), escalationLevel: entry.referral.escalationLevel))
                },
                nextURL: found.nextCursor.map { SiteURL.overdue.path + "?level=\(level)&cursor=" + $0 })
            return render("overdue", model)
        })
        router.get(RouterPath(SiteURL.breaches.path), use: page { request, _ in
            let (staff, csrf) = try await signedInStaff(may: .followDeadlines)
            let found = try await workflow.breaches(by: StaffCaller(staff), limit: 100, cursor: request.uri.queryParameters.get("cursor"))
            let model = BreachesModel(
                layout: Layout(title: "ثبت تخلف‌ها", staff: staff, csrf: csrf, current: SiteURL.breaches.path),
                count: Show.number(found.entries.count) + (found.nextCursor == nil ? "" : "+"),
                items: found.entries.map { entry in
                    let r = entry.referral
                    return .init(
                        code: Show.digits(entry.trackingCode.value), url: SiteURL.staffCase(entry.trackingCode.value).path,
                        subject: entry.subject, agency: r.agencyName, directive: r.directedBy?.labelFa, statusLabel: r.status.nameFa,
                        due: Show.dateTime(r.dueAt), clock: ClockView(workflow.clock(r), escalationLevel: r.escalationLevel),
                        inspection: r.inspectionNote, inspectedAt: r.inspectedAt.map(Show.dateTime))
                },
                nextURL: found.nextCursor.map { SiteURL.breaches.path + "?cursor=" + $0 })
            return render("breaches", model)
        })
    }
}
