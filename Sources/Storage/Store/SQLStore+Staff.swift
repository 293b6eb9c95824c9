import Crypto
import Domain
import Foundation
import SQLKit

extension SQLStore: StaffRepository {
    public func createStaff(_ draft: StaffDraft) async throws -> Staff {
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
            return Staff(
                id: try row!.int("id"), username: draft.username, displayName: draft.displayName, role: draft.role,
                provinceCode: draft.provinceCode, agencyID: draft.agencyID, active: true)
        }
    }

    public func issueToken(staffID: Int, label: String?) async throws -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        var rng = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
        let token = "smd_" + bytes.map { String(format: "%02x", $0) }.joined()
        let hash = Self.tokenHash(token)
        let created = now().millis
        try await client.write { db in
            try await db.raw(
                """
                INSERT INTO api_tokens (staff_id, token_hash, label, created_at)
                VALUES (\(bind: staffID), \(bind: hash), \(bind: label), \(bind: created))
                """
            ).run()
        }
        return token
    }

    public func staff(forToken token: String) async throws -> Staff? {
        let hash = Self.tokenHash(token)
        return try await client.read { db in
            try await db.raw(
                """
                SELECT s.id, s.username, s.display_name, s.role, s.province_code, s.agency_id, s.active
                FROM api_tokens t JOIN staff s ON s.id = t.staff_id
                WHERE t.token_hash = \(bind: hash) AND t.revoked_at IS NULL AND s.active = 1
                """
            ).first().map(Self.staff(from:))
        }
    }

    public func staff(username: String) async throws -> Staff? {
        try await client.read { db in
            try await db.raw(
                """
                SELECT id, username, display_name, role, province_code, agency_id, active
                FROM staff s WHERE username = \(bind: username)
                """
            ).first().map(Self.staff(from:))
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
