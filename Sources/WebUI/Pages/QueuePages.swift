import Domain
import Foundation
import Workflow
import Hummingbird
import PersianKit
import Storage

/// The screening queue: the appeals first, then letters returned twice, then the rest of the
/// province's registered letters, oldest first in each (`CaseWorkflow.screeningQueue`).
extension WebUI {
    struct QueueModel {
        struct Item {
            let code: String; let url: String; let subject: String; let category: String; let channel: String; let status: String
            let statusLabel: String; let createdAt: String
            /// How long it has waited since it was registered («۳ روز و ۴ ساعت»).
            let age: String
            /// «۲ بار بازگشت» once agencies sent it back twice: the supervisor's.
            let returns: String?
            /// The business days left (or late) to the answer the receipt promised.
            let clock: ClockView
            /// The citizen's rating of the last answer («امتیاز شهروند: ۱ از ۵»): why an appeal is back.
            let rating: String?
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
            let typedCode = request.formQuery["code"] ?? ""
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
            var queue = QueueRequest()
            queue.appealsOnly = params.get("status") == CaseStatus.reopened.rawValue
            queue.returnedOnly = params.get("returned") == "1"
            queue.categoryCode = params.get("category").flatMap { $0.isEmpty ? nil : $0 }
            queue.channel = params.get("channel").flatMap(Channel.init(rawValue:))
            let age = params.get("age").map { PersianDigits.toASCII($0) } ?? ""
            queue.olderThanDays = Int(age)
            queue.cursor = params.get("cursor")
            let view = try await workflow.screeningQueue(queue, by: StaffCaller(staff))
            // The cases before this page, carried in the next link: keyset paging has no offset of its own.
            let before = queue.cursor == nil ? 0 : max(0, params.get("seen").flatMap { Int($0) } ?? 0)
            let categories = try await reference.categories(includeInactive: true)
            let byCode = Dictionary(uniqueKeysWithValues: categories.map { ($0.code, $0) })
            var next: String?
            if let cursor = view.nextCursor {
                var parts = ["cursor=\(cursor)", "seen=\(before + view.items.count)"]
                if let c = queue.categoryCode { parts.append("category=\(c)") }
                if let c = queue.channel { parts.append("channel=\(c.rawValue)") }
                if !age.isEmpty { parts.append("age=\(age)") }
                if queue.appealsOnly { parts.append("status=\(CaseStatus.reopened.rawValue)") }
                if queue.returnedOnly { parts.append("returned=1") }
                next = SiteURL.queue.path + "?" + parts.joined(separator: "&")
            }
            let now = gate.now()
            let shown = view.items.isEmpty ? nil : "\(Show.number(before + 1)) تا \(Show.number(before + view.items.count))"
            let model = QueueModel(
                layout: Layout(title: "صف پایش", staff: staff, csrf: csrf, current: SiteURL.queue.path, error: codeError),
                categories: categories.map { Option(value: $0.code, label: $0.name, selected: $0.code == queue.categoryCode) },
                channels: Channel.allCases.map { Option(value: $0.rawValue, label: $0.nameFa, selected: $0 == queue.channel) },
                age: Show.digits(age), appealsOnly: queue.appealsOnly, returnedOnly: queue.returnedOnly, count: Show.number(view.total),
                shown: shown,
                items: view.items.map {
                    let category = byCode[$0.categoryCode]
                    return .init(
                        code: Show.digits($0.trackingCode.value), url: SiteURL.staffCase($0.trackingCode.value).path,
                        subject: $0.subject, category: category?.name ?? $0.categoryCode, channel: $0.channel.nameFa,
                        status: $0.status.rawValue, statusLabel: $0.status.nameFa, createdAt: Show.dateTime($0.createdAt),
                        age: Show.age(now.timeIntervalSince($0.createdAt)),
                        returns: $0.returns >= CaseRules.returnsBeforeSupervisor ? "\(Show.number($0.returns)) بار بازگشت" : nil,
                        clock: ClockView(
                            workflow.answerClock(
                                registeredAt: $0.createdAt, answerDays: category?.answerDays ?? Domain.Category.defaultAnswerDays),
                            escalationLevel: 0),
                        rating: $0.rating.map { "امتیاز شهروند: \(Show.number($0)) از ۵" })
                },
                next: next, code: codeError == nil ? "" : typedCode)
            return render("queue", model)
        })
    }
}
