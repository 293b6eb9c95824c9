import Domain
import Foundation
import Storage

/// Staff accounts as an admin (on the admin page) or an operator of the server (`samad staff`)
/// manages them: first passwords and resets are random and shown once, never stored in clear.
extension Gatekeeper {
    /// A readable random password: 16 characters from an unambiguous alphabet.
    public static func randomPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
    }

    /// Creates an account with a random first password; returns both.
    public func createStaffAccount(_ draft: StaffDraft, by actor: AuditActor) async throws -> (Staff, password: String) {
        let staff = try await staffAccounts.createStaff(draft, by: actor)
        let password = Self.randomPassword()
        try await auth.setPassword(staffID: staff.id, hash: await Self.hash(password, cost: bcryptCost), action: .passwordSet, mustChange: true, by: actor)
        return (staff, password)
    }

    /// Sets a new random password, lifts a lock-out and ends the account's sessions; returns the password.
    public func resetPassword(staffID: Int, by actor: AuditActor) async throws -> String {
        let password = Self.randomPassword()
        try await auth.setPassword(staffID: staffID, hash: await Self.hash(password, cost: bcryptCost), action: .passwordReset, mustChange: true, by: actor)
        try await auth.deleteSessions(staffID: staffID)
        return password
    }

    /// A staff member changes their own password: the current one must match; every session of
    /// theirs ends, and the cookie of this one is cleared.
    public func changePassword(_ staff: Staff, current: String, new: String) async throws {
        try InputLimits.check(current, field: "currentPassword", fa: "گذرواژه کنونی", max: InputLimits.maxPassword)
        guard let account = try await auth.credentials(username: staff.username), let hash = account.passwordHash,
            await Self.verify(current, hash: hash)
        else { throw Self.invalidCredentials }
        try Self.checkNewPassword(new)
        try await auth.setPassword(staffID: staff.id, hash: await Self.hash(new, cost: bcryptCost), action: .passwordChanged, mustChange: false, by: .request(staff))
        try await auth.deleteSessions(staffID: staff.id)
        RequestIdentity.current.responseCookies.add(SessionCookie.clear(secure: secureCookies))
    }
}
