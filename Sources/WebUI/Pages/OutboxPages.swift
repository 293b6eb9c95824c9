import Domain
import Foundation
import Workflow
import Hummingbird
import PersianKit
import Storage

/// The SMS outbox page (`/staff/admin/sms`): how many messages wait, how long the oldest has waited,
/// and the messages that gave up, each with a button that sends it once more. A provincial admin
/// sees their province's messages only; sign-in codes (of no province) only a national admin.
extension WebUI {
    struct OutboxModel {
        struct Row {
            let id: String; let mobile: String; let kind: String; let trackingCode: String?; let caseURL: String?
            let lastError: String; let attempts: String; let createdAt: String; let retryURL: String; let retryable: Bool
        }
        let layout: Layout
        let csrf: String
        let waiting: String
        let oldestWaiting: String?
        let failedCount: String
        let failed: [Row]
        let hasFailed: Bool
    }

    /// The retry button's form: only the CSRF token.
    struct OutboxRetryForm: PageForm {
        var _csrf: String?
    }

    /// The page lists at most this many failed messages, newest first.
    static let outboxPageSize = 200

    func registerOutboxPages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.outbox.path), use: page { request, _ in
            let (admin, csrf) = try await signedInStaff(may: .manageOutbox)
            let notice = request.uri.queryParameters.get("done") == "retry" ? "پیامک دوباره در صف فرستادن گذاشته شد." : nil
            return try await outboxPage(admin, csrf: csrf, notice: notice)
        })
        router.post(RouterPath(SiteURL.outboxRetryPattern), use: page { request, context in
            let form = try await OutboxRetryForm.read(request)
            let (admin, csrf) = try await signedInStaff(may: .manageOutbox, csrf: form._csrf)
            guard let id = context.parameters.get("id").flatMap(Int.init) else { throw OutboxRetry.notFound }
            do {
                _ = try await OutboxRetry.retry(id, by: admin, outbox: outbox)
            } catch let error as DomainError where error.kind == .conflict {
                return try await outboxPage(admin, csrf: csrf, error: error.messageFa, status: .conflict)
            }
            return HTML.redirect(SiteURL.outbox.path + "?done=retry")
        })
    }

    func outboxPage(
        _ admin: Staff, csrf: String, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let backlog = try await outbox.outboxBacklog(province: admin.provinceCode)
        let failed = try await outbox.failedNotifications(province: admin.provinceCode, limit: Self.outboxPageSize)
        let now = gate.now()
        let model = OutboxModel(
            layout: Layout(title: "صف پیامک", staff: admin, csrf: csrf, current: SiteURL.outbox.path, notice: notice, error: error),
            csrf: csrf, waiting: Show.number(backlog.waiting),
            oldestWaiting: backlog.oldestWaitingSince.map { Show.age(now.timeIntervalSince($0)) },
            failedCount: Show.number(backlog.failed),
            failed: failed.map { e in
                .init(
                    id: Show.number(e.id), mobile: Show.ltr(e.maskedMobile), kind: e.kind.nameFa,
                    trackingCode: e.trackingCode.map(Show.digits), caseURL: e.trackingCode.map { SiteURL.staffCase($0).path },
                    lastError: e.lastError ?? "—", attempts: Show.number(e.attempts), createdAt: Show.dateTime(e.createdAt),
                    retryURL: SiteURL.outboxRetry(e.id).path, retryable: e.retryable)
            },
            hasFailed: !failed.isEmpty)
        return render("sms", model, status: status)
    }
}
