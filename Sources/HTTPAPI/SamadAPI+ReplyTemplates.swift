import Domain
import Foundation
import Storage
import Workflow

/// Ready answers: the same use cases as the case page and `/staff/templates`.
extension SamadAPI {
    func listReplyTemplates(_ input: Operations.ListReplyTemplates.Input) async throws -> Operations.ListReplyTemplates.Output {
        let caller = try await staffCaller(for: .listReplyTemplates)
        let templates = try await workflow.replyTemplates(by: caller, includeInactive: input.query.includeInactive ?? false)
        return .ok(.init(body: .json(templates.map(Components.Schemas.ReplyTemplate.init))))
    }

    func createReplyTemplate(_ input: Operations.CreateReplyTemplate.Input) async throws -> Operations.CreateReplyTemplate.Output {
        let caller = try await staffCaller(for: .createReplyTemplate)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let saved = try await workflow.saveReplyTemplate(
            id: nil, title: body.title, body: body.body, categoryCode: body.category, provinceCode: try await provinceInput(body.province),
            active: body.active ?? true, by: caller)
        return .created(.init(body: .json(.init(saved))))
    }

    func updateReplyTemplate(_ input: Operations.UpdateReplyTemplate.Input) async throws -> Operations.UpdateReplyTemplate.Output {
        let caller = try await staffCaller(for: .updateReplyTemplate)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let saved = try await workflow.saveReplyTemplate(
            id: input.path.templateId, title: body.title, body: body.body, categoryCode: body.category, provinceCode: try await provinceInput(body.province),
            active: body.active ?? true, by: caller)
        return .ok(.init(body: .json(.init(saved))))
    }
}

extension Components.Schemas.ReplyTemplate {
    init(_ t: ReplyTemplate) {
        self.init(
            id: t.id, title: t.title, body: t.body, category: t.categoryCode, province: t.provinceCode, active: t.active,
            updatedAt: t.updatedAt)
    }
}
