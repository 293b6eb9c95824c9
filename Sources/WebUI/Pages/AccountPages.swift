import Domain
import Foundation
import Workflow
import Hummingbird
import Storage

/// A staff member's own account: change the password (every session of theirs then ends).
extension WebUI {
    struct AccountModel {
        let layout: Layout
        let csrf: String
        let username: String
        let errors: [String: String]
    }

    struct PasswordForm: PageForm {
        var _csrf, currentPassword, newPassword, repeatPassword: String?
    }

    func registerAccountPages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.account.path), use: page { _, _ in
            let (staff, csrf) = try await signedInStaff(firstPassword: true)
            return try await accountPage(staff, csrf: csrf, errors: [:])
        })
        router.post(RouterPath(SiteURL.account.path), use: page { request, _ in
            let form = try await PasswordForm.read(request)
            let (staff, csrf) = try await signedInStaff(csrf: form._csrf, firstPassword: true)
            do {
                guard form.newPassword == form.repeatPassword else {
                    throw DomainError(
                        .invalid, "passwords_differ", fa: "گذرواژه تازه و تکرار آن یکی نیستند.", en: "The new passwords differ.",
                        field: "repeatPassword")
                }
                try await gate.changePassword(staff, current: form.currentPassword ?? "", new: form.newPassword ?? "")
                return HTML.redirect(SiteURL.login.path + "?changed=1")
            } catch let error as DomainError where [.invalid, .unprocessable, .unauthenticated].contains(error.kind) {
                let field = error.field ?? (error.kind == .unauthenticated ? "currentPassword" : "form")
                return try await accountPage(staff, csrf: csrf, errors: [field: error.messageFa], status: .badRequest)
            }
        })
    }

    func accountPage(_ staff: Staff, csrf: String, errors: [String: String], status: HTTPResponse.Status = .ok) async throws -> Response {
        let first = try await gate.currentSession()?.mustChangePassword == true
        return render(
            "account",
            AccountModel(
                layout: Layout(
                    title: "حساب من", staff: staff, csrf: csrf, current: SiteURL.account.path,
                    notice: first && errors.isEmpty
                        ? "این گذرواژه را دیگری برایتان گذاشته است؛ پیش از هر کاری آن را با گذرواژه‌ای که فقط خودتان می‌دانید عوض کنید." : nil,
                    error: errors.isEmpty ? nil : "گذرواژه عوض نشد؛ موارد مشخص‌شده را اصلاح کنید."),
                csrf: csrf, username: staff.username, errors: errors),
            status: status)
    }
}
