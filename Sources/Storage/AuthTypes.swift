import Domain
import Foundation
import PersianKit

/// A staff account as sign-in sees it.
public struct StaffCredentials: Sendable {
    public var staff: Staff
    public var passwordHash: String?
    public var failedLogins: Int
    public var lockedUntil: Date?
    public var totpSecret: String?
    /// Its password was set by someone else (a first password, an admin's reset): the owner changes it first.
    public var mustChangePassword: Bool = false
}

/// A staff account as an admin lists it: never its password hash or second-factor secret.
public struct StaffAccount: Sendable {
    public var staff: Staff
    public var lockedUntil: Date?
    public var hasSecondFactor: Bool
    public var createdAt: Date
}

/// A server-side session; the cookie carries the id, the database only its hash.
public struct SessionRecord: Sendable {
    public enum Kind: String, Sendable { case staff, citizen }
    public var idHash: String
    public var kind: Kind
    public var staffID: Int?
    public var citizenMobile: String?
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date
    /// Signed in with a password someone else set: only the password change is open to it.
    public var mustChangePassword: Bool

    public init(
        idHash: String, kind: Kind, staffID: Int?, citizenMobile: String?, csrfToken: String, createdAt: Date, expiresAt: Date,
        mustChangePassword: Bool = false
    ) {
        self.mustChangePassword = mustChangePassword
        self.idHash = idHash
        self.kind = kind
        self.staffID = staffID
        self.citizenMobile = citizenMobile
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

public enum OTPResult: Sendable, Equatable {
    case ok, wrong, expired, tooManyAttempts, none
}

/// An integration token as listed: never the token itself.
public struct TokenInfo: Sendable {
    public var id: Int
    public var staffID: Int
    public var username: String
    public var label: String?
    public var permissions: Set<StaffAction>?
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?
}

/// Hashes of secrets (tokens, session ids, one-time codes): only these are stored.
public enum SecretHash {
    public static func sha256(_ secret: String) -> String { SQLStore.tokenHash(secret) }

    /// A random secret of `bytes` bytes, hex-encoded.
    public static func random(bytes: Int = 32) -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
    }
}
