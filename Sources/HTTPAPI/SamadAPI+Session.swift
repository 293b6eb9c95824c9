import Domain
import Foundation
import HummingbirdBcrypt
import HummingbirdOTP
import NIOPosix
import PersianKit
import Storage

/// Staff sign-in, sign-out and password change, on server-side sessions.
extension SamadAPI {
    /// Sessions last a working day.
    static let sessionLifetime: TimeInterval = 12 * 3600
    /// Five wrong passwords in a row lock the account for fifteen minutes.
    static let maxFailedLogins = 5
    static let lockout: TimeInterval = 15 * 60

    func createSession(_ input: Operations.CreateSession.Input) async throws -> Operations.CreateSession.Output {
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        let username = body.username.trimmingCharacters(in: .whitespaces).lowercased()
        try await limit("login-address", RequestIdentity.current.remoteAddress, RateLimits.loginPerAddress)
        try await limit("login-user", username, RateLimits.loginPerUsername)
        let now = deps.now()
        guard let account = try await auth.credentials(username: username), let hash = account.passwordHash,
            account.staff.active
        else {
            // Spend the same time as a real check, so unknown usernames cannot be told apart.
            _ = await Self.verify(body.password, hash: Self.dummyHash)
            throw Self.invalidCredentials
        }
        if let until = account.lockedUntil, until > now {
            throw DomainError(
                .tooMany, "account_locked", fa: "حساب به دلیل تلاش‌های نادرست پیاپی موقتاً قفل شده است.",
                en: "The account is locked after repeated failed sign-ins.",
                retryAfter: Int(until.timeIntervalSince(now).rounded(.up)))
        }
        guard await Self.verify(body.password, hash: hash) else {
            let lock = account.failedLogins + 1 >= Self.maxFailedLogins ? now.addingTimeInterval(Self.lockout) : nil
            try await auth.recordFailedLogin(staffID: account.staff.id, lockUntil: lock)
            throw Self.invalidCredentials
        }
        if let secret = account.totpSecret {
            guard let code = body.totp.map(PersianDigits.toASCII), Self.totpMatches(code, secret: secret, at: now) else {
                try await auth.recordFailedLogin(staffID: account.staff.id, lockUntil: nil)
                throw DomainError(
                    .unauthenticated, "totp_required", fa: "کد دومرحله‌ای نادرست است یا وارد نشده است.",
                    en: "A valid second-factor code is required.", field: "totp")
            }
        }
        try await auth.recordSuccessfulLogin(staffID: account.staff.id)
        let (cookie, csrf) = try await startSession(kind: .staff, staffID: account.staff.id, mobile: nil)
        RequestIdentity.current.responseCookies.add(cookie)
        return .ok(.init(body: .json(.init(kind: .staff, csrfToken: csrf, staff: .init(account.staff)))))
    }

    func getSession(_ input: Operations.GetSession.Input) async throws -> Operations.GetSession.Output {
        guard let session = try await currentSession() else { throw DomainError.unauthenticated }
        switch try await principal() {
        case .staff(let staff, _):
            return .ok(.init(body: .json(.init(kind: .staff, csrfToken: session.csrfToken, staff: .init(staff)))))
        case .citizen(let mobile):
            return .ok(.init(body: .json(.init(kind: .citizen, csrfToken: session.csrfToken, mobile: mobile.masked))))
        case .anonymous:
            throw DomainError.unauthenticated
        }
    }

    func deleteSession(_ input: Operations.DeleteSession.Input) async throws -> Operations.DeleteSession.Output {
        if let session = try await currentSession() {
            _ = try await principal()  // checks the CSRF token: a foreign page cannot sign people out
            try await auth.deleteSession(idHash: session.idHash)
        }
        RequestIdentity.current.responseCookies.add(SessionCookie.clear(secure: deps.secureCookies))
        return .noContent(.init())
    }

    func changePassword(_ input: Operations.ChangePassword.Input) async throws -> Operations.ChangePassword.Output {
        let staff = try await staff(for: .changePassword)
        guard case .json(let body) = input.body else { throw DomainError.malformedRequest }
        guard let account = try await auth.credentials(username: staff.username), let hash = account.passwordHash,
            await Self.verify(body.currentPassword, hash: hash)
        else { throw Self.invalidCredentials }
        try Self.checkNewPassword(body.newPassword)
        try await auth.setPassword(staffID: staff.id, hash: await Self.hash(body.newPassword, cost: deps.bcryptCost))
        try await auth.deleteSessions(staffID: staff.id)
        RequestIdentity.current.responseCookies.add(SessionCookie.clear(secure: deps.secureCookies))
        return .noContent(.init())
    }

    /// Creates a session and returns its Set-Cookie value and CSRF token.
    func startSession(kind: SessionRecord.Kind, staffID: Int?, mobile: MobileNumber?) async throws -> (String, String) {
        let id = SecretHash.random()
        let csrf = SecretHash.random(bytes: 16)
        let now = deps.now()
        try await auth.createSession(
            SessionRecord(
                idHash: SecretHash.sha256(id), kind: kind, staffID: staffID, citizenMobile: mobile?.value, csrfToken: csrf,
                createdAt: now, expiresAt: now.addingTimeInterval(Self.sessionLifetime)))
        return (SessionCookie.set(id, maxAge: Int(Self.sessionLifetime), secure: deps.secureCookies), csrf)
    }

    static let invalidCredentials = DomainError(
        .unauthenticated, "invalid_credentials", fa: "نام کاربری یا گذرواژه نادرست است.",
        en: "Wrong username or password.")

    public static func checkNewPassword(_ password: String) throws {
        guard password.count >= 10 else {
            throw DomainError(
                .invalid, "weak_password", fa: "گذرواژه باید دست‌کم ۱۰ نویسه باشد.",
                en: "The password must be at least 10 characters.", field: "newPassword")
        }
    }

    /// Bcrypt is slow on purpose; it runs on the thread pool, not on an event loop.
    public static func hash(_ password: String, cost: UInt8) async -> String {
        (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }) ?? Bcrypt.hash(password, cost: cost)
    }

    static func verify(_ password: String, hash: String) async -> Bool {
        (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }) ?? false
    }

    static let dummyHash = Bcrypt.hash("samad-dummy-password", cost: 12)

    /// The current 30-second code, or its neighbours for clocks a little apart.
    static func totpMatches(_ code: String, secret: String, at date: Date) -> Bool {
        guard let value = Int(code) else { return false }
        let totp = TOTP(secret: secret)
        return [-30.0, 0, 30].contains { totp.compute(date: date.addingTimeInterval($0)) == value }
    }
}

extension Components.Schemas.StaffView {
    init(_ s: Staff) {
        self.init(id: s.id, username: s.username, displayName: s.displayName, role: s.role.rawValue, roleLabel: s.role.nameFa, province: s.provinceCode, agencyId: s.agencyID)
    }
}
