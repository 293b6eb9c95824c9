import Domain
import Foundation
import PersianKit
import Storage

/// Provinces, agencies and categories; admins add and edit agencies and categories.
extension SamadAPI {
    func listProvinces(_ input: Operations.ListProvinces.Input) async throws -> Operations.ListProvinces.Output {
        let provinces = try await reference.provinces()
        let counties = Dictionary(grouping: try await reference.counties(province: nil), by: \.provinceCode)
        return .ok(
            .init(
                body: .json(
                    provinces.map { p in
                        .init(code: p.code, name: p.name, counties: (counties[p.code] ?? []).map { .init(code: $0.code, name: $0.name) })
                    })))
    }

    func listAgencies(_ input: Operations.ListAgencies.Input) async throws -> Operations.ListAgencies.Output {
        let agencies = try await reference.agencies(
            province: try await provinceFilter(input.query.province), kind: input.query.kind?.domain,
            includeInactive: input.query.includeInactive ?? false)
        return .ok(.init(body: .json(agencies.map(Components.Schemas.Agency.init))))
    }

    func createAgency(_ input: Operations.CreateAgency.Input) async throws -> Operations.CreateAgency.Output {
        let staff = try await staff(for: .createAgency)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let draft = try Self.agencyDraft(body, by: staff, defaultProvince: staff.provinceCode)
        let agency = try await reference.createAgency(draft, by: .request(staff))
        return .created(.init(body: .json(.init(agency))))
    }

    func updateAgency(_ input: Operations.UpdateAgency.Input) async throws -> Operations.UpdateAgency.Output {
        let staff = try await staff(for: .updateAgency)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        guard let existing = try await reference.agency(id: input.path.agencyId),
            AccessPolicy.covers(staff, province: existing.provinceCode)
        else { throw DomainError.notFound("agency", fa: "دستگاه") }
        let agency = try await reference.updateAgency(
            id: existing.id, try Self.agencyDraft(body, by: staff, defaultProvince: existing.provinceCode), by: .request(staff))
        return .ok(.init(body: .json(.init(agency))))
    }

    func listCategories(_ input: Operations.ListCategories.Input) async throws -> Operations.ListCategories.Output {
        let categories = try await reference.categories(includeInactive: input.query.includeInactive ?? false)
        return .ok(.init(body: .json(categories.map(Components.Schemas.Category.init))))
    }

    func createCategory(_ input: Operations.CreateCategory.Input) async throws -> Operations.CreateCategory.Output {
        let staff = try await staff(for: .createCategory)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        try Self.requireCountryScope(staff)
        let code = body.code.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty, code.count <= 50, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw DomainError(.invalid, "invalid_category_code", fa: "کد دسته باید حروف و رقم لاتین باشد.", en: "Category code must be ASCII letters and digits.", field: "code")
        }
        if try await reference.categories(includeInactive: true).contains(where: { $0.code == code }) {
            throw DomainError(.conflict, "category_exists", fa: "دسته‌ای با این کد هست.", en: "A category with this code exists.", field: "code")
        }
        let category = try await reference.saveCategory(
            try Self.category(
                code: code, name: body.name, kind: body.defaultAgencyKind, days: body.answerDays, active: body.active,
                escalation: body.escalation, keeping: .standard),
            by: .request(staff))
        return .created(.init(body: .json(.init(category))))
    }

    func updateCategory(_ input: Operations.UpdateCategory.Input) async throws -> Operations.UpdateCategory.Output {
        let staff = try await staff(for: .updateCategory)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        try Self.requireCountryScope(staff)
        guard let existing = try await reference.categories(includeInactive: true).first(where: { $0.code == input.path.code }) else {
            throw DomainError.notFound("category", fa: "دسته")
        }
        let category = try await reference.saveCategory(
            try Self.category(
                code: input.path.code, name: body.name, kind: body.defaultAgencyKind, days: body.answerDays, active: body.active ?? true,
                escalation: body.escalation, keeping: existing.escalation),
            by: .request(staff))
        return .ok(.init(body: .json(.init(category))))
    }

    /// An omitted province keeps `defaultProvince` (the agency's own on edits, the admin's on creation).
    static func agencyDraft(_ body: Components.Schemas.AgencyInput, by staff: Staff, defaultProvince: String?) throws -> AgencyDraft {
        let name = try TextInput.required(body.name, field: "name", fa: "نام دستگاه", max: 200)
        let province = body.province ?? defaultProvince
        // A provincial admin manages agencies of their own province only.
        guard AccessPolicy.covers(staff, province: province) else { throw DomainError.forbidden }
        return AgencyDraft(name: name, kind: body.kind.domain, parentID: body.parentId, provinceCode: province, active: body.active ?? true)
    }

    /// An omitted `escalation` keeps `kept` (the category's own on edits, the standard one on creation).
    static func category(
        code: String, name: String, kind: Components.Schemas.AgencyKind, days: Int, active: Bool,
        escalation: Components.Schemas.Escalation?, keeping kept: EscalationPolicy
    ) throws -> Domain.Category {
        let name = try TextInput.required(name, field: "name", fa: "نام دسته", max: 200)
        guard (1...90).contains(days) else {
            throw DomainError(.invalid, "invalid_answer_days", fa: "مهلت پاسخ باید بین ۱ تا ۹۰ روز کاری باشد.", en: "answerDays must be 1–90.", field: "answerDays")
        }
        let policy = try escalation.map {
            try EscalationPolicy(
                reminderDaysBefore: $0.reminderDaysBefore, level1DaysLate: $0.level1DaysLate, level2DaysLate: $0.level2DaysLate)
        } ?? kept
        return Domain.Category(
            code: code, name: name, defaultAgencyKind: kind.domain, answerDays: days, active: active, escalation: policy)
    }

    static func requireCountryScope(_ staff: Staff) throws {
        guard staff.provinceCode == nil else { throw DomainError.forbidden }
    }
}
