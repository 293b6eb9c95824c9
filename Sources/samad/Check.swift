import AppBootstrap
import ArgumentParser
import Foundation
import Storage

/// `samad check`: lists every case for which "no letter stays unanswered" does not hold, and exits
/// non-zero when there is one (for a cron job or a monitoring probe).
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List cases that nobody owns (the invariant check).")

    func run() async throws {
        let config = try AppConfig.fromEnvironment()
        let store = try await openStore(config: config)
        let violations: [InvariantViolation]
        do {
            violations = try await store.invariantViolations()
            try await store.client.shutdown()
        } catch {
            try? await store.client.shutdown()
            throw error
        }
        guard !violations.isEmpty else {
            print("Every open case has an owner.")
            return
        }
        for v in violations { print("\(v.trackingCode)\t\(v.status.rawValue)\t\(v.problem)") }
        print("\(violations.count) case(s) break the invariant.")
        throw ExitCode(2)
    }
}
