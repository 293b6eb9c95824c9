import Foundation
import SQLKit

/// The audit log: one hash chain over every audited action. Rows are written by the repository
/// method that makes the change, in its transaction; never a password, code or token.
extension SQLStore {
    /// Appends one row, chained to the head in `audit_head` (locked for the rest of the
    /// transaction on PostgreSQL: concurrent writers take turns, so the chain cannot fork).
    func appendAudit(
        _ db: any SQLDatabase, _ action: AuditAction, by actor: AuditActor, target: AuditTarget? = nil, detail: String? = nil,
        at: Date
    ) async throws {
        let head = try await db.raw("SELECT entry_count, head FROM audit_head WHERE id = 1\(unsafeRaw: engine.forUpdate)").one()
        let seq = try head.int("entry_count") + 1
        let previous = try head.optionalString("head")
        let hash = Self.auditHash(
            seq: seq, at: at.millis, actor: actor, action: action.rawValue, target: target, detail: detail, previous: previous)
        try await db.raw(
            """
            INSERT INTO audit_log (seq, at, actor_kind, actor_id, actor_name, client_address, action, target_kind, target_id,
                target_name, detail, prev_hash, hash)
            VALUES (\(bind: seq), \(bind: at.millis), \(bind: actor.kind), \(bind: actor.id), \(bind: actor.name),
                \(bind: actor.address), \(bind: action.rawValue), \(bind: target?.kind), \(bind: target?.id), \(bind: target?.name),
                \(bind: detail), \(bind: previous), \(bind: hash))
            """
        ).run()
        try await db.raw("UPDATE audit_head SET entry_count = \(bind: seq), head = \(bind: hash) WHERE id = 1").run()
    }

    /// Records an action that changes nothing else (a sign-in refused for an unknown username).
    public func recordAudit(_ action: AuditAction, by actor: AuditActor, target: AuditTarget? = nil, detail: String? = nil) async throws {
        let at = now()
        try await client.write { db in try await appendAudit(db, action, by: actor, target: target, detail: detail, at: at) }
    }

    /// The newest rows first.
    public func auditLog(limit: Int = 100) async throws -> [AuditRecord] {
        try await client.read { db in
            try await db.raw(
                """
                SELECT id, at, actor_kind, actor_id, actor_name, client_address, action, target_kind, target_id, target_name, detail
                FROM audit_log ORDER BY seq DESC LIMIT \(literal: limit)
                """
            ).all().map { row in
                let targetKind = try row.optionalString("target_kind")
                return AuditRecord(
                    id: try row.int("id"), at: try row.date("at"),
                    actor: AuditActor(
                        kind: try row.string("actor_kind"), id: try row.optionalInt("actor_id"), name: try row.string("actor_name"),
                        address: try row.optionalString("client_address")),
                    action: try row.enumValue("action", as: AuditAction.self),
                    target: try targetKind.map {
                        AuditTarget(kind: $0, id: try row.optionalInt("target_id"), name: try row.optionalString("target_name"))
                    },
                    detail: try row.optionalString("detail"))
            }
        }
    }

    /// The audit log checked against its hashes and its head, `batch` rows at a time.
    public func auditLogProblems(batch: Int = 10_000) async throws -> [ChainProblem] {
        var walk = ChainWalk(chain: .auditLog)
        var after = 0
        while true {
            let from = after
            let rows = try await client.read { db in
                try await db.raw(
                    """
                    SELECT id, seq, at, actor_kind, actor_id, actor_name, client_address, action, target_kind, target_id,
                        target_name, detail, prev_hash, hash
                    FROM audit_log WHERE seq > \(bind: from) ORDER BY seq LIMIT \(literal: batch)
                    """
                ).all()
            }
            for row in rows {
                let seq = try row.int("seq")
                let targetKind = try row.optionalString("target_kind")
                let target = try targetKind.map {
                    AuditTarget(kind: $0, id: try row.optionalInt("target_id"), name: try row.optionalString("target_name"))
                }
                let actor = AuditActor(
                    kind: try row.string("actor_kind"), id: try row.optionalInt("actor_id"), name: try row.string("actor_name"),
                    address: try row.optionalString("client_address"))
                let previous = try row.optionalString("prev_hash")
                walk.visit(
                    .init(
                        id: try row.int("id"), seq: seq, prevHash: previous, hash: try row.string("hash"),
                        recomputed: Self.auditHash(
                            seq: seq, at: try row.int("at"), actor: actor, action: try row.string("action"), target: target,
                            detail: try row.optionalString("detail"), previous: previous)))
            }
            guard rows.count == batch, let last = rows.last else { break }
            after = try last.int("seq")
        }
        let head = try await client.read { db in
            try await db.raw("SELECT entry_count, head FROM audit_head WHERE id = 1").first()
        }
        walk.finish(headCount: try head?.int("entry_count") ?? 0, headHash: try head?.optionalString("head"))
        return walk.problems
    }

    static func auditHash(
        seq: Int, at: Int, actor: AuditActor, action: String, target: AuditTarget?, detail: String?, previous: String?
    ) -> String {
        var h = ChainHash("audit_log/1")
        h.int(seq)
        h.int(at)
        h.text(actor.kind)
        h.int(actor.id)
        h.text(actor.name)
        h.text(actor.address)
        h.text(action)
        h.text(target?.kind)
        h.int(target?.id)
        h.text(target?.name)
        h.text(detail)
        return h.seal(previous: previous)
    }
}
