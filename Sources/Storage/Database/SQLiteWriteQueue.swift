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
        /// The body's own error, when it failed.
        let error: (any Error)?
        var failed: Bool { error != nil }
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
                            error: nil, succeed: { continuation.resume(returning: value) },
                            fail: { continuation.resume(throwing: $0) })
                    } catch {
                        return Outcome(
                            error: error, succeed: { continuation.resume(throwing: error) },
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
        for (index, job) in batch.enumerated() {
            var outcome: Outcome?
            do {
                try await db.raw("SAVEPOINT job").run()
                outcome = await job.run(db)
                if outcome?.failed == true { try await db.raw("ROLLBACK TO SAVEPOINT job").run() }
                try await db.raw("RELEASE SAVEPOINT job").run()
                outcomes.append(outcome!)
            } catch {
                // The savepoint machinery itself failed: the transaction is unusable. SQLite may already
                // have rolled it back on its own (it does on SQLITE_FULL and I/O errors, and then the
                // savepoint is gone), so the job's own error is the cause every caller is told.
                let cause = outcome?.error ?? error
                try? await db.raw("ROLLBACK").run()
                for o in outcomes { o.fail(cause) }
                outcome?.fail(cause)
                for waiting in batch.dropFirst(index + (outcome == nil ? 0 : 1)) { waiting.abort(cause) }
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
