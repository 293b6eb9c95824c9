import Domain
import Foundation
import PersianKit
import Storage

/// Citizens sign in with their mobile and a one-time SMS code; the API and the portal both come here.
extension Gatekeeper {
    /// Codes are 6 digits and live 2 minutes; a mobile gets 5 wrong tries in 10 minutes, however many codes it asked for.
    public static let codeLifetime: TimeInterval = 120
    public static let codeTries = 5
    /// Wrong tries count per mobile over this window, whatever number of codes was asked for in it.
    public static let codeTryWindow: TimeInterval = 600

    /// Sends a fresh sign-in code to `mobile`, within the per-address and per-mobile limits.
    public func requestCitizenCode(_ mobile: MobileNumber) async throws {
        try await limit("code-address", RequestIdentity.current.remoteAddress, RateLimits.codeRequestPerAddress)
        try await limit("code-mobile", mobile.value, RateLimits.codeRequestPerMobile)
        var rng = SystemRandomNumberGenerator()
        let code = String(format: "%06d", Int.random(in: 0...999_999, using: &rng))
        let id = try await auth.createOTP(
            mobile: mobile, codeHash: Self.codeHash(code, mobile: mobile), expiresAt: now().addingTimeInterval(Self.codeLifetime))
        try await sendCode(id, mobile, "سامد: کد ورود شما \(PersianDigits.toPersian(code)) است. این کد تا \(PersianDigits.toPersian(String(Int(Self.codeLifetime) / 60))) دقیقه اعتبار دارد؛ آن را به کسی ندهید.")
    }

    /// Checks the code; on success starts a citizen session (its cookie is set on the response) and
    /// returns its CSRF token.
    public func signInCitizen(_ mobile: MobileNumber, code rawCode: String) async throws -> String {
        try InputLimits.check(rawCode, field: "code", fa: "کد ورود", max: InputLimits.maxSecret)
        try await limit("verify-address", RequestIdentity.current.remoteAddress, RateLimits.codeVerifyPerAddress)
        let code = PersianText.normalizeIdentifier(rawCode)
        switch try await auth.verifyOTP(mobile: mobile, codeHash: Self.codeHash(code, mobile: mobile), maxAttempts: Self.codeTries, window: Self.codeTryWindow, by: .anonymousRequest) {
        case .ok:
            return try await startSession(kind: .citizen, staffID: nil, mobile: mobile)
        case .wrong:
            throw DomainError(.unauthenticated, "wrong_code", fa: "کد واردشده نادرست است.", en: "Wrong code.", field: "code")
        case .expired, .none:
            throw DomainError(
                .unauthenticated, "code_expired", fa: "کد منقضی شده است؛ کد تازه بگیرید.", en: "The code expired; request a new one.",
                field: "code")
        case .tooManyAttempts:
            throw DomainError(
                .unauthenticated, "code_exhausted", fa: "تلاش‌های مجاز برای این کد تمام شد؛ کد تازه بگیرید.",
                en: "Too many tries for this code; request a new one.", field: "code")
        }
    }

    /// Codes are stored hashed with the mobile, so a leaked table does not give working codes.
    static func codeHash(_ code: String, mobile: MobileNumber) -> String {
        SecretHash.sha256("\(mobile.value):\(code)")
    }
}
