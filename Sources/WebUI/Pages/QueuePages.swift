import Domain
import Foundation
import Workflow
import Hummingbird
import PersianKit
import Storage

/// The screening queue: registered and reopened cases of the supervisor's province, oldest first.
extension WebUI {
    struct QueueModel {
        struct Item {
            let code: String; let url: String; let subject: String; let category: String; let channel: String; let status: String
            let statusLabel: String; let createdAt: String
            /// How long it has waited since it was registered («۳ روز و ۴ ساعت»).
            let age: String
            /// «۲ بار بازگشت» once agencies sent it back twice: the supervisor's.
            let returns: String?
        }
        let layout: Layout
        let categories: [Option]
        let channels: [Option]
        let age: String
        /// Only the appeals (reopened after a rating of 1–2 or an objection): the inspection office's view.
        let appealsOnly: Bool
        /// Only the cases returned twice or more.
        let returnedOnly: Bool
        /// Every case waiting under these filters, and which of them this page shows («۵۱ تا ۱۰۰»).
        let count: String
        let shown: String?
        let items: [Item]
        let next: String?
        /// The code typed into the queue's search when no case of the caller's has it.
        let code: String
    }

    func registerQueuePages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.queue.path), use: page { request, _ in
            let (staff, csrf) = try await signedInStaff(may: .screenCase)
            let params = request.uri.queryParameters
            // A tracking code typed into the search (grouped, dashed, either digit set) opens that case
            // when the caller may see it; otherwise the queue says it found none.
            let typedCode = params.get("code").map { String($0) } ?? ""
            var codeError: String?
            if !typedCode.isEmpty {
                // Only "no such case of yours" becomes the notice; a database that fails is the 503 page.
                if let code = try? TrackingCode(parsing: typedCode) {
                    do {
                        _ = try await visibleCase(code.value, to: staff)
                        return HTML.redirect(SiteURL.staffCase(code.value).path)
                    } catch let error as DomainError where error == .caseNotFound {}
                }
                codeError = "نامه‌ای با این کد رهگیری در دسترس شما پیدا نشد."
            }
            var query = CaseQuery()
            let appealsOnly = params.get("status") == CaseStatus.reopened.rawValue
            query.statuses = appealsOnly ? [.reopened] : [.registered, .reopened]
            let returnedOnly = params.get("returned") == "1"
            query.returnedTwice = returnedOnly
            query.order = .oldest
            query.scopeProvince = staff.provinceCode
            query.categoryCode = params.get("category").flatMap { $0.isEmpty ? nil : $0 }
            query.channel = params.get("channel").flatMap(Channel.init(rawValue:))
            let age = params.get("age").map { PersianDigits.toASCII($0) } ?? ""
            if let days = Int(age), days > 0 { query.to = gate.now().addingTimeInterval(-Double(days) * 86_400) }
            let total = try await cases.count(query)
            query.cursor = params.get("cursor")
            query.limit = 50
            let page = try await cases.list(query)
            // The cases before this page, carried in the next link: keyset paging has no offset of its own.
            let before = query.cursor == nil ? 0 : max(0, params.get("seen").flatMap { Int($0) } ?? 0)
            let categories = try await reference.categories(includeInactive: true)
            let names = Dictionary(uniqueKeysWithValues: categories.map { ($0.code, $0.name) })
            var next: String?
            if let cursor = page.nextCursor {
                var parts = ["cursor=\(cursor)", "seen=\(before + page.items.count)"]
                if let c = query.categoryCode { parts.append("category=\(c)") }
                if let c = query.channel { parts.append("channel=\(c.rawValue)") }
                if !age.isEmpty { parts.append("age=\(age)") }
                if appealsOnly { parts.append("status=\(CaseStatus.reopened.rawValue)") }
                if returnedOnly { parts.append("returned=1") }
                next = SiteURL.queue.path + "?" + parts.joined(separator: "&")
            }
            let now = gate.now()
            let shown = page.items.isEmpty ? nil : "\(Show.number(before + 1)) تا \(Show.number(before + page.items.count))"
            let model = QueueModel(
                layout: Layout(title: "صف پایش", staff: staff, csrf: csrf, current: SiteURL.queue.path, error: codeError),
                categories: categories.map { Option(value: $0.code, label: $0.name, selected: $0.code == query.categoryCode) },
                channels: Channel.allCases.map { Option(value: $0.rawValue, label: $0.nameFa, selected: $0 == query.channel) },
                age: Show.digits(age), appealsOnly: appealsOnly, returnedOnly: returnedOnly, count: Show.number(total), shown: shown,
                items: page.items.map {
                    .init(
                        code: Show.digits($0.trackingCode.value), url: SiteURL.staffCase($0.trackingCode.value).path,
                        subject: $0.subject, category: names[$0.categoryCode] ?? $0.categoryCode, channel: $0.channel.nameFa,
                        status: $0.status.rawValue, statusLabel: $0.status.nameFa, createdAt: Show.dateTime($0.createdAt),
                        age: Show.age(now.timeIntervalSince($0.createdAt)),
                        returns: $0.returns >= CaseRules.returnsBeforeSupervisor ? "\(Show.number($0.returns)) بار بازگشت" : nil)
                },
                next: next, code: codeError == nil ? "" : typedCode)
            return render("queue", model)
        })
    }
}
