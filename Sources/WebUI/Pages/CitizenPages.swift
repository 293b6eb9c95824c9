import Domain
import Foundation
import Workflow
import Hummingbird
import PersianKit
import Storage

/// "My letters": a citizen signs in with their mobile and a one-time SMS code, then sees every letter
/// registered with that mobile, its public timeline, and rates answers.
extension WebUI {
    struct MySignInModel {
        let layout: Layout
        let mobile: String
        let codeSent: Bool
        let errors: [String: String]
        /// Just sent: the code's lifetime, for the countdown beside its field.
        let countdown: CodeCountdown?
    }

    struct MyLettersModel {
        let layout: Layout
        let count: String
        let letters: [CitizenCase]
        let hasLetters: Bool
        /// The next (older) page of letters, when there is one.
        let nextURL: String?
        /// Rating forms send the citizen back here.
        let back = "my"
    }

    /// The two sign-in forms of `my-sign-in.mustache`: the mobile, then the mobile and the code.
    struct CitizenSignInForm: PageForm {
        var mobile, code: String?
    }

    func registerCitizenPages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.myLetters.path), use: page { request, _ in
            guard case .citizen(let mobile) = try await gate.principal(), let session = try await gate.currentSession() else {
                return HTML.redirect(SiteURL.mySignIn.path)
            }
            let lettersPage = try await workflow.citizenCases(mobile, limit: 50, cursor: request.uri.queryParameters.get("cursor"))
            let letters = lettersPage.details.map { CitizenCase($0, clock: workflow.clock) }
            let notice = Self.verdictNotices.first { request.uri.queryParameters.get($0.key) != nil }?.value
            let model = MyLettersModel(
                layout: Layout(
                    title: "نامه‌های من", citizen: mobile.masked, csrf: session.csrfToken, current: SiteURL.myLetters.path,
                    notice: notice),
                count: Show.number(letters.count), letters: letters, hasLetters: !letters.isEmpty,
                nextURL: lettersPage.nextCursor.map { SiteURL.myLetters.path + "?cursor=" + $0 })
            return render("my-letters", model)
        })
        router.get(RouterPath(SiteURL.mySignIn.path), use: page { _, _ in
            signInPage(mobile: "", codeSent: false, errors: [:])
        })
        router.post(RouterPath(SiteURL.mySignIn.path), use: page { request, _ in
            let form = try await CitizenSignInForm.read(request)
            let mobile: MobileNumber
            do { mobile = try MobileNumber(parsing: form.mobile ?? "") } catch let error as any BilingualError {
                return signInPage(mobile: form.mobile ?? "", codeSent: false, errors: ["mobile": error.messageFa], status: .badRequest)
            }
            try await gate.requestCitizenCode(mobile)
            return signInPage(mobile: mobile.value, codeSent: true, errors: [:])
        })
        router.post(RouterPath(SiteURL.myCode.path), use: page { request, _ in
            let form = try await CitizenSignInForm.read(request)
            let mobile: MobileNumber
            do { mobile = try MobileNumber(parsing: form.mobile ?? "") } catch let error as any BilingualError {
                return signInPage(mobile: form.mobile ?? "", codeSent: false, errors: ["mobile": error.messageFa], status: .badRequest)
            }
            do {
                _ = try await gate.signInCitizen(mobile, code: form.code ?? "")
                return HTML.redirect(SiteURL.myLetters.path)
            } catch let error as DomainError where error.kind == .unauthenticated {
                return signInPage(mobile: mobile.value, codeSent: true, errors: ["code": error.messageFa], status: .unauthorized)
            }
        })
    }

    func signInPage(mobile: String, codeSent: Bool, errors: [String: String], status: HTTPResponse.Status = .ok) -> Response {
        let notice = codeSent && errors.isEmpty ? "کد ورود به شماره \(Show.digits(mobile)) پیامک شد؛ تا \(CodeCountdown().label) اعتبار دارد." : nil
        return render(
            "my-sign-in",
            MySignInModel(
                layout: Layout(title: "ورود به نامه‌های من", current: SiteURL.myLetters.path, notice: notice),
                mobile: mobile, codeSent: codeSent, errors: errors, countdown: notice == nil ? nil : CodeCountdown()),
            status: status)
    }
}
