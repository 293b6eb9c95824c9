import Domain
import Foundation
import PersianKit
import Storage
import Workflow

/// Screening (پایش): answer directly, refer, merge, close, withdraw a referral; each one use case.
extension SamadAPI {
    func answerCase(_ input: Operations.AnswerCase.Input) async throws -> Operations.AnswerCase.Output {
        let caller = try await staffCaller(for: .answerCase)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let detail = try await workflow.answerDirectly(
            try Self.trackingCode(input.path.trackingCode), answer: body.answer, expectedVersion: body.expectedVersion, by: caller)
        return .ok(.init(body: .json(.init(detail, viewer: caller.staff, clock: workflow.clock))))
    }

    func referCase(_ input: Operations.ReferCase.Input) async throws -> Operations.ReferCase.Output {
        let caller = try await staffCaller(for: .referCase)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let detail = try await workflow.refer(
            try Self.trackingCode(input.path.trackingCode), to: body.agencyIds, note: body.note,
            expectedVersion: body.expectedVersion, by: caller)
        return .ok(.init(body: .json(.init(detail, viewer: caller.staff, clock: workflow.clock))))
    }

    func mergeCase(_ input: Operations.MergeCase.Input) async throws -> Operations.MergeCase.Output {
        let caller = try await staffCaller(for: .mergeCase)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let detail = try await workflow.merge(
            try Self.trackingCode(input.path.trackingCode), into: try Self.trackingCode(body.targetTrackingCode), by: caller)
        return .ok(.init(body: .json(.init(detail, viewer: caller.staff, clock: workflow.clock))))
    }

    func withdrawReferral(_ input: Operations.WithdrawReferral.Input) async throws -> Operations.WithdrawReferral.Output {
        let caller = try await staffCaller(for: .withdrawReferral)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let detail = try await workflow.withdrawReferral(input.path.referralId, reason: body.reason, by: caller)
        return .ok(.init(body: .json(.init(detail, viewer: caller.staff, clock: workflow.clock))))
    }

    func closeCase(_ input: Operations.CloseCase.Input) async throws -> Operations.CloseCase.Output {
        let caller = try await staffCaller(for: .closeCase)
        let note: String? = if case .json(let body) = input.body { body.note } else { nil }
        let detail = try await workflow.close(try Self.trackingCode(input.path.trackingCode), note: note, by: caller)
        return .ok(.init(body: .json(.init(detail, viewer: caller.staff, clock: workflow.clock))))
    }
}

/// The inspection office's decision on a citizen's appeal.
extension SamadAPI {
    func decideAppeal(_ input: Operations.DecideAppeal.Input) async throws -> Operations.DecideAppeal.Output {
        let caller = try await staffCaller(for: .decideAppeal)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let outcome: AppealOutcome =
            switch body.outcome {
            case .answerStands: .answerStands
            case .reexamine: .reexamine
            }
        let detail = try await workflow.decideAppeal(
            try Self.trackingCode(input.path.trackingCode), outcome: outcome, reasons: body.reasons, by: caller)
        return .ok(.init(body: .json(.init(detail, viewer: caller.staff, clock: workflow.clock))))
    }
}
