import Domain
import Foundation
import Hummingbird
import PersianKit
import Storage
import Workflow

/// Directives (دستور) of the caller's province: what became of each official's directives, and one
/// official's list (an official or inspector starts at their own), latest due first, each with its clock.
extension WebUI {
    struct DirectivesModel {
        struct Official {
            let name: String; let role: String; let url: String; let current: Bool
            let total: String; let open: String; let overdue: String; let onTime: String; let late: String; let returned: String
            let withdrawn: String
        }
        struct Item {
            let code: String; let url: String; let subject: String; let agency: String; let issuer: String; let text: String
            let statusLabel: String; let due: String; let clock: ClockView
        }
        struct Filter { let label: String; let url: String; let current: Bool }
        let layout: Layout
        let heading: String
        let officials: [Official]
        let hasOfficials: Bool
        let filters: [Filter]
        let count: String
        let items: [Item]
        let nextURL: String?
    }

    func registerDirectivePages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.directives.path), use: page { request, _ in
            let (staff, csrf) = try await signedInStaff(may: .followDeadlines)
            let caller = StaffCaller(staff)
            let query = request.uri.queryParameters
            let rawIssuer = query.get("issuer").map { PersianDigits.toASCII(String($0)) }
            // An official or inspector starts at their own directives; `issuer=all` shows everyone's.
            let issuer: Int? =
                rawIssuer == "all" ? nil
                : rawIssuer.flatMap { Int($0) } ?? ([.official, .inspector].contains(staff.role) ? staff.id : nil)
            let openOnly = query.get("open") == "1"
            let tallies = try await workflow.directiveTallies(by: caller)
            let found = try await workflow.directives(
                by: caller, issuerID: issuer, openOnly: openOnly, limit: 100, cursor: query.get("cursor"))
            let issuerName = tallies.first { $0.issuer.id == issuer }?.issuer.name ?? (issuer == staff.id ? staff.displayName : nil)
            func url(issuer: Int?, open: Bool) -> String {
                SiteURL.directives.path + "?issuer=\(issuer.map(String.init) ?? "all")" + (open ? "&open=1" : "")
            }
            let model = DirectivesModel(
                layout: Layout(title: "دستورها", staff: staff, csrf: csrf, current: SiteURL.directives.path),
                heading: issuer == nil ? "همه دستورها" : "دستورهای \(issuerName ?? "این مسئول")",
                officials: tallies.map { t in
                    .init(
                        name: t.issuer.name, role: t.issuer.role.nameFa, url: url(issuer: t.issuer.id, open: openOnly),
                        current: t.issuer.id == issuer, total: Show.number(t.total), open: Show.number(t.open),
                        overdue: Show.number(t.overdue), onTime: Show.number(t.answeredOnTime), late: Show.number(t.answeredLate),
                        returned: Show.number(t.returned), withdrawn: Show.number(t.withdrawn))
                },
                hasOfficials: !tallies.isEmpty,
                filters: [
                    .init(label: "همه مسئولان", url: url(issuer: nil, open: openOnly), current: issuer == nil),
                    .init(label: openOnly ? "با دستورهای بسته‌شده" : "فقط دستورهای باز", url: url(issuer: issuer, open: !openOnly), current: false),
                ],
                count: Show.number(found.entries.count) + (found.nextCursor == nil ? "" : "+"),
                items: found.entries.map { entry in
                    let r = entry.referral
                    return .init(
                        code: Show.digits(entry.trackingCode.value), url: SiteURL.staffCase(entry.trackingCode.value).path,
                        subject: entry.subject, agency: r.agencyName, issuer: r.directedBy?.name ?? "", text: r.note ?? "",
                        statusLabel: r.status.nameFa, due: Show.dateTime(r.dueAt),
                        clock: ClockView(workflow.clock(r), escalationLevel: r.escalationLevel))
                },
                nextURL: found.nextCursor.map { url(issuer: issuer, open: openOnly) + "&cursor=" + $0 })
            return render("directives", model)
        })
    }
}
