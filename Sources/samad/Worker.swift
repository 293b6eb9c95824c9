import AppBootstrap
import ArgumentParser
import Logging
import Foundation
import ServiceLifecycle
import Storage
import Workers

/// `samad worker`: the SMS dispatcher, the deadline watcher and the retention purge, for deployments
/// that run them apart from the web servers; `--drain` runs the watcher until nothing is due.
struct Worker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the SMS dispatcher, the deadline watcher and the retention purger without the HTTP server.")

    @Flag(help: "Run the deadline watcher until nothing more is due, print what it did and exit (no SMS is sent).")
    var drain = false

    func run() async throws {
        let config = try AppConfig.fromEnvironment()
        if drain { return try await drainDeadlines(config) }
        if let refusal = config.smsGatewayRefusal(demo: false) { throw ValidationError(refusal) }
        if let warning = config.smsFileWarning { print(warning) }
        var logger = Logger(label: "samad.worker")
        logger.logLevel = config.logLevel
        let store = try await openStore(config: config)
        let background = BackgroundWork(config: config, store: store, gateway: makeGateway(config), logger: logger)
        let group = ServiceGroup(
            configuration: .init(services: background.services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        try await store.client.shutdown()
    }

    /// `samad worker --drain`: one watcher, passes until nothing is due, with the rows it touched.
    private func drainDeadlines(_ config: AppConfig) async throws {
        var logger = Logger(label: "samad.worker")
        logger.logLevel = config.logLevel
        let store = try await openStore(config: config)
        let watcher = BackgroundWork(config: config, store: store, gateway: makeGateway(config), logger: logger).deadlineWatcher
        let started = ContinuousClock.now
        let result: (deadlines: DeadlinePass, autoClose: AutoClosePass)
        do { result = try await watcher.drain() } catch {
            try? await store.client.shutdown()
            throw error
        }
        let seconds = (ContinuousClock.now - started) / .milliseconds(1) / 1000
        let d = result.deadlines
        print(
            "deadline watch: read \(d.read), looked \(d.looked), reminded \(d.reminded), level 1 \(d.level1), level 2 \(d.level2), "
                + "skipped \(d.skipped); auto-closed \(result.autoClose.closed); \(String(format: "%.1f", seconds)) s")
        try await store.client.shutdown()
    }
}
