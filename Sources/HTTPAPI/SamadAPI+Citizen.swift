import Domain
import Foundation
import PersianKit
import Storage

/// Citizens sign in with their mobile and a one-time SMS code, then see only their own cases.
extension SamadAPI {
    /// Codes are 6 digits, live 2 minutes and allow 5 tries.
    static let codeLifetime: TimeInterval = 120
    static let codeTries = 5

    func requestCitizenCode(_ input: Operations.RequestCitizenCode.Input) async throws -> Operations.RequestCitizenCode.Output {
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let mobile = try Self.mobile(body.mobile)
        try await limit("code-address", RequestIdentity.current.remoteAddress, RateLimits.codeRequestPerAddress)
        try await limit("code-mobile", mobile.value, RateLimits.codeRequestPerMobile)
        var rng = SystemRandomNumberGenerator()
        let code = String(format: "%06d", Int.random(in: 0...999_999, using: &rng))
        let id = try await auth.createOTP(
            mobile: mobile, codeHash: Self.codeHash(code, mobile: mobile),
            expiresAt: gate.now().addingTimeInterval(Self.codeLifetime))
        try await deps.sendCode(id, mobile, "سامد: کد ورود شما \(PersianDigits.toPersian(code)) است. این کد تا ۲ دقیقه اعتبار دارد؛ آن را به کسی ندهید.")
        return .accepted(.init())
    }

    func createCitizenSession(_ input: Operations.CreateCitizenSession.Input) async throws -> Operations.CreateCitizenSession.Output {
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let mobile = try Self.mobile(body.mobile)
        try await limit("verify-address", RequestIdentity.current.remoteAddress, RateLimits.codeVerifyPerAddress)
        let code = PersianText.normalizeIdentifier(body.code)
        switch try await auth.verifyOTP(mobile: mobile, codeHash: Self.codeHash(code, mobile: mobile), maxAttempts: Self.codeTries) {
        case .ok:
            let csrf = try await gate.startSession(kind: .citizen, staffID: nil, mobile: mobile)
            return .ok(.init(body: .json(.init(kind: .citizen, csrfToken: csrf, mobile: mobile.masked))))
        case .wrong:
            throw DomainError(.unauthenticated, "wrong_code", fa: "کد واردشده نادرست است.", en: "Wrong code.", field: "code")
        case .expired, .none:
            throw DomainError(.unauthenticated, "code_expired", fa: "کد منقضی شده است؛ کد تازه بگیرید.", en: "The code expired; request a new one.", field: "code")
        case .tooManyAttempts:
            throw DomainError(.unauthenticated, "code_exhausted", fa: "تلاش‌های مجاز برای این کد تمام شد؛ کد تازه بگیرید.", en: "Too many tries for this code; request a new one.", field: "code")
        }
    }

    func listMyCases(_ input: Operations.ListMyCases.Input) async throws -> Operations.ListMyCases.Output {
        let mobile = try await citizen(for: .listMyCases)
        let details = try await cases.details(forMobile: mobile, limit: 100)
        return .ok(.init(body: .json(details.map(Components.Schemas.TrackView.init))))
    }

    func revealCitizen(_ input: Operations.RevealCitizen.Input) async throws -> Operations.RevealCitizen.Output {
        let staff = try await staff(for: .revealCitizen)
        let detail = try await visible(input.path.trackingCode, to: staff)
        guard AccessPolicy.mayIdentifyCitizen(staff, confidential: detail.case.confidential) else { throw DomainError.forbidden }
        try await cases.recordPersonalDataView(caseID: detail.case.id, actor: .staff(staff))
        let c = detail.citizen
        return .ok(.init(body: .json(.init(name: c.fullName, nationalId: c.nationalID.value, mobile: c.mobile.value))))
    }

    /// Codes are stored hashed with the mobile, so a leaked table does not give working codes.
    static func codeHash(_ code: String, mobile: MobileNumber) -> String {
        SecretHash.sha256("\(mobile.value):\(code)")
    }
}
