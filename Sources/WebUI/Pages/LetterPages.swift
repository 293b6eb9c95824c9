import Domain
import Foundation
import Workflow
import Hummingbird
import PersianKit
import Storage

/// A citizen writes a letter on the web; the receipt shows the tracking code.
extension WebUI {
    struct LetterModel {
        var layout: Layout
        var formKey: String
        var form: [String: String]
        var errors: [String: String]
        var kinds: [Option]
        var categories: [Option]
        var provinces: [Option]
    }

    struct RegisteredModel {
        let layout: Layout
        let code: String
        let codeGrouped: String
        let subject: String
        let mobileMasked: String
        let trackURL: String
        let again: String?
    }

    /// The letter form's fields, named as in `letter.mustache`.
    struct LetterForm: PageForm {
        var kind, category, subject, body, firstName, lastName, nationalId, mobile, province, confidential: String?
        /// The form's one-time key: the same letter sent twice is registered once.
        var _form: String?
    }

    func registerLetterPages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.letter.path), use: page { _, _ in
            try await letterPage(form: [:], errors: [:], status: .ok)
        })
        router.post(RouterPath(SiteURL.letter.path), use: page { request, _ in
            let form = try await LetterForm.read(request)
            let values = form.kept
            let parsed = CaseDraft.parseAll(
                channel: .web, kind: form.kind.flatMap(CaseKind.init(rawValue:)) ?? .request, categoryCode: form.category ?? "",
                subject: form.subject, body: form.body, confidential: form.confidential == "1",
                nationalID: form.nationalId ?? "", mobile: form.mobile ?? "", firstName: form.firstName,
                lastName: form.lastName, provinceCode: form.province ?? "", countyCode: nil)
            do {
                let registration = try await workflow.registerLetter(try parsed.get(), idempotencyKey: form._form)
                return registeredPage(registration.detail, again: nil)
            } catch let problems as CaseDraft.Problems {
                return try await letterPage(form: values, errors: Self.fieldErrors(problems.errors), status: .badRequest)
            } catch let error as DomainError where error.kind == .invalid {
                return try await letterPage(form: values, errors: Self.fieldErrors([error]), status: .badRequest)
            }
        })
    }

    func letterPage(form: [String: String], errors: [String: String], status: HTTPResponse.Status) async throws -> Response {
        let categories = try await reference.categories(includeInactive: false)
        let provinces = try await reference.provinces()
        let model = LetterModel(
            layout: Layout(title: "نوشتن نامه", current: SiteURL.letter.path, error: errors.isEmpty ? nil : "لطفاً موارد مشخص‌شده را اصلاح کنید."),
            formKey: UUID().uuidString, form: form, errors: errors,
            kinds: CaseKind.allCases.map { Option(value: $0.rawValue, label: $0.nameFa, selected: $0.rawValue == form["kind"]) },
            categories: categories.map { Option(value: $0.code, label: $0.name, selected: $0.code == form["category"]) },
            provinces: provinces.map { Option(value: $0.code, label: $0.name, selected: $0.code == form["province"]) })
        return render("letter", model, status: status)
    }

    func registeredPage(_ detail: CaseDetail, again: String?) -> Response {
        let c = detail.case
        return render(
            "registered",
            RegisteredModel(
                layout: Layout(title: "نامه ثبت شد", notice: "نامه با موفقیت ثبت شد."), code: PersianDigits.toPersian(c.trackingCode.value),
                codeGrouped: c.trackingCode.grouped, subject: c.subject, mobileMasked: Show.digits(detail.citizen.mobile.masked),
                trackURL: SiteURL.track.path + "?code=\(c.trackingCode.value)", again: again),
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
