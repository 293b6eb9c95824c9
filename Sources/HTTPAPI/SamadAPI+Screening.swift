import Domain
import Foundation
import PersianKit
import Storage

/// Screening (پایش): answer directly, refer, merge, close.
extension SamadAPI {
    func answerCase(_ input: Operations.AnswerCase.Input) async throws -> Operations.AnswerCase.Output {
        let staff = try await staff(for: .answerCase)
        let current = try await visible(input.path.trackingCode, to: staff)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let detail = try await cases.answerDirectly(
            current.case.trackingCode, answer: body.answer, actor: .staff(staff), expectedVersion: body.expectedVersion)
        return .ok(.init(body: .json(.init(detail, viewer: staff))))
    }

    func referCase(_ input: Operations.ReferCase.Input) async throws -> Operations.ReferCase.Output {
        let staff = try await staff(for: .referCase)
        let current = try await visible(input.path.trackingCode, to: staff)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let detail = try await cases.refer(
            current.case.trackingCode, to: body.agencyIds, note: body.note, actor: .staff(staff),
            expectedVersion: body.expectedVersion)
        return .ok(.init(body: .json(.init(detail, viewer: staff))))
    }

    func mergeCase(_ input: Operations.MergeCase.Input) async throws -> Operations.MergeCase.Output {
        let staff = try await staff(for: .mergeCase)
        let current = try await visible(input.path.trackingCode, to: staff)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let target = try await visible(body.targetTrackingCode, to: staff)
        let detail = try await cases.merge(current.case.trackingCode, into: target.case.trackingCode, actor: .staff(staff))
        return .ok(.init(body: .json(.init(detail, viewer: staff))))
    }

    func withdrawReferral(_ input: Operations.WithdrawReferral.Input) async throws -> Operations.WithdrawReferral.Output {
        let staff = try await staff(for: .withdrawReferral)
        guard let current = try await cases.detail(referralID: input.path.referralId), Self.canSee(current, staff) else {
            throw DomainError.notFound("referral", fa: "ارجاع")
        }
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let detail = try await cases.withdrawReferral(input.path.referralId, reason: body.reason, actor: .staff(staff))
        return .ok(.init(body: .json(.init(detail, viewer: staff))))
    }

    func closeCase(_ input: Operations.CloseCase.Input) async throws -> Operations.CloseCase.Output {
        let staff = try await staff(for: .closeCase)
        let current = try await visible(input.path.trackingCode, to: staff)
        let note: String? = if case .json(let body) = input.body { body.note } else { nil }
        let detail = try await cases.close(current.case.trackingCode, note: note, actor: .staff(staff))
        return .ok(.init(body: .json(.init(detail, viewer: staff))))
    }
}
