import AppBootstrap
import ArgumentParser
import Logging
import ServiceLifecycle

/// `samad worker`: only the SMS dispatcher, for deployments that run it apart from the web servers.
struct Worker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the SMS dispatcher without the HTTP server.")

    func run() async throws {
        let config = try AppConfig.fromEnvironment()
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
}
