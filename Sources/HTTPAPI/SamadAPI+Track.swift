import Domain
import Foundation
import PersianKit
import Storage

/// The citizen's follow-up (پیگیری): tracking code plus the case's mobile number, nothing else.
extension SamadAPI {
    func trackCase(_ input: Operations.TrackCase.Input) async throws -> Operations.TrackCase.Output {
        try await limitTracking(input.path.trackingCode)
        let detail = try await owned(input.path.trackingCode, mobile: input.query.mobile)
        return .ok(.init(body: .json(.init(detail))))
    }

    func rateCase(_ input: Operations.RateCase.Input) async throws -> Operations.RateCase.Output {
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        try await limitTracking(input.path.trackingCode)
        let code = try Self.trackingCode(input.path.trackingCode)
        let mobile = try Self.mobile(body.mobile)
        let detail = try await cases.rate(code, mobile: mobile, rating: body.rating, comment: body.comment)
        return .ok(.init(body: .json(.init(detail))))
    }

    /// Public look-ups are limited per address and per code, so codes cannot be guessed.
    func limitTracking(_ rawCode: String) async throws {
        try await limit("track-address", RequestIdentity.current.remoteAddress, RateLimits.trackPerAddress)
        try await limit("track-code", PersianText.normalizeIdentifier(rawCode), RateLimits.trackPerCode)
    }

    /// The case if the mobile is its citizen's; a wrong mobile answers exactly like a wrong code.
    func owned(_ rawCode: String, mobile rawMobile: String) async throws -> CaseDetail {
        let code = try Self.trackingCode(rawCode)
        let mobile = try Self.mobile(rawMobile)
        guard let detail = try await cases.detail(code), detail.citizen.mobile == mobile else {
            throw DomainError.caseNotFound
        }
        return detail
    }

    static func mobile(_ raw: String) throws -> MobileNumber {
        do { return try MobileNumber(parsing: raw) } catch { throw DomainError(error, field: "mobile") }
    }
}
