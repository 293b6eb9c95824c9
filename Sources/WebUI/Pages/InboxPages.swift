import Domain
import Foundation
import Workflow
import Hummingbird
import PersianKit
import Storage

/// A liaison's inbox: their agency's open referrals, soonest due first, each with the business days
/// left or late as a figure; filters by status, due and category; counts; paging; a batch accept.
extension WebUI {
    struct InboxModel {
        struct Item {
            let referralID: Int
            let code: String; let url: String; let subject: String; let category: String; let statusLabel: String
            let received: String; let due: String; let clock: ClockView
            /// «دستور …» for a directive.
            let directive: String?
            /// Not yet accepted: it can be ticked for the batch accept.
            let pending: Bool

            init(_ entry: InboxEntry, categories: [String: String] = [:], clock: (Referral) -> HopClock) {
                referralID = entry.referral.id
                code = Show.digits(entry.trackingCode.value)
                url = SiteURL.staffCase(entry.trackingCode.value).path
                subject = entry.subject
                category = categories[entry.categoryCode] ?? entry.categoryCode
                statusLabel = entry.referral.status.nameFa
                received = Show.dateTime(entry.referral.createdAt)
                due = Show.dateTime(entry.referral.dueAt)
                self.clock = ClockView(clock(entry.referral), escalationLevel: entry.referral.escalationLevel)
                directive = entry.referral.directedBy?.labelFa
                pending = entry.referral.status == .pending
            }
        }
        /// One count of the inbox, a link to the filter that lists just those.
        struct Tally {
            let label: String; let count: String; let url: String; let current: Bool
        }
        let layout: Layout
        let agencyName: String
        let tallies: [Tally]
        let statuses: [Option]
        let dues: [Option]
        let categories: [Option]
        /// How many referrals the filters let through, and which of them this page shows («۵۱ تا ۱۰۰»).
        let matching: String
        let shown: String?
        let filtered: Bool
        let items: [Item]
        let anyPending: Bool
        /// The next page of the inbox, when there is one.
        let nextURL: String?
        /// The filters, carried through the batch accept back to the same list.
        let back: String
    }

    /// The inbox's filters as a query string reads them.
    struct InboxFilters {
        var status: ReferralStatus?
        var due: InboxDue?
        var category: String?

        init(_ params: [String: String]) {
            status = params["status"].flatMap(ReferralStatus.init(rawValue:)).flatMap { [.pending, .accepted].contains($0) ? $0 : nil }
            due = params["due"].flatMap(InboxDue.init(rawValue:))
            category = params["category"].flatMap { $0.isEmpty ? nil : $0 }
        }

        init(status: ReferralStatus? = nil, due: InboxDue? = nil, category: String? = nil) {
            (self.status, self.due, self.category) = (status, due, category)
        }

        var query: [String] {
            [status.map { "status=\($0.rawValue)" }, due.map { "due=\($0.rawValue)" }, category.map { "category=\($0)" }].compactMap { $0 }
        }

        func url(_ extra: [String] = []) -> String {
            let parts = query + extra
            return SiteURL.inbox.path + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
        }
    }

    struct InboxAcceptForm: PageForm {
        var _csrf, back: String?
        /// The referrals ticked, sent as `referral[]`.
        var referral: [String]?
    }

    func registerInboxPages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.inbox.path), use: page { request, _ in
            let (staff, csrf) = try await signedInStaff(may: .handleReferral)
            return try await inboxPage(request, staff: staff, csrf: csrf)
        })
        router.post(RouterPath(SiteURL.inboxAccept.path), use: page { request, _ in
            let form = try await InboxAcceptForm.read(request)
            let (staff, _) = try await signedInStaff(may: .handleReferral, csrf: form._csrf)
            // Back to the list the liaison was looking at: only an inbox address, never another site.
            let back = form.back.flatMap { $0.hasPrefix(SiteURL.inbox.path) && !$0.contains("//") ? $0 : nil } ?? SiteURL.inbox.path
            let ids = (form.referral ?? []).compactMap { Int(PersianDigits.toASCII($0)) }
            let result: BatchAcceptResult
            do {
                result = try await workflow.acceptReferrals(ids, by: StaffCaller(staff))
            } catch let error as DomainError where error.isBadInput {
                return HTML.redirect(back + (back.contains("?") ? "&" : "?") + "accepted=0&refused=0")
            }
            return HTML.redirect(
                back + (back.contains("?") ? "&" : "?") + "accepted=\(result.accepted.count)&refused=\(result.refused.count)")
        })
    }

    private func inboxPage(_ request: Request, staff: Staff, csrf: String) async throws -> Response {
        let params = request.formQuery
        let filters = InboxFilters(params)
        let cursor = params["cursor"]
        let view = try await workflow.inbox(
            InboxRequest(status: filters.status, due: filters.due, categoryCode: filters.category, limit: 50, cursor: cursor),
            by: StaffCaller(staff))
        let entries = view.page.entries
        let agencyName = try await view.agencyID.asyncMap { try await reference.agency(id: $0)?.name } ?? nil
        let categories = try await reference.categories(includeInactive: true)
        let names = Dictionary(uniqueKeysWithValues: categories.map { ($0.code, $0.name) })
        // The entries before this page, carried in the next link: keyset paging has no offset of its own.
        let before = cursor == nil ? 0 : max(0, params["seen"].flatMap { Int($0) } ?? 0)
        let counts = view.counts
        let tallies = [
            InboxModel.Tally(label: "همه ارجاع‌های باز", count: Show.number(counts.open), url: SiteURL.inbox.path, current: filters.query.isEmpty),
            .init(
                label: "تازه (پذیرفته‌نشده)", count: Show.number(counts.pending), url: InboxFilters(status: .pending).url(),
                current: filters.query == InboxFilters(status: .pending).query),
            .init(
                label: "مهلت گذشته", count: Show.number(counts.overdue), url: InboxFilters(due: .overdue).url(),
                current: filters.query == InboxFilters(due: .overdue).query),
            .init(
                label: "نزدیک مهلت (امروز و روز کاری بعد)", count: Show.number(counts.dueSoon), url: InboxFilters(due: .soon).url(),
                current: filters.query == InboxFilters(due: .soon).query),
        ]
        var notice: String?
        if let accepted = params["accepted"].flatMap({ Int($0) }) {
            let refused = params["refused"].flatMap { Int($0) } ?? 0
            notice =
                accepted == 0 && refused == 0
                ? "ارجاعی برگزیده نشده بود."
                : "\(Show.number(accepted)) ارجاع پذیرفته شد" + (refused > 0 ? "؛ \(Show.number(refused)) ارجاع پذیرفته نشد (پیش‌تر پذیرفته یا بسته شده بود)." : ".")
        }
        let statusOptions: [(ReferralStatus, String)] = [(.pending, "تازه (پذیرفته‌نشده)"), (.accepted, "پذیرفته‌شده")]
        let dueOptions: [(InboxDue, String)] = [(.overdue, "مهلت گذشته"), (.soon, "نزدیک مهلت"), (.later, "با فرصت")]
        let model = InboxModel(
            layout: Layout(title: "کارتابل دستگاه", staff: staff, csrf: csrf, current: SiteURL.inbox.path, notice: notice),
            agencyName: agencyName ?? "دستگاه‌ها", tallies: tallies,
            statuses: statusOptions.map { Option(value: $0.0.rawValue, label: $0.1, selected: $0.0 == filters.status) },
            dues: dueOptions.map { Option(value: $0.0.rawValue, label: $0.1, selected: $0.0 == filters.due) },
            categories: categories.map { Option(value: $0.code, label: $0.name, selected: $0.code == filters.category) },
            matching: Show.number(counts.matching),
            shown: entries.isEmpty ? nil : "\(Show.number(before + 1)) تا \(Show.number(before + entries.count))",
            filtered: !filters.query.isEmpty,
            items: entries.map { InboxModel.Item($0, categories: names, clock: workflow.clock) },
            anyPending: entries.contains { $0.referral.status == .pending },
            nextURL: view.page.nextCursor.map { filters.url(["cursor=\($0)", "seen=\(before + entries.count)"]) },
            back: filters.url())
        return render("inbox", model)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
