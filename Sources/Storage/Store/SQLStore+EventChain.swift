import Foundation
import SQLKit

/// The hash chain over each case's history (`ChainedCaseEvent`): sealing a history, and walking
/// every history to find rows edited, deleted, inserted or reordered behind the code's back.
extension SQLStore {
    static let chainedEventColumns = """
        id, case_id, seq, prev_hash, hash, province_code, at, kind, actor_kind, actor_id, actor_name, agency_id,
        agency_name, text, rating
        """

    static func chainedEvent(from row: any SQLRow, seq: Int) throws -> ChainedCaseEvent {
        ChainedCaseEvent(
            caseID: try row.int("case_id"), seq: seq, provinceCode: try row.string("province_code"),
            atMillis: try row.int("at"), kind: try row.string("kind"), actorKind: try row.string("actor_kind"),
            actorID: try row.optionalInt("actor_id"), actorName: try row.string("actor_name"),
            agencyID: try row.optionalInt("agency_id"), agencyName: try row.optionalString("agency_name"),
            text: try row.optionalString("text"), rating: try row.optionalInt("rating"))
    }

    /// Chains one case's history anew, in `order` ("id" for a history never chained, "seq" for one
    /// whose fields a documented erasure replaced), and points the case's head at its end. Only the
    /// migration that introduced the chain and a personal-data erasure (which writes the old and new
    /// heads to the audit log) call this.
    @discardableResult
    static func sealHistory(_ db: any SQLDatabase, caseID: Int, order: String) async throws -> (count: Int, head: String?) {
        let rows = try await db.raw(
            """
            SELECT \(unsafeRaw: chainedEventColumns) FROM case_events WHERE case_id = \(bind: caseID)
            ORDER BY \(unsafeRaw: order == "seq" ? "seq, id" : "id")
            """
        ).all()
        var previous: String?
        for (n, row) in rows.enumerated() {
            let hash = try chainedEvent(from: row, seq: n + 1).hash(previous: previous)
            try await db.raw(
                """
                UPDATE case_events SET seq = \(bind: n + 1), prev_hash = \(bind: previous), hash = \(bind: hash)
                WHERE id = \(bind: try row.int("id"))
                """
            ).run()
            previous = hash
        }
        try await db.raw(
            "UPDATE cases SET event_count = \(bind: rows.count), event_head = \(bind: previous) WHERE id = \(bind: caseID)"
        ).run()
        return (rows.count, previous)
    }

    /// Every case's history checked against its hashes and its head, `batch` cases at a time (in
    /// bounded memory, on the read connection).
    public func caseHistoryProblems(batch: Int = 1_000) async throws -> [ChainProblem] {
        var problems: [ChainProblem] = []
        var after = 0
        while true {
            let from = after
            let (ids, found) = try await client.read { db in
                let ids = try await db.raw(
                    "SELECT id FROM cases WHERE id > \(bind: from) ORDER BY id LIMIT \(literal: batch)"
                ).all().map { try $0.int("id") }
                return (ids, ids.isEmpty ? [] : try await caseHistoryProblems(db, caseIDs: ids))
            }
            problems += found
            guard ids.count == batch, let last = ids.last else { return problems }
            after = last
        }
    }

    /// The histories of these cases checked, on `db` (inside a write, it sees that write).
    func caseHistoryProblems(_ db: any SQLDatabase, caseIDs: [Int]) async throws -> [ChainProblem] {
        let cases = try await db.raw(
            "SELECT id, tracking_code, event_count, event_head FROM cases WHERE id IN (\(binds: caseIDs)) ORDER BY id"
        ).all()
        let events = try await db.raw(
            "SELECT \(unsafeRaw: Self.chainedEventColumns) FROM case_events WHERE case_id IN (\(binds: caseIDs))"
        ).all()
        var byCase: [Int: [ChainWalk.Row]] = [:]
        for row in events {
            let seq = try row.optionalInt("seq")
            let previous = try row.optionalString("prev_hash")
            let walkRow = ChainWalk.Row(
                id: try row.int("id"), seq: seq, prevHash: previous, hash: try row.optionalString("hash"),
                recomputed: try Self.chainedEvent(from: row, seq: seq ?? 0).hash(previous: previous))
            byCase[try row.int("case_id"), default: []].append(walkRow)
        }
        var problems: [ChainProblem] = []
        for c in cases {
            var walk = ChainWalk(chain: .caseHistory(trackingCode: try c.string("tracking_code")))
            for row in ChainWalk.inChainOrder(byCase[try c.int("id")] ?? []) { walk.visit(row) }
            walk.finish(headCount: try c.int("event_count"), headHash: try c.optionalString("event_head"))
            problems += walk.problems
        }
        return problems
    }
}
