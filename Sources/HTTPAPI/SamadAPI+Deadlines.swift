import Domain
import Foundation
import Storage
import Workflow

/// Following late referrals: escalation levels 1 and 2 (the inspection queue).
extension SamadAPI {
    func listOverdue(_ input: Operations.ListOverdue.Input) async throws -> Operations.ListOverdue.Output {
        let caller = try await staffCaller(for: .listOverdue)
        let page = try await workflow.overdue(
            by: caller, level: input.query.level ?? CaseRules.topEscalationLevel,
            limit: try Self.pageLimit(input.query.limit, default: 100), cursor: input.query.cursor)
        return .ok(.init(body: .json(.init(page, clock: workflow.clock))))
    }

    func listBreaches(_ input: Operations.ListBreaches.Input) async throws -> Operations.ListBreaches.Output {
        let caller = try await staffCaller(for: .listBreaches)
        let page = try await workflow.breaches(
            by: caller, limit: try Self.pageLimit(input.query.limit, default: 100), cursor: input.query.cursor)
        return .ok(.init(body: .json(.init(page, clock: workflow.clock))))
    }

    func recordInspection(_ input: Operations.RecordInspection.Input) async throws -> Operations.RecordInspection.Output {
        let caller = try await staffCaller(for: .recordInspection)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let detail = try await workflow.recordInspection(input.path.referralId, action: body.action, by: caller)
        return .ok(.init(body: .json(.init(detail, viewer: caller.staff, clock: workflow.clock))))
    }
}
