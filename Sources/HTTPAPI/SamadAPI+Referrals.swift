import Domain
import Foundation
import Storage
import Workflow

/// The agency's side: its inbox, and accept / answer / return on one referral.
extension SamadAPI {
    func listReferrals(_ input: Operations.ListReferrals.Input) async throws -> Operations.ListReferrals.Output {
        let staff = try await staff(for: .listReferrals)
        let agency: Int? = staff.role == .liaison ? staff.agencyID : try Self.idFilter(input.query.agency, field: "agency")
        let page = try await cases.inbox(
            agencyID: agency, openOnly: input.query.open ?? true,
            scopeProvince: staff.role == .liaison ? nil : staff.provinceCode, refine: .init(), limit: try Self.pageLimit(input.query.limit, default: 100),
            cursor: input.query.cursor)
        return .ok(.init(body: .json(.init(page, clock: workflow.clock))))
    }

    func acceptReferral(_ input: Operations.AcceptReferral.Input) async throws -> Operations.AcceptReferral.Output {
        let caller = try await staffCaller(for: .acceptReferral)
        let detail = try await workflow.acceptReferral(input.path.referralId, by: caller)
        return .ok(.init(body: .json(.init(detail, viewer: caller.staff, clock: workflow.clock))))
    }

    func answerReferral(_ input: Operations.AnswerReferral.Input) async throws -> Operations.AnswerReferral.Output {
        let caller = try await staffCaller(for: .answerReferral)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let detail = try await workflow.answerReferral(input.path.referralId, answer: body.answer, by: caller)
        return .ok(.init(body: .json(.init(detail, viewer: caller.staff, clock: workflow.clock))))
    }

    func recordCallBack(_ input: Operations.RecordCallBack.Input) async throws -> Operations.RecordCallBack.Output {
        let caller = try await staffCaller(for: .recordCallBack)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let outcome: CallOutcome =
            switch body.outcome {
            case .reached: .reached
            case .noAnswer: .noAnswer
            case .wrongNumber: .wrongNumber
            }
        let detail = try await workflow.recordCallBack(
            input.path.referralId, outcome: outcome, calledAt: body.calledAt, note: body.note, by: caller)
        return .ok(.init(body: .json(.init(detail, viewer: caller.staff, clock: workflow.clock))))
    }

    func returnReferral(_ input: Operations.ReturnReferral.Input) async throws -> Operations.ReturnReferral.Output {
        let caller = try await staffCaller(for: .returnReferral)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let detail = try await workflow.returnReferral(input.path.referralId, reason: body.reason, by: caller)
        return .ok(.init(body: .json(.init(detail, viewer: caller.staff, clock: workflow.clock))))
    }
}
