import AppBootstrap
import ArgumentParser
import Storage

/// `samad audit`: the tamper-evident records.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the tamper-evident records (case histories and the audit log).", subcommands: [Verify.self])

    /// `samad audit verify`: walks every case's history chain and the audit log's chain, lists every
    /// row edited, deleted, inserted or reordered behind the code's back, and exits 2 when it finds one.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List rows of the case histories and the audit log that do not match their hash chain.")

        func run() async throws {
            let config = try AppConfig.fromEnvironment()
            let store = try await openStore(config: config)
            let problems: [ChainProblem]
            do {
                problems = try await store.chainProblems()
                try await store.client.shutdown()
            } catch {
                try? await store.client.shutdown()
                throw error
            }
            guard !problems.isEmpty else {
                print("Every case history and the audit log match their hash chains.")
                return
            }
            for p in problems { print(p) }
            print("\(problems.count) problem(s) found.")
            throw ExitCode(2)
        }
    }
}
