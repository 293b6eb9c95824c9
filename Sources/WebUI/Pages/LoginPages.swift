import Domain
import Foundation
import Workflow
import Hummingbird

/// Staff sign-in and sign-out.
extension WebUI {
    struct LoginModel {
        let layout: Layout
        let username: String
    }

    struct LoginForm: PageForm {
        var username, password, totp: String?
    }

    /// Sign-out and other forms that carry only the session's CSRF token.
    struct CSRFForm: PageForm {
        var _csrf: String?
    }

    func registerLoginPages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.login.path), use: page { request, _ in
            let changed = request.uri.queryParameters.get("changed") != nil
            let notice = changed ? "گذرواژه عوض شد؛ با گذرواژه تازه وارد شوید." : nil
            return render("login", LoginModel(layout: Layout(title: "ورود کارکنان", current: SiteURL.login.path, notice: notice), username: ""))
        })
        router.post(RouterPath(SiteURL.login.path), use: page { request, _ in
            let form = try await LoginForm.read(request)
            do {
                _ = try await gate.signIn(username: form.username ?? "", password: form.password ?? "", totp: form.totp)
                let next = request.uri.queryParameters.get("next").flatMap { $0.hasPrefix("/staff") ? $0 : nil }
                return HTML.redirect(next ?? SiteURL.staffHome.path)
            } catch let error as DomainError where error.kind == .unauthenticated {
                let model = LoginModel(layout: Layout(title: "ورود کارکنان", current: SiteURL.login.path, error: error.messageFa), username: form.username ?? "")
                return render("login", model, status: .unauthorized)
            }
        })
        router.post(RouterPath(SiteURL.logout.path), use: page { request, _ in
            let form = try await CSRFForm.read(request)
            _ = try await gate.principal(csrf: form._csrf)
            try await gate.signOut()
            return HTML.redirect(SiteURL.home.path)
        })
        router.get(RouterPath(SiteURL.staffHome.path), use: page { _, _ in
            let (staff, _) = try await signedInStaff()
            if AccessPolicy.roles(for: .registerCase).contains(staff.role), staff.role != .supervisor { return HTML.redirect(SiteURL.intake.path) }
            if AccessPolicy.roles(for: .screenCase).contains(staff.role) { return HTML.redirect(SiteURL.queue.path) }
            if AccessPolicy.roles(for: .handleReferral).contains(staff.role) { return HTML.redirect(SiteURL.inbox.path) }
            return HTML.redirect(SiteURL.account.path)
        })
    }

    func registerStaffPages<Context: RequestContext>(on router: Router<Context>) {
        registerLoginPages(on: router)
        registerIntakePages(on: router)
        registerQueuePages(on: router)
        registerCasePages(on: router)
        registerInboxPages(on: router)
        registerOverduePages(on: router)
        registerOversightPages(on: router)
        registerDirectivePages(on: router)
        registerReportPages(on: router)
        registerAccountPages(on: router)
        registerAdminPages(on: router)
        registerOutboxPages(on: router)
        registerTemplatePages(on: router)
        registerReportExport(on: router)
    }
}
