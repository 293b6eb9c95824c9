import Domain
import Foundation
import HTTPAPI
import Workflow
import Hummingbird
import Logging
import ServiceLifecycle
import Storage
import Workers

/// A built Samad: the HTTP application plus the parts tests and subcommands reach for.
public struct Samad: Sendable {
    public let application: Application<RouterResponder<SamadRequestContext>>
    public let store: SQLStore
    public let database: any DatabaseClient
    /// The dispatcher; it runs as a service only when `dispatcherEnabled`, otherwise callers step it.
    public let dispatcher: NotificationDispatcher
    /// The retention purge; a service only when `dispatcherEnabled`, otherwise callers step it.
    public let purger: RetentionPurger
    /// The deadline watcher; a service only when `dispatcherEnabled`, otherwise callers step it.
    public let deadlineWatcher: DeadlineWatcher
    public let config: AppConfig
    /// Every route the router serves, as "METHOD /path/:parameter" (the access-matrix tests read it).
    public let routes: [String]
}

/// Builds the one application `samad serve` runs and every test drives.
public func buildApplication(config: AppConfig) async throws -> Samad {
    let logger = config.makeLogger("samad")
    let store = try await openStore(config: config)
    let database = store.client
    let gateway = makeGateway(config)
    let wakeup = OutboxWakeup()
    let background = BackgroundWork(config: config, store: store, gateway: gateway, logger: logger, wakeup: wakeup)
    let router = try await buildRouter(config: config, store: store, wakeup: wakeup)
    var services: [any Service] = [DatabaseService(database: database)]
    if config.dispatcherEnabled { services += background.services }
    let application = Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(config.idleTimeoutSeconds)))),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Samad"),
        services: services,
        logger: logger)
    return Samad(
        application: application, store: store, database: database, dispatcher: background.dispatcher, purger: background.purger,
        deadlineWatcher: background.deadlineWatcher, config: config,
        routes: router.routes.map { "\($0.method) \($0.path)" })
}

/// The long-running work beside HTTP, built in this one place for `samad serve` (unless
/// `SAMAD_DISPATCHER=off`) and `samad worker`: the SMS dispatcher, the retention purge and the
/// deadline watcher; the report scheduler joins them here.
public struct BackgroundWork: Sendable {
    public let dispatcher: NotificationDispatcher
    public let purger: RetentionPurger
    public let deadlineWatcher: DeadlineWatcher

    /// `wakeup` is signalled by this process's sign-in code requests, so the codes go out at once.
    public init(config: AppConfig, store: SQLStore, gateway: any SMSGateway, logger: Logger, wakeup: OutboxWakeup = OutboxWakeup()) {
        dispatcher = NotificationDispatcher(
            outbox: store, gateway: gateway, logger: logger, now: config.now, wakeup: wakeup,
            gaveUp: { _ in OutboxMetrics.countGaveUp() })
        purger = RetentionPurger(
            store: store, policy: config.retention, interval: .seconds(config.purgeIntervalSeconds), logger: logger)
        deadlineWatcher = DeadlineWatcher(
            store: store, interval: .seconds(config.deadlineWatchIntervalSeconds), autoCloseDays: config.autoCloseDays,
            logger: logger)
    }

    public var services: [any Service] { [dispatcher, purger, deadlineWatcher] }
}

/// Opens the configured database, migrates it and makes sure the reference data is there.
public func openStore(config: AppConfig) async throws -> SQLStore {
    let database = try await config.databaseLocation.open(maximumConnections: config.databasePoolSize)
    let store = SQLStore(client: database, trackingLink: config.trackingLink, now: config.now)
    do {
        try await store.seedReferenceData()
    } catch {
        try? await database.shutdown()
        throw error
    }
    return store
}

/// The SMS gateway the configuration names.
public func makeGateway(_ config: AppConfig) -> any SMSGateway {
    if config.smsGateway == "http", let url = config.smsURL {
        return HTTPSMSGateway(url: url, token: config.smsToken)
    }
    return FileSMSGateway(path: config.smsLogPath)
}

/// Closes the database after everything else in the service group has stopped.
struct DatabaseService: Service {
    let database: any DatabaseClient

    func run() async throws {
        try? await gracefulShutdown()
        try await database.shutdown()
    }
}
