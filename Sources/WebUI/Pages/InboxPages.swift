import Domain
import Foundation
import Workflow
import Hummingbird
import PersianKit
import Storage

/// A liaison's inbox: their agency's open referrals, coloured by how close the deadline is.
extension WebUI {
    struct InboxModel {
        struct Item {
            let code: String; let url: String; let subject: String; let statusLabel: String; let due: String; let clock: ClockView
            /// «دستور …» for a directive.
            let directive: String?

            init(_ entry: InboxEntry, clock: (Referral) -> HopClock) {
                code = Show.digits(entry.trackingCode.value)
                url = SiteURL.staffCase(entry.trackingCode.value).path
                subject = entry.subject
                statusLabel = entry.referral.status.nameFa
                due = Show.dateTime(entry.referral.dueAt)
                self.clock = ClockView(clock(entry.referral), escalationLevel: entry.referral.escalationLevel)
                directive = entry.referral.directedBy?.labelFa
            }
        }
        let layout: Layout
        let agencyName: String
        let count: String
        let items: [Item]
        /// The next page of the inbox, when there is one.
        let nextURL: String?
    }

    func registerInboxPages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.inbox.path), use: page { request, _ in
            let (staff, csrf) = try await signedInStaff(may: .handleReferral)
            let agencyID = staff.role == .liaison ? staff.agencyID : nil
            let inboxPage = try await cases.inbox(
                agencyID: agencyID, openOnly: true, scopeProvince: staff.role == .liaison ? nil : staff.provinceCode, limit: 200,
                cursor: request.uri.queryParameters.get("cursor"))
            let entries = inboxPage.entries
            let agencyName = try await agencyID.asyncMap { try await reference.agency(id: $0)?.name } ?? nil
            let model = InboxModel(
                layout: Layout(title: "کارتابل دستگاه", staff: staff, csrf: csrf, current: SiteURL.inbox.path),
                agencyName: agencyName ?? "دستگاه‌ها", count: Show.number(entries.count),
                items: entries.map { InboxModel.Item($0, clock: workflow.clock) },
                nextURL: inboxPage.nextCursor.map { SiteURL.inbox.path + "?cursor=" + $0 })
            return render("inbox", model)
        })
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
