import Domain
import Foundation
import PersianKit
import Storage
import Workflow

/// The citizen's follow-up (پیگیری): tracking code plus the case's mobile number, nothing else.
extension SamadAPI {
    func trackCase(_ input: Operations.TrackCase.Input) async throws -> Operations.TrackCase.Output {
        let detail = try await workflow.track(try Self.trackingCode(input.path.trackingCode), mobile: try Self.mobile(input.query.mobile))
        return .ok(.init(body: .json(.init(detail, clock: workflow.clock))))
    }

    func rateCase(_ input: Operations.RateCase.Input) async throws -> Operations.RateCase.Output {
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let detail = try await workflow.rate(
            try Self.trackingCode(input.path.trackingCode), mobile: try Self.mobile(body.mobile), rating: body.rating,
            comment: body.comment)
        return .ok(.init(body: .json(.init(detail, clock: workflow.clock))))
    }

    func objectToAnswer(_ input: Operations.ObjectToAnswer.Input) async throws -> Operations.ObjectToAnswer.Output {
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let detail = try await workflow.object(
            try Self.trackingCode(input.path.trackingCode), mobile: try Self.mobile(body.mobile), text: body.text)
        return .ok(.init(body: .json(.init(detail, clock: workflow.clock))))
    }

    static func mobile(_ raw: String) throws -> MobileNumber {
        do { return try MobileNumber(parsing: raw) } catch { throw DomainError(error, field: "mobile") }
    }
}
