import Domain
import Foundation
import HummingbirdBcrypt
import HummingbirdOTP
import NIOPosix
import PersianKit
import Storage

/// Who is asking: sign-in, sessions, CSRF and rate limits, shared by the JSON API and the pages so
/// both decide the same way.
public struct Gatekeeper: Sendable {
    let auth: any AuthRepository
    let staffAccounts: any StaffRepository
    let limiter: RateLimiter
    public let now: @Sendable () -> Date
    /// Cookies get `Secure` when Samad is served over TLS.
    public let secureCookies: Bool
    let bcryptCost: UInt8
    /// Sends a citizen's sign-in code by SMS (the app puts it in the outbox, ahead of other messages).
    let sendCode: @Sendable (_ challengeID: Int, _ mobile: MobileNumber, _ text: String) async throws -> Void

    /// Sessions last a working day.
    public static let sessionLifetime: TimeInterval = 12 * 3600
    /// Fifty wrong passwords in a row, from any addresses, lock the account for fifteen minutes: a
    /// ceiling against guessing spread over many addresses. Each address has its own, much lower
    /// limit first (`RateLimits.loginFailuresPerUserAddress`), so one stranger cannot lock anyone out.
    static let maxFailedLogins = 50
    static let lockout: TimeInterval = 15 * 60

    public init(
        auth: any AuthRepository, staff: any StaffRepository, rateLimits: RateLimiter.Backend = .memory, secureCookies: Bool,
        bcryptCost: UInt8, now: @escaping @Sendable () -> Date,
        sendCode: @escaping @Sendable (_ challengeID: Int, _ mobile: MobileNumber, _ text: String) async throws -> Void
    ) {
        self.sendCode = sendCode
        self.auth = auth
        self.staffAccounts = staff
        self.limiter = RateLimiter(rateLimits)
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.now = now
    }

    /// Whoever the request's credentials name.
    public enum Principal: Sendable {
        case staff(Staff, permissions: Set<StaffAction>?)
        case citizen(MobileNumber)
        case anonymous
    }

    /// Counts a hit against a rate-limit rule for `key`.
    public func limit(_ bucket: String, _ key: String, _ rule: RateLimiter.Rule) async throws {
        try await limiter.hit("\(bucket):\(key)", rule, now: now())
    }

    /// Checks a staff member's password (and second factor), with rate limits and lock-out; on
    /// success starts a session whose cookie is set on the response. Returns the staff member and
    /// the session's CSRF token.
    ///
    /// Failures are counted per username *and* address: five from one address make that address
    /// wait, while the account's owner elsewhere still signs in. Fifty in a row from anywhere lock
    /// the account itself (until it passes or an admin resets the password).
    public func signIn(username rawUsername: String, password: String, totp: String?) async throws -> (Staff, csrf: String) {
        // Sizes first: an oversized field costs a length check, never a hash, a query or a counter key.
        try InputLimits.check(rawUsername, field: "username", fa: "نام کاربری", max: InputLimits.maxUsername)
        try InputLimits.check(password, field: "password", fa: "گذرواژه", max: InputLimits.maxPassword)
        if let totp { try InputLimits.check(totp, field: "totp", fa: "کد دومرحله‌ای", max: InputLimits.maxSecret) }
        let username = rawUsername.trimmingCharacters(in: .whitespaces).lowercased()
        let address = RequestIdentity.current.remoteAddress
        try await limit("login-address", address, RateLimits.loginPerAddress)
        let failures = "login-failures:\(username)|\(address)"
        let now = now()
        if let wait = try await limiter.waitTime(failures, RateLimits.loginFailuresPerUserAddress, now: now) {
            throw Self.signInThrottled(retryAfter: wait)
        }
        guard let account = try await auth.credentials(username: username), let hash = account.passwordHash,
            account.staff.active
        else {
            // Spend the same time as a real check, so unknown usernames cannot be told apart.
            _ = await Self.verify(password, hash: Self.dummyHash)
            try await limiter.record(failures, RateLimits.loginFailuresPerUserAddress, now: now)
            // The username typed is not kept: people type their password there by mistake.
            try await auth.recordAudit(.signInFailed, by: .anonymousRequest, target: nil, detail: "unknown or disabled account")
            throw Self.invalidCredentials
        }
        if let until = account.lockedUntil, until > now {
            throw DomainError(
                .tooMany, "account_locked", fa: "حساب به دلیل تلاش‌های نادرست پیاپی موقتاً قفل شده است.",
                en: "The account is locked after repeated failed sign-ins.",
                retryAfter: Int(until.timeIntervalSince(now).rounded(.up)))
        }
        guard await Self.verify(password, hash: hash) else {
            try await recordFailure(account, key: failures, now: now)
            throw Self.invalidCredentials
        }
        if let secret = account.totpSecret {
            guard let code = totp.map(PersianDigits.toASCII), Self.totpMatches(code, secret: secret, at: now) else {
                try await recordFailure(account, key: failures, now: now)
                throw DomainError(
                    .unauthenticated, "totp_required", fa: "کد دومرحله‌ای نادرست است یا وارد نشده است.",
                    en: "A valid second-factor code is required.", field: "totp")
            }
        }
        try await auth.recordSuccessfulLogin(staffID: account.staff.id, by: .request(account.staff))
        let csrf = try await startSession(
            kind: .staff, staffID: account.staff.id, mobile: nil, mustChangePassword: account.mustChangePassword)
        return (account.staff, csrf)
    }

    /// Counts a failed sign-in for this username and address, and towards the account's lock.
    private func recordFailure(_ account: StaffCredentials, key: String, now: Date) async throws {
        try await limiter.record(key, RateLimits.loginFailuresPerUserAddress, now: now)
        let lock = account.failedLogins + 1 >= Self.maxFailedLogins ? now.addingTimeInterval(Self.lockout) : nil
        try await auth.recordFailedLogin(staffID: account.staff.id, lockUntil: lock, by: .anonymousRequest)
    }

    static func signInThrottled(retryAfter: Int) -> DomainError {
        DomainError(
            .tooMany, "sign_in_throttled",
            fa: "ورود به این حساب از این نشانی به دلیل تلاش‌های نادرست پیاپی موقتاً بسته است؛ \(JalaliFormat.number((retryAfter + 59) / 60)) دقیقه دیگر دوباره تلاش کنید.",
            en: "Too many failed sign-ins to this account from this address; try again in \((retryAfter + 59) / 60) minutes.",
            retryAfter: retryAfter)
    }

    /// Creates a session, sets its cookie on the response, and returns its CSRF token.
    public func startSession(
        kind: SessionRecord.Kind, staffID: Int?, mobile: MobileNumber?, mustChangePassword: Bool = false
    ) async throws -> String {
        let id = SecretHash.random()
        let csrf = SecretHash.random(bytes: 16)
        let now = now()
        try await auth.createSession(
            SessionRecord(
                idHash: SecretHash.sha256(id), kind: kind, staffID: staffID, citizenMobile: mobile?.value, csrfToken: csrf,
                createdAt: now, expiresAt: now.addingTimeInterval(Self.sessionLifetime), mustChangePassword: mustChangePassword))
        RequestIdentity.current.responseCookies.add(SessionCookie.set(id, maxAge: Int(Self.sessionLifetime), secure: secureCookies))
        return csrf
    }

    /// Ends the request's session, if any, and clears the cookie.
    public func signOut() async throws {
        if let session = try await currentSession() { try await auth.deleteSession(idHash: session.idHash) }
        RequestIdentity.current.responseCookies.add(SessionCookie.clear(secure: secureCookies))
    }

    /// The live session the cookie names, if any.
    public func currentSession() async throws -> SessionRecord? {
        guard let id = RequestIdentity.current.sessionID, id.utf8.count <= InputLimits.maxSecret else { return nil }
        return try await auth.session(idHash: SecretHash.sha256(id))
    }

    /// Resolves the bearer token or the session cookie. A write made with the cookie must carry the
    /// session's CSRF token (`csrf`, from a form field or the X-CSRF-Token header); an unknown or
    /// expired cookie counts as no credentials.
    public func principal(csrf formToken: String? = nil) async throws -> Principal {
        let identity = RequestIdentity.current
        if let token = identity.bearerToken {
            // A token and a session cookie together are refused: the pages would run as the
            // token's account with the cookie's session, and the token's limits would be lost.
            guard identity.sessionID == nil else { throw Self.ambiguousCredentials }
            guard token.utf8.count <= InputLimits.maxSecret, let (staff, permissions) = try await auth.tokenPrincipal(token)
            else { throw DomainError.unauthenticated }
            return .staff(staff, permissions: permissions)
        }
        guard let session = try await currentSession() else { return .anonymous }
        if identity.isWrite, (formToken ?? identity.csrfToken) != session.csrfToken {
            throw Self.csrfInvalid
        }
        switch session.kind {
        case .staff:
            guard let id = session.staffID, let staff = try await staffAccounts.staff(id: id), staff.active else {
                return .anonymous
            }
            return .staff(staff, permissions: nil)
        case .citizen:
            guard let raw = session.citizenMobile, let mobile = try? MobileNumber(parsing: raw) else { return .anonymous }
            return .citizen(mobile)
        }
    }

    public static let csrfInvalid = DomainError(
        .forbidden, "csrf_invalid", fa: "برگه منقضی شده است؛ صفحه را دوباره بارگیری کنید.",
        en: "Missing or wrong CSRF token.")

    public static let ambiguousCredentials = DomainError(
        .invalid, "ambiguous_credentials", fa: "درخواست باید یا توکن داشته باشد یا نشست ورود، نه هر دو.",
        en: "Send either a bearer token or the session cookie, not both.")

    public static let invalidCredentials = DomainError(
        .unauthenticated, "invalid_credentials", fa: "نام کاربری یا گذرواژه نادرست است.",
        en: "Wrong username or password.")

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

    public static func checkNewPassword(_ password: String) throws {
        try InputLimits.check(password, field: "newPassword", fa: "گذرواژه تازه", max: InputLimits.maxPassword)
        guard password.count >= 10 else {
            throw DomainError(
                .invalid, "weak_password", fa: "گذرواژه باید دست‌کم ۱۰ نویسه باشد.",
                en: "The password must be at least 10 characters.", field: "newPassword")
        }
    }
}
