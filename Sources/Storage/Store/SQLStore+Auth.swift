import Domain
import Foundation
import PersianKit
import SQLKit

extension SQLStore: AuthRepository {
    public func credentials(username: String) async throws -> StaffCredentials? {
        try await client.read { db in
            try await db.raw(
                """
                SELECT id, username, display_name, role, province_code, agency_id, active, password_hash, failed_logins,
                    locked_until, totp_secret, must_change_password
                FROM staff WHERE username = \(bind: username)
                """
            ).first().map { row in
                StaffCredentials(
                    staff: try Self.staff(from: row), passwordHash: try row.optionalString("password_hash"),
                    failedLogins: try row.int("failed_logins"), lockedUntil: try row.optionalDate("locked_until"),
                    totpSecret: try row.optionalString("totp_secret"), mustChangePassword: try row.bool("must_change_password"))
            }
        }
    }

    public func setPassword(staffID: Int, hash: String, action: AuditAction, mustChange: Bool, by actor: AuditActor) async throws {
        let at = now()
        try await client.write { db in
            let row = try await db.raw(
                """
                UPDATE staff SET password_hash = \(bind: hash), failed_logins = 0, locked_until = NULL,
                    must_change_password = \(bind: mustChange ? 1 : 0)
                WHERE id = \(bind: staffID)
                RETURNING username
                """
            ).first()
            guard let row else { throw DomainError.notFound("staff", fa: "کاربر") }
            try await appendAudit(db, action, by: actor, target: .staff(id: staffID, username: try row.string("username")), at: at)
        }
    }

    public func recordFailedLogin(staffID: Int, lockUntil: Date?, by actor: AuditActor) async throws {
        let at = now()
        try await client.write { db in
            try await db.raw(
                """
                UPDATE staff SET failed_logins = failed_logins + 1,
                    locked_until = COALESCE(\(bind: lockUntil?.millis), locked_until)
                WHERE id = \(bind: staffID)
                """
            ).run()
            try await appendAudit(
                db, .signInFailed, by: actor, target: .staff(id: staffID, username: nil),
                detail: lockUntil == nil ? nil : "account locked", at: at)
        }
    }

    public func recordSuccessfulLogin(staffID: Int, by actor: AuditActor) async throws {
        let at = now()
        try await client.write { db in
            try await db.raw("UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = \(bind: staffID)").run()
            try await appendAudit(db, .signedIn, by: actor, target: .staff(id: staffID, username: nil), at: at)
        }
    }

    public func setActive(username: String, active: Bool, by actor: AuditActor) async throws -> Staff {
        let at = now()
        return try await client.write { db in
            guard
                let row = try await db.raw(
                    """
                    UPDATE staff SET active = \(bind: active ? 1 : 0) WHERE username = \(bind: username)
                    RETURNING id, username, display_name, role, province_code, agency_id, active
                    """
                ).first()
            else { throw DomainError.notFound("staff", fa: "کاربر") }
            let staff = try Self.staff(from: row)
            // A disabled account loses its sessions at once.
            if !active { try await db.raw("DELETE FROM sessions WHERE staff_id = \(bind: staff.id)").run() }
            try await appendAudit(
                db, active ? .staffActivated : .staffDeactivated, by: actor, target: .staff(id: staff.id, username: staff.username),
                at: at)
            return staff
        }
    }

    public func setTOTPSecret(staffID: Int, secret: String?, by actor: AuditActor) async throws {
        let at = now()
        try await client.write { db in
            try await db.raw("UPDATE staff SET totp_secret = \(bind: secret) WHERE id = \(bind: staffID)").run()
            try await appendAudit(
                db, secret == nil ? .secondFactorRemoved : .secondFactorSet, by: actor, target: .staff(id: staffID, username: nil),
                at: at)
        }
    }

    public func createSession(_ s: SessionRecord) async throws {
        try await client.write { db in
            try await db.raw(
                """
                INSERT INTO sessions (id_hash, kind, staff_id, citizen_mobile, csrf_token, created_at, expires_at, last_seen_at,
                    must_change_password)
                VALUES (\(bind: s.idHash), \(bind: s.kind.rawValue), \(bind: s.staffID), \(bind: s.citizenMobile),
                    \(bind: s.csrfToken), \(bind: s.createdAt.millis), \(bind: s.expiresAt.millis), \(bind: s.createdAt.millis),
                    \(bind: s.mustChangePassword ? 1 : 0))
                """
            ).run()
        }
    }

    public func session(idHash: String) async throws -> SessionRecord? {
        let at = now().millis
        return try await client.read { db in
            try await db.raw(
                """
                SELECT id_hash, kind, staff_id, citizen_mobile, csrf_token, created_at, expires_at, must_change_password FROM sessions
                WHERE id_hash = \(bind: idHash) AND expires_at > \(bind: at)
                """
            ).first().map { row in
                SessionRecord(
                    idHash: try row.string("id_hash"), kind: try row.enumValue("kind", as: SessionRecord.Kind.self),
                    staffID: try row.optionalInt("staff_id"), citizenMobile: try row.optionalString("citizen_mobile"),
                    csrfToken: try row.string("csrf_token"), createdAt: try row.date("created_at"),
                    expiresAt: try row.date("expires_at"), mustChangePassword: try row.bool("must_change_password"))
            }
        }
    }

    public func deleteSession(idHash: String) async throws {
        try await client.write { db in try await db.raw("DELETE FROM sessions WHERE id_hash = \(bind: idHash)").run() }
    }

    public func deleteSessions(staffID: Int) async throws {
        try await client.write { db in try await db.raw("DELETE FROM sessions WHERE staff_id = \(bind: staffID)").run() }
    }

    public func createOTP(mobile: MobileNumber, codeHash: String, expiresAt: Date) async throws -> Int {
        let at = now().millis
        return try await client.write { db in
            // A new code leaves the older ones alive: someone else asking for codes to this mobile
            // cannot cancel the code its owner is typing. Wrong tries count per mobile (`verifyOTP`).
            try await db.raw(
                """
                INSERT INTO otp_challenges (mobile, code_hash, created_at, expires_at, attempts, used)
                VALUES (\(bind: mobile.value), \(bind: codeHash), \(bind: at), \(bind: expiresAt.millis), 0, 0) RETURNING id
                """
            ).one().int("id")
        }
    }

    public func otpCount(mobile: MobileNumber, since: Date) async throws -> Int {
        try await client.read { db in
            try await db.raw(
                "SELECT COUNT(*) AS n FROM otp_challenges WHERE mobile = \(bind: mobile.value) AND created_at >= \(bind: since.millis)"
            ).one().int("n")
        }
    }

    /// Checks a code against every live code of this mobile. Wrong tries are counted per mobile over
    /// the codes of the last `window`, so asking for more codes buys no more guesses: after
    /// `maxAttempts` wrong ones nothing signs in until the window has passed.
    public func verifyOTP(
        mobile: MobileNumber, codeHash: String, maxAttempts: Int, window: TimeInterval, by actor: AuditActor
    ) async throws -> OTPResult {
        let now = now()
        let at = now.millis
        let since = at - Int(window * 1000)
        return try await client.write { db in
            let rows = try await db.raw(
                """
                SELECT id, code_hash, expires_at, attempts, used FROM otp_challenges
                WHERE mobile = \(bind: mobile.value) AND created_at > \(bind: since) ORDER BY id DESC\(unsafeRaw: engine.forUpdate)
                """
            ).all()
            let wrongTries = try rows.reduce(0) { $0 + (try $1.int("attempts")) }
            if wrongTries >= maxAttempts { return .tooManyAttempts }
            let unused = try rows.filter { try $0.int("used") == 0 }
            guard !unused.isEmpty else { return .none }
            let live = try unused.filter { try $0.int("expires_at") > at }
            guard let newest = live.first else { return .expired }
            if let match = try live.first(where: { try $0.string("code_hash") == codeHash }) {
                // A used code never works again.
                try await db.raw("UPDATE otp_challenges SET used = 1 WHERE id = \(bind: try match.int("id"))").run()
                try await appendAudit(
                    db, .citizenSignedIn, by: actor, target: AuditTarget(kind: "mobile", id: nil, name: mobile.masked), at: now)
                return .ok
            }
            try await db.raw("UPDATE otp_challenges SET attempts = attempts + 1 WHERE id = \(bind: try newest.int("id"))").run()
            return .wrong
        }
    }
}
