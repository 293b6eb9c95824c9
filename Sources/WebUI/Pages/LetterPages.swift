import Domain
import Foundation
import Workflow
import Hummingbird
import PersianKit
import Storage

/// A citizen writes a letter on the web; the receipt shows the tracking code.
///
/// A letter is accepted only with a proven mobile, so SMS 1 goes only to a mobile its owner holds:
/// a citizen signed in on "my letters" writes under that mobile; anyone else first asks for a
/// sign-in code (`/letter/code`, the same code and limits as `/my/sign-in`) and sends the letter
/// with it. A wrong code refuses the letter and writes nothing; the right one also signs them in.
extension WebUI {
    struct LetterModel {
        var layout: Layout
        var formKey: String
        var form: [String: String]
        var errors: [String: String]
        var kinds: [Option]
        var categories: [Option]
        var provinces: [Option]
        /// The first step: only the mobile, to send a code to.
        var askMobile: Bool
        /// The signed-in citizen's mobile, masked: the letter is theirs, no code needed.
        var signedInMobile: String?
        /// The mobile the code went to, as shown (Persian digits).
        var mobileShown: String
        var csrf: String?
        /// Just sent: the code's lifetime, for the countdown beside its field.
        var countdown: CodeCountdown?
    }

    /// How long a sign-in code just sent stays good: shown as «۲ دقیقه», counted down by samad.js.
    struct CodeCountdown {
        let seconds = Int(Gatekeeper.codeLifetime)
        let label = Show.number(Int(Gatekeeper.codeLifetime) / 60) + " دقیقه"
    }

    struct RegisteredModel {
        let layout: Layout
        let code: String
        let codeGrouped: String
        let subject: String
        let mobileMasked: String
        /// The category's business days for an answer, and the date that makes from today.
        let answerDays: String
        let answerBy: String
        let categoryName: String
        /// The citizen's tracking page, or for staff the case's own page.
        let caseURL: String
        let caseLabel: String
        let again: String?
    }

    /// The letter form's fields, named as in `letter.mustache`.
    struct LetterForm: PageForm {
        var kind, category, subject, body, firstName, lastName, nationalId, mobile, province, confidential: String?
        /// The sign-in code sent to `mobile` (not asked of a signed-in citizen).
        var code: String?
        /// The form's one-time key: the same letter sent twice is registered once.
        var _form: String?
        /// A signed-in citizen's session token.
        var _csrf: String?
    }

    /// Who is writing: a signed-in citizen (their mobile is proven), or a visitor who must prove one.
    enum LetterWriter {
        case citizen(MobileNumber, csrf: String)
        case visitor
    }

    /// A staff member's session counts as a visitor here: staff write letters at the console.
    func letterWriter(csrf: String? = nil) async throws -> LetterWriter {
        guard let session = try await gate.currentSession(), session.kind == .citizen,
            case .citizen(let mobile) = try await gate.principal(csrf: csrf)
        else { return .visitor }
        return .citizen(mobile, csrf: session.csrfToken)
    }

    func registerLetterPages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.letter.path), use: page { _, _ in
            try await letterPage(try await letterWriter(), form: [:], errors: [:], status: .ok)
        })
        // The first step's mobile, or «کد تازه بفرستید» under a written letter whose code ran out:
        // a new code, and the letter as written comes back with it.
        router.post(RouterPath(SiteURL.letterCode.path), use: page { request, _ in
            let form = try await LetterForm.read(request)
            var values = form.kept
            for spent in ["code", "_form", "_csrf"] { values[spent] = nil }
            let mobile: MobileNumber
            do { mobile = try MobileNumber(parsing: form.mobile ?? "") } catch let error as any BilingualError {
                return try await letterPage(
                    .visitor, form: values, errors: ["mobile": error.messageFa], askMobile: true, status: .badRequest)
            }
            try await gate.requestCitizenCode(mobile)
            values["mobile"] = mobile.value
            return try await letterPage(
                .visitor, form: values, errors: [:], askMobile: false, status: .ok,
                notice: "کد به شماره \(Show.digits(mobile.value)) پیامک شد؛ تا \(CodeCountdown().label) اعتبار دارد. نامه را بنویسید و کد را در پایان فرم وارد کنید.",
                codeJustSent: true)
        })
        router.post(RouterPath(SiteURL.letter.path), use: page { request, _ in
            let form = try await LetterForm.read(request)
            let writer = try await letterWriter(csrf: form._csrf)
            var values = form.kept
            values["code"] = nil
            let typedMobile: String
            switch writer {
            case .citizen(let mobile, _): typedMobile = mobile.value
            case .visitor:
                // Without a mobile to prove there is no letter yet: back to the first step.
                do { typedMobile = try MobileNumber(parsing: form.mobile ?? "").value } catch let error as any BilingualError {
                    return try await letterPage(writer, form: values, errors: ["mobile": error.messageFa], askMobile: true, status: .badRequest)
                }
            }
            values["mobile"] = typedMobile
            let parsed = CaseDraft.parseAll(
                channel: .web, kind: form.kind.flatMap(CaseKind.init(rawValue:)) ?? .request, categoryCode: form.category ?? "",
                subject: form.subject, body: form.body, confidential: form.confidential == "1",
                nationalID: form.nationalId ?? "", mobile: typedMobile, firstName: form.firstName,
                lastName: form.lastName, provinceCode: form.province ?? "", countyCode: nil)
            do {
                let proof: CaseWorkflow.MobileProof
                switch writer {
                case .citizen(let mobile, _): proof = .signedIn(mobile)
                case .visitor: proof = .code(form.code ?? "")
                }
                let registration: Registration
                do {
                    registration = try await workflow.registerLetter(try parsed.get(), proof: proof, idempotencyKey: form._form)
                } catch let error as DomainError where error.kind == .unauthenticated {
                    return try await letterPage(writer, form: values, errors: ["code": error.messageFa], status: .unauthorized)
                }
                return try await registeredPage(registration.detail)
            } catch let problems as CaseDraft.Problems {
                return try await letterPage(writer, form: values, errors: Self.fieldErrors(problems.errors), status: .badRequest)
            } catch let error as DomainError where error.isBadInput {
                return try await letterPage(writer, form: values, errors: Self.fieldErrors([error]), status: .badRequest)
            }
        })
    }

    /// The letter page: for a visitor with no mobile yet (`askMobile`) only the first step; else the
    /// letter form, with the code field unless the citizen is signed in.
    func letterPage(
        _ writer: LetterWriter, form: [String: String], errors: [String: String], askMobile: Bool? = nil,
        status: HTTPResponse.Status, notice: String? = nil, codeJustSent: Bool = false
    ) async throws -> Response {
        let categories = try await reference.categories(includeInactive: false)
        let provinces = try await reference.provinces()
        var signedIn: MobileNumber?
        var csrf: String?
        if case .citizen(let mobile, let token) = writer { (signedIn, csrf) = (mobile, token) }
        var model = LetterModel(
            layout: Layout(
                title: "نوشتن نامه", citizen: signedIn?.masked, csrf: csrf, current: SiteURL.letter.path, notice: notice,
                error: errors.isEmpty ? nil : "لطفاً موارد مشخص‌شده را اصلاح کنید."),
            formKey: UUID().uuidString, form: form, errors: errors,
            kinds: CaseKind.allCases.map { Option(value: $0.rawValue, label: $0.nameFa, selected: $0.rawValue == form["kind"]) },
            categories: Option.choice("موضوع را برگزینید", categories.map { ($0.code, $0.name) }, chosen: form["category"]),
            provinces: Option.choice("استان را برگزینید", provinces.map { ($0.code, $0.name) }, chosen: form["province"]),
            askMobile: signedIn == nil && (askMobile ?? (form["mobile"] ?? "").isEmpty),
            signedInMobile: signedIn.map { Show.ltr($0.masked) }, mobileShown: Show.digits(form["mobile"] ?? ""), csrf: csrf)
        if codeJustSent { model.countdown = CodeCountdown() }
        return render("letter", model, status: status)
    }

    /// The receipt: the tracking code, what happens next and by when. Staff (`staff` with its
    /// `csrf`) see it in their own layout, with the case's page and the next call.
    func registeredPage(_ detail: CaseDetail, staff: Staff? = nil, csrf: String? = nil) async throws -> Response {
        let c = detail.case
        let expected = try await workflow.expectedAnswer(c)
        let code = c.trackingCode.value
        return render(
            "registered",
            RegisteredModel(
                layout: Layout(
                    title: "نامه ثبت شد", staff: staff, csrf: csrf, current: staff == nil ? "" : SiteURL.intake.path,
                    notice: "نامه با موفقیت ثبت شد."),
                code: PersianDigits.toPersian(code), codeGrouped: Show.ltr(c.trackingCode.grouped), subject: c.subject,
                mobileMasked: Show.ltr(detail.citizen.mobile.masked), answerDays: Show.number(expected.days),
                answerBy: JalaliFormat.date(expected.by), categoryName: detail.categoryName,
                caseURL: staff == nil ? SiteURL.trackCase(code).path : SiteURL.staffCase(code).path,
                caseLabel: staff == nil ? "پیگیری همین نامه" : "دیدن پرونده همین نامه",
                again: staff == nil ? nil : SiteURL.intake.path),
            status: .created)
    }

    /// Each error under its field, as the form names it ("citizen.mobile" → "mobile").
    static func fieldErrors(_ errors: [DomainError]) -> [String: String] {
        var fields: [String: String] = [:]
        for error in errors {
            fields[(error.field ?? "form").replacingOccurrences(of: "citizen.", with: ""), default: error.messageFa] = error.messageFa
        }
        return fields
    }
}
