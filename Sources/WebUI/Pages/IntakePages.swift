import Domain
import Foundation
import Workflow
import Hummingbird
import PersianKit
import Storage

/// The operator console: one keyboard-only form for a call to 111 while the citizen is on the line.
extension WebUI {
    struct IntakeModel {
        struct Past { let code: String; let url: String; let subject: String; let status: String; let statusLabel: String; let createdAt: String }
        var layout: Layout
        var formKey: String
        var form: [String: String]
        var errors: [String: String] = [:]
        var channels: [Option] = []
        var kinds: [Option] = []
        var categories: [Option] = []
        var counties: [Option] = []
        var provinces: [Option] = []
        var hasProvinces = false
        var history: [Past] = []
        var hasHistory = false
        var duplicate: Past?
        /// The registration just sent was held back for `duplicate`: the page says it was not
        /// registered and why, and its confirm button has the focus (Enter registers anyway).
        var blocked = false
        /// The known citizen's mobile and national ID, masked: the operator asks the caller rather than reading them out.
        var knownContact: String?
    }

    /// The console's fields, named as in `intake.mustache`.
    struct IntakeForm: PageForm {
        var nationalId, mobile, firstName, lastName, county, province, channel, kind, category, subject, body, confidential: String?
        /// `lookup` when the operator only looks the caller up; `confirmDuplicate` is `1` when they register anyway.
        var op, confirmDuplicate: String?
        var _csrf, _form: String?
    }

    func registerIntakePages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.intake.path), use: page { _, _ in
            let (staff, csrf) = try await signedInStaff(may: .registerCase)
            return try await intakePage(staff: staff, csrf: csrf, form: ["channel": Channel.phone111.rawValue], formKey: UUID().uuidString)
        })
        router.post(RouterPath(SiteURL.intake.path), use: page { request, _ in
            let form = try await IntakeForm.read(request)
            let (staff, csrf) = try await signedInStaff(may: .registerCase, csrf: form._csrf)
            var values = form.kept
            let formKey = form._form ?? UUID().uuidString
            let history = try await lookUp(values, for: staff)
            if form.op == "lookup", let (citizen, _) = history {
                // The name and county help confirm who is calling; the mobile and national ID stay masked.
                values["firstName"] = values["firstName"].flatMap { $0.isEmpty ? nil : $0 } ?? citizen.firstName
                values["lastName"] = values["lastName"].flatMap { $0.isEmpty ? nil : $0 } ?? citizen.lastName
                values["county"] = values["county"].flatMap { $0.isEmpty ? nil : $0 } ?? citizen.countyCode
            }
            if form.op == "lookup" {
                return try await intakePage(staff: staff, csrf: csrf, form: values, formKey: formKey, history: history)
            }
            let parsed = CaseDraft.parseAll(
                channel: form.channel.flatMap(Channel.init(rawValue:)) ?? .phone111,
                kind: form.kind.flatMap(CaseKind.init(rawValue:)) ?? .request,
                categoryCode: form.category ?? "", subject: form.subject, body: form.body,
                confidential: form.confidential == "1", nationalID: form.nationalId ?? "", mobile: form.mobile ?? "",
                firstName: form.firstName, lastName: form.lastName,
                provinceCode: staff.provinceCode ?? form.province ?? "", countyCode: form.county)
            do {
                let draft = try parsed.get()
                // The same form sent again (a double click, a reload): the receipt of the first.
                if let earlier = try await workflow.registered(idempotencyKey: formKey, by: StaffCaller(staff)) {
                    return try await registeredPage(earlier, staff: staff, csrf: csrf)
                }
                // A second open letter of the same citizen on the same matter: link to it, unless confirmed.
                if form.confirmDuplicate != "1",
                    history?.1.contains(where: { $0.status.isOpen && $0.categoryCode == draft.categoryCode }) == true
                {
                    return try await intakePage(
                        staff: staff, csrf: csrf, form: values, formKey: formKey, history: history, checkDuplicate: true, status: .conflict)
                }
                let registration = try await workflow.register(draft, idempotencyKey: formKey, by: StaffCaller(staff))
                return try await registeredPage(registration.detail, staff: staff, csrf: csrf)
            } catch let problems as CaseDraft.Problems {
                return try await intakePage(
                    staff: staff, csrf: csrf, form: values, formKey: formKey, history: history,
                    errors: Self.fieldErrors(problems.errors), status: .badRequest)
            } catch let error as DomainError where error.isBadInput {
                return try await intakePage(
                    staff: staff, csrf: csrf, form: values, formKey: formKey, history: history,
                    errors: Self.fieldErrors([error]), status: .badRequest)
            }
        })
    }

    /// The caller's citizen record and letters, as the use case allows this staff member to see them.
    func lookUp(_ values: [String: String], for staff: Staff) async throws -> (Citizen, [CaseSummary])? {
        try await workflow.lookUpCitizen(
            nationalID: try? NationalID(parsing: values["nationalId"] ?? ""), mobile: try? MobileNumber(parsing: values["mobile"] ?? ""),
            by: StaffCaller(staff))
    }

    func intakePage(
        staff: Staff, csrf: String, form: [String: String], formKey: String, history: (Citizen, [CaseSummary])? = nil,
        checkDuplicate: Bool = false, errors: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let categories = try await reference.categories(includeInactive: false)
        let province = staff.provinceCode ?? form["province"]
        var model = IntakeModel(
            layout: Layout(
                title: "ثبت تماس و نامه", staff: staff, csrf: csrf, current: SiteURL.intake.path,
                error: errors.isEmpty ? nil : "لطفاً موارد مشخص‌شده را اصلاح کنید."),
            formKey: formKey, form: form, errors: errors, blocked: checkDuplicate)
        model.channels = Channel.allCases.map { Option(value: $0.rawValue, label: $0.nameFa, selected: $0.rawValue == form["channel"]) }
        model.kinds = CaseKind.allCases.map { Option(value: $0.rawValue, label: $0.nameFa, selected: $0.rawValue == form["kind"]) }
        model.categories = categories.map { Option(value: $0.code, label: $0.name, selected: $0.code == form["category"]) }
        if let province {
            model.counties = try await reference.counties(province: province).map {
                Option(value: $0.code, label: $0.name, selected: $0.code == form["county"])
            }
        }
        if staff.provinceCode == nil {
            model.hasProvinces = true
            model.provinces = try await reference.provinces().map { Option(value: $0.code, label: $0.name, selected: $0.code == form["province"]) }
        }
        if let (citizen, past) = history {
            model.knownContact = "همراه ثبت‌شده \(Show.ltr(citizen.mobile.masked))"
                + (citizen.nationalID.map { " — کد ملی \(Show.ltr($0.masked))" } ?? "")
            model.history = past.map {
                .init(
                    code: Show.digits($0.trackingCode.value), url: SiteURL.staffCase($0.trackingCode.value).path, subject: $0.subject,
                    status: $0.status.rawValue, statusLabel: $0.status.nameFa, createdAt: Show.dateTime($0.createdAt))
            }
            model.hasHistory = !past.isEmpty
            let category = form["category"] ?? ""
            if checkDuplicate || form["category"] != nil,
                let open = past.firstIndex(where: { $0.status.isOpen && $0.categoryCode == category })
            {
                model.duplicate = model.history[open]
            }
            if checkDuplicate, let duplicate = model.duplicate {
                model.layout.error = "نامه ثبت نشد: این شهروند نامه باز دیگری در همین موضوع دارد (\(duplicate.code))."
            }
        }
        return render("intake", model, status: status)
    }
}
