import Domain
import Foundation
import Storage

/// Ready answers (متن‌های آماده پاسخ): offered on a case to whoever answers it, kept by supervisors.
extension CaseWorkflow {
    /// The ready answers `detail`'s page offers: its province's and the national ones, active, for
    /// its category or any, the category's first.
    public func replyTemplates(for detail: CaseDetail, by caller: StaffCaller) async throws -> [ReplyTemplate] {
        try caller.require(.readCases)
        let all = try await reference.replyTemplates(province: detail.case.provinceCode, includeInactive: false)
        return ReplyTemplate.offered(all, province: detail.case.provinceCode, category: detail.case.categoryCode)
    }

    /// The ready answers of the caller's scope (their province's and the national ones; every one for
    /// national staff); the inactive ones too for those who may change them.
    public func replyTemplates(by caller: StaffCaller, includeInactive: Bool = false) async throws -> [ReplyTemplate] {
        try caller.require(.readCases)
        let mayManage = AccessPolicy.roles(for: .manageReplyTemplates).contains(caller.staff.role)
        return try await reference.replyTemplates(province: caller.staff.provinceCode, includeInactive: includeInactive && mayManage)
    }

    /// Writes a new ready answer (`id` nil) or changes one in the caller's scope. A provincial
    /// supervisor's is always their province's; national staff choose a province or none (national);
    /// an edit that names none keeps the template's.
    public func saveReplyTemplate(
        id: Int?, title: String?, body: String?, categoryCode: String?, provinceCode: String?, active: Bool, by caller: StaffCaller
    ) async throws -> ReplyTemplate {
        try caller.require(.manageReplyTemplates)
        var kept: String?
        if let id {
            guard let current = try await reference.replyTemplate(id: id), current.mayEdit(caller.staff) else {
                throw DomainError.replyTemplateNotFound
            }
            kept = current.provinceCode
        }
        // An edit that names no province keeps the template's (an empty one makes it national).
        let draft = try ReplyTemplateDraft(
            title: title, body: body, categoryCode: categoryCode, provinceCode: caller.staff.provinceCode ?? provinceCode ?? kept,
            active: active)
        return try await reference.saveReplyTemplate(id: id, draft, by: .request(caller.staff))
    }
}
