import Domain
import Foundation
import SQLKit

/// Integration tokens for agency systems and apps: stored as SHA-256 hashes, scoped to the staff
/// member's scope and optionally to fewer actions, revocable, with their last use recorded.
extension SQLStore {
    public func issueToken(staffID: Int, label: String?, permissions: Set<StaffAction>?, by actor: AuditActor) async throws -> String {
        let token = "smd_" + SecretHash.random()
        let hash = Self.tokenHash(token)
        let created = now().millis
        let encoded = Self.encode(permissions)
        try await client.write { db in
            let id = try await db.raw(
                """
                INSERT INTO api_tokens (staff_id, token_hash, label, created_at, permissions)
                VALUES (\(bind: staffID), \(bind: hash), \(bind: label), \(bind: created), \(bind: encoded))
                RETURNING id
                """
            ).one().int("id")
            try await appendAudit(
                db, .tokenIssued, by: actor, target: AuditTarget(kind: "token", id: id, name: label),
                detail: "staff=\(staffID) permissions=\(encoded)", at: Date(millis: created))
        }
        return token
    }

    public func tokens(staffID: Int?) async throws -> [TokenInfo] {
        try await client.read { db in
            var sql: SQLQueryString = """
                SELECT t.id, t.staff_id, s.username, t.label, t.permissions, t.created_at, t.last_used_at, t.revoked_at
                FROM api_tokens t JOIN staff s ON s.id = t.staff_id WHERE 1 = 1
                """
            if let staffID { sql += " AND t.staff_id = \(bind: staffID)" }
            sql += " ORDER BY t.id"
            return try await db.raw(sql).all().map(Self.tokenInfo(from:))
        }
    }

    public func revokeToken(id: Int, by actor: AuditActor) async throws -> TokenInfo? {
        let at = now().millis
        return try await client.write { db in
            try await db.raw("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, \(bind: at)) WHERE id = \(bind: id)").run()
            let info = try await db.raw(
                """
                SELECT t.id, t.staff_id, s.username, t.label, t.permissions, t.created_at, t.last_used_at, t.revoked_at
                FROM api_tokens t JOIN staff s ON s.id = t.staff_id WHERE t.id = \(bind: id)
                """
            ).first().map(Self.tokenInfo(from:))
            if let info {
                try await appendAudit(
                    db, .tokenRevoked, by: actor, target: AuditTarget(kind: "token", id: id, name: info.label),
                    detail: "staff=\(info.staffID)", at: Date(millis: at))
            }
            return info
        }
    }

    public func tokenPrincipal(_ token: String) async throws -> (Staff, permissions: Set<StaffAction>?)? {
        let hash = Self.tokenHash(token)
        let at = now().millis
        let found = try await client.read { db in
            try await db.raw(
                """
                SELECT s.id, s.username, s.display_name, s.role, s.province_code, s.agency_id, s.active,
                    t.id AS token_id, t.permissions, t.last_used_at
                FROM api_tokens t JOIN staff s ON s.id = t.staff_id
                WHERE t.token_hash = \(bind: hash) AND t.revoked_at IS NULL AND s.active = 1
                """
            ).first().map { row in
                (try Self.staff(from: row), try row.int("token_id"), try row.string("permissions"), try row.optionalInt("last_used_at"))
            }
        }
        guard let (staff, tokenID, permissions, lastUsed) = found else { return nil }
        // Last use is kept to the minute: a write per request would cost more than it tells.
        if (lastUsed ?? 0) < at - 60_000 {
            do {
                try await client.write { db in
                    try await db.raw("UPDATE api_tokens SET last_used_at = \(bind: at) WHERE id = \(bind: tokenID)").run()
                }
            } catch let error as DomainError where error == .databaseUnavailable {
                // Bookkeeping only: a database that cannot write now (disk full) still serves reads.
            }
        }
        return (staff, Self.decode(permissions))
    }

    static func encode(_ permissions: Set<StaffAction>?) -> String {
        permissions.map { $0.map(\.rawValue).sorted().joined(separator: ",") } ?? "*"
    }

    static func decode(_ raw: String) -> Set<StaffAction>? {
        raw == "*" ? nil : Set(raw.split(separator: ",").compactMap { StaffAction(rawValue: String($0)) })
    }

    static func tokenInfo(from row: any SQLRow) throws -> TokenInfo {
        TokenInfo(
            id: try row.int("id"), staffID: try row.int("staff_id"), username: try row.string("username"),
            label: try row.optionalString("label"), permissions: decode(try row.string("permissions")),
            createdAt: try row.date("created_at"), lastUsedAt: try row.optionalDate("last_used_at"),
            revokedAt: try row.optionalDate("revoked_at"))
    }
}
