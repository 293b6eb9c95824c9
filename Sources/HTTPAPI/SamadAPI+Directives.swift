import Domain
import Foundation
import PersianKit
import Storage
import Workflow

/// Directives (دستور): issuing one on a case, and following them per official.
extension SamadAPI {
    func issueDirective(_ input: Operations.IssueDirective.Input) async throws -> Operations.IssueDirective.Output {
        let caller = try await staffCaller(for: .issueDirective)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let detail = try await workflow.issueDirective(
            try Self.trackingCode(input.path.trackingCode), to: body.agencyId, text: body.text,
            due: try DirectiveDue(businessDays: body.businessDays, dueDate: body.dueDate), by: caller)
        return .created(.init(body: .json(.init(detail, viewer: caller.staff, clock: workflow.clock))))
    }

    func listDirectives(_ input: Operations.ListDirectives.Input) async throws -> Operations.ListDirectives.Output {
        let caller = try await staffCaller(for: .listDirectives)
        let page = try await workflow.directives(
            by: caller, issuerID: try Self.idFilter(input.query.issuer, field: "issuer"), openOnly: input.query.open ?? false,
            limit: try Self.pageLimit(input.query.limit, default: 100), cursor: input.query.cursor)
        return .ok(.init(body: .json(.init(page, clock: workflow.clock))))
    }

    func listDirectiveOfficials(_ input: Operations.ListDirectiveOfficials.Input) async throws -> Operations.ListDirectiveOfficials.Output {
        let caller = try await staffCaller(for: .listDirectiveOfficials)
        return .ok(.init(body: .json(try await workflow.directiveTallies(by: caller).map(Components.Schemas.DirectiveTally.init))))
    }
}
