import Foundation
import SQLKit
import SQLiteKit

/// Serialises writes on the one SQLite writer connection and commits concurrent ones together.
///
/// Each submitted body runs inside its own SAVEPOINT of a shared transaction, so a failing body rolls
/// back only its own writes; one COMMIT (one fsync) then makes the whole batch durable, and only then
/// is each caller answered. Durability stays `synchronous=FULL`; throughput comes from sharing the fsync.
actor SQLiteWriteQueue {
    private struct Job {
        /// Runs the body; returns how to answer the caller once the batch's fate is known.
        let run: @Sendable (any SQLDatabase) async -> Outcome
        /// Answers the caller with an error without running the body.
        let abort: @Sendable (any Error) -> Void
        /// Runs on its own, outside any shared transaction (the body manages its own).
        var alone = false
    }

    private struct Outcome {
        let failed: Bool
        let succeed: @Sendable () -> Void
        let fail: @Sendable (any Error) -> Void
    }

    private let connection: SQLiteConnection
    private var pending: [Job] = []
    private var draining = false
    /// Upper bound on jobs per transaction, so one batch cannot grow without end.
    private let maxBatch = 512

    init(connection: SQLiteConnection) {
        self.connection = connection
    }

    func submit<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await enqueue(body, alone: false)
    }

    /// Runs `body` between batches, with no transaction around it: for work that must switch
    /// connection settings (a table rebuild turning foreign-key enforcement off), and opens its own.
    func submitAlone<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await enqueue(body, alone: true)
    }

    private func enqueue<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T, alone: Bool) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            pending.append(
                Job(
                    run: { db in
                    do {
                        let value = try await body(db)
                        return Outcome(
                            failed: false, succeed: { continuation.resume(returning: value) },
                            fail: { continuation.resume(throwing: $0) })
                    } catch {
                        return Outcome(
                            failed: true, succeed: { continuation.resume(throwing: error) },
                            fail: { _ in continuation.resume(throwing: error) })
                    }
                    },
                    abort: { continuation.resume(throwing: $0) }, alone: alone))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            if pending[0].alone {
                // Its outcome already carries its own success or failure.
                await pending.removeFirst().run(connection.sql()).succeed()
                continue
            }
            let batch = Array(pending.prefix(maxBatch).prefix { !$0.alone })
            pending.removeFirst(batch.count)
            await run(batch)
        }
        draining = false
    }

    private func run(_ batch: [Job]) async {
        let db = connection.sql()
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(batch.count)
        do {
            try await db.raw("BEGIN IMMEDIATE").run()
        } catch {
            for job in batch { job.abort(error) }
            return
        }
        for job in batch {
            do {
                try await db.raw("SAVEPOINT job").run()
                let outcome = await job.run(db)
                if outcome.failed { try await db.raw("ROLLBACK TO SAVEPOINT job").run() }
                try await db.raw("RELEASE SAVEPOINT job").run()
                outcomes.append(outcome)
            } catch {
                // The savepoint machinery itself failed: the transaction is unusable.
                try? await db.raw("ROLLBACK").run()
                for o in outcomes { o.fail(error) }
                return
            }
        }
        do {
            try await db.raw("COMMIT").run()
        } catch {
            try? await db.raw("ROLLBACK").run()
            for o in outcomes { o.fail(error) }
            return
        }
        for o in outcomes { o.succeed() }
    }
}
