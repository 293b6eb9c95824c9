import Crypto
import Domain
import Foundation
import SQLKit

extension SQLStore: StaffRepository {
    public func createStaff(_ input: StaffDraft, by actor: AuditActor) async throws -> Staff {
        var normalised = input
        // Usernames are matched case-insensitively at sign-in.
        normalised.username = input.username.trimmingCharacters(in: .whitespaces).lowercased()
        let draft = normalised
        guard !draft.username.isEmpty, draft.username.count <= 64 else { throw DomainError.required("username", fa: "نام کاربری") }
        let created = now().millis
        return try await client.write { db in
            if try await db.raw("SELECT id FROM staff WHERE username = \(bind: draft.username)").first() != nil {
                throw DomainError(
                    .conflict, "username_taken", fa: "این نام کاربری پیش‌تر ثبت شده است.",
                    en: "This username is already taken.", field: "username")
            }
            if let province = draft.provinceCode,
                try await db.raw("SELECT code FROM provinces WHERE code = \(bind: province)").first() == nil
            {
                throw DomainError.unknown("province", fa: "استان")
            }
            if draft.role == .liaison, draft.agencyID == nil {
                throw DomainError.required("agency", fa: "دستگاه رابط")
            }
            if let agency = draft.agencyID,
                try await db.raw("SELECT id FROM agencies WHERE id = \(bind: agency)").first() == nil
            {
                throw DomainError.unknown("agency", fa: "دستگاه")
            }
            let row = try await db.raw(
                """
                INSERT INTO staff (username, display_name, role, province_code, agency_id, active, created_at)
                VALUES (\(bind: draft.username), \(bind: draft.displayName), \(bind: draft.role.rawValue),
                    \(bind: draft.provinceCode), \(bind: draft.agencyID), 1, \(bind: created))
                RETURNING id
                """
            ).first()
            let staff = Staff(
                id: try row!.int("id"), username: draft.username, displayName: draft.displayName, role: draft.role,
                provinceCode: draft.provinceCode, agencyID: draft.agencyID, active: true)
            try await appendAudit(
                db, .staffCreated, by: actor, target: .staff(id: staff.id, username: staff.username),
                detail: "role=\(draft.role.rawValue) province=\(draft.provinceCode ?? "-") agency=\(draft.agencyID.map(String.init) ?? "-")",
                at: Date(millis: created))
            return staff
        }
    }

    public func issueToken(staffID: Int, label: String?, by actor: AuditActor) async throws -> String {
        try await issueToken(staffID: staffID, label: label, permissions: nil, by: actor)
    }

    public func staff(username: String) async throws -> Staff? {
        let username = username.lowercased()
        return try await client.read { db in
            try await db.raw(
                """
                SELECT id, username, display_name, role, province_code, agency_id, active
                FROM staff s WHERE username = \(bind: username)
                """
            ).first().map(Self.staff(from:))
        }
    }

    public func staff(id: Int) async throws -> Staff? {
        try await client.read { db in
            try await db.raw(
                "SELECT id, username, display_name, role, province_code, agency_id, active FROM staff WHERE id = \(bind: id)"
            ).first().map(Self.staff(from:))
        }
    }

    public func staffAccounts(province: String?) async throws -> [StaffAccount] {
        try await client.read { db in
            var sql: SQLQueryString = """
                SELECT id, username, display_name, role, province_code, agency_id, active, locked_until, totp_secret, created_at
                FROM staff
                """
            if let province { sql += " WHERE province_code = \(bind: province)" }
            sql += " ORDER BY username"
            return try await db.raw(sql).all().map { row in
                StaffAccount(
                    staff: try Self.staff(from: row), lockedUntil: try row.optionalDate("locked_until"),
                    hasSecondFactor: try row.optionalString("totp_secret") != nil, createdAt: try row.date("created_at"))
            }
        }
    }

    static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func staff(from row: any SQLRow) throws -> Staff {
        Staff(
            id: try row.int("id"), username: try row.string("username"), displayName: try row.string("display_name"),
            role: try row.enumValue("role", as: StaffRole.self), provinceCode: try row.optionalString("province_code"),
            agencyID: try row.optionalInt("agency_id"), active: try row.bool("active"))
    }
}
