import AppBootstrap
import ArgumentParser
import DemoData
import Foundation
import Synchronization

/// `samad generate --cases N [--seed S]`: realistic Persian cases at national scale, for benchmarks.
struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill the configured database with realistic generated cases (for benchmarks and load tests).")

    @Option(help: "How many cases to add.")
    var cases: Int

    @Option(help: "Seed for the text and the choices; the same seed gives the same data.")
    var seed: UInt64 = 1402

    @Option(help: "Cases per batch (the unit of work of one generating task).")
    var batch = 4_000

    func validate() throws {
        guard cases > 0 else { throw ValidationError("--cases must be positive") }
        guard (100...100_000).contains(batch) else { throw ValidationError("--batch must be between 100 and 100000") }
    }

    func run() async throws {
        let config = try AppConfig.fromEnvironment()
        let step = max(batch, cases / 20)
        let reported = Reported()
        let summary = try await CaseGenerator(config: config, batchSize: batch).run(cases: cases, seed: seed) { done, seconds in
            guard reported.shouldReport(done, every: step) else { return }
            sayNow(String(format: "  %d cases, %.1f s, %.0f cases/s", done, seconds, Double(done) / max(seconds, 0.001)))
        }
        sayNow(
            String(
                format: "Generated %d cases (%d rows) in %.1f s: %.0f cases/s, %.0f rows/s", summary.cases, summary.rows,
                summary.seconds, summary.casesPerSecond, summary.rowsPerSecond))
        sayNow("\nStaff logins (API: Authorization: Bearer <token>):")
        for login in summary.logins {
            sayNow("  \(login.staff.username.padding(toLength: 13, withPad: " ", startingAt: 0)) \(login.staff.role.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(login.token)")
        }
    }
}

/// Writes a line straight to standard output, so progress shows as it happens even when piped to a file.
private func sayNow(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Progress lines at most once per `every` cases.
private final class Reported: Sendable {
    private let last = Mutex(0)
    func shouldReport(_ done: Int, every: Int) -> Bool {
        last.withLock { value in
            guard done - value >= every else { return false }
            value = done
            return true
        }
    }
}
