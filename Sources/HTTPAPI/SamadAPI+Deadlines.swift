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
}
