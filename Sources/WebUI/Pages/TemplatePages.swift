import Domain
import Foundation
import Hummingbird
import Storage
import Workflow

/// Ready answers (متن‌های آماده پاسخ) as supervisors keep them: the province's and the national ones,
/// a form for a new one, and each one editable (or retired) in place by whoever may change it.
extension WebUI {
    struct TemplatesModel {
        struct Item {
            let id: Int; let url: String; let title: String; let body: String; let scope: String; let categoryName: String
            let active: Bool; let editable: Bool; let categories: [Option]
            /// Sent back unchanged with an edit, so a national admin's edit keeps the template's province.
            let provinceCode: String
        }
        let layout: Layout
        let csrf: String
        let newURL: String
        let categories: [Option]
        /// National staff choose the province a new one is for; a provincial account's are its province's.
        let provinces: [Option]
        let choosesProvince: Bool
        let items: [Item]
        let form: [String: String]
        let errors: [String: String]
    }

    struct TemplateForm: PageForm {
        var _csrf, title, body, category, province, active: String?
    }

    func registerTemplatePages<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.templates.path), use: page { request, _ in
            let (staff, csrf) = try await signedInStaff(may: .manageReplyTemplates)
            let notice = request.formQuery["done"] == "saved" ? "متن آماده ذخیره شد." : nil
            return try await templatesPage(staff, csrf: csrf, notice: notice)
        })
        router.post(RouterPath(SiteURL.templates.path), use: page { request, _ in
            try await saveTemplate(request, id: nil)
        })
        router.post(RouterPath(SiteURL.templatePattern), use: page { request, context in
            guard let id = context.parameters.get("id").flatMap({ Int($0) }) else { throw DomainError.replyTemplateNotFound }
            return try await saveTemplate(request, id: id)
        })
    }

    private func saveTemplate(_ request: Request, id: Int?) async throws -> Response {
        let form = try await TemplateForm.read(request)
        let (staff, csrf) = try await signedInStaff(may: .manageReplyTemplates, csrf: form._csrf)
        do {
            // A new one is active; an edited one keeps the box as ticked (unticked retires it).
            _ = try await workflow.saveReplyTemplate(
                id: id, title: form.title, body: form.body, categoryCode: form.category, provinceCode: form.province,
                active: id == nil || form.active == "1", by: StaffCaller(staff))
        } catch let error as DomainError where error.isBadInput {
            return try await templatesPage(
                staff, csrf: csrf, form: id == nil ? form.kept : [:], errors: [error.field ?? "form": error.messageFa],
                error: "متن آماده ذخیره نشد: \(error.messageFa)", status: .badRequest)
        }
        return HTML.redirect(SiteURL.templates.path + "?done=saved")
    }

    private func templatesPage(
        _ staff: Staff, csrf: String, notice: String? = nil, form: [String: String] = [:], errors: [String: String] = [:],
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let caller = StaffCaller(staff)
        let templates = try await workflow.replyTemplates(by: caller, includeInactive: true)
        let categories = try await reference.categories(includeInactive: false)
        let names = Dictionary(uniqueKeysWithValues: categories.map { ($0.code, $0.name) })
        let provinces = try await reference.provinces()
        let provinceNames = Dictionary(uniqueKeysWithValues: provinces.map { ($0.code, $0.name) })
        func categoryOptions(_ chosen: String?) -> [Option] {
            categories.map { Option(value: $0.code, label: $0.name, selected: $0.code == chosen) }
        }
        let model = TemplatesModel(
            layout: Layout(title: "متن‌های آماده پاسخ", staff: staff, csrf: csrf, current: SiteURL.templates.path, notice: notice, error: error),
            csrf: csrf, newURL: SiteURL.templates.path, categories: categoryOptions(form["category"]),
            provinces: provinces.map { Option(value: $0.code, label: $0.name, selected: $0.code == form["province"]) },
            choosesProvince: staff.provinceCode == nil,
            items: templates.map { t in
                .init(
                    id: t.id, url: SiteURL.template(t.id).path, title: t.title, body: t.body,
                    scope: t.provinceCode.map { "استان \(provinceNames[$0] ?? $0)" } ?? "همه استان‌ها",
                    categoryName: t.categoryCode.map { names[$0] ?? $0 } ?? "همه موضوع‌ها", active: t.active,
                    editable: t.mayEdit(staff), categories: categoryOptions(t.categoryCode), provinceCode: t.provinceCode ?? "")
            },
            form: form, errors: errors)
        return render("templates", model, status: status)
    }
}
