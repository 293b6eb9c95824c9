import AppBootstrap
import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Storage

/// A running Samad for one test: fresh database, fixed clock, staff of every role, the dispatcher stepped by hand.
public struct TestApp: Sendable {
    public let samad: Samad
    public let clock: TestClock
    public let fixtures: Fixtures
    public let engine: TestDatabase

    public var store: SQLStore { samad.store }

    /// The last sign-in code sent to `mobile`, read from the SMS the gateway delivered (Persian digits),
    /// after running the dispatcher once (codes wait in the outbox like every SMS).
    public func lastSignInCode(to mobile: String) async throws -> String? {
        try await samad.dispatcher.runOnce()
        guard let sms = SentSMS.read(samad.config.smsLogPath).last(where: { $0.kind == "signInCode" && $0.to == mobile }) else { return nil }
        let digits = sms.text.unicodeScalars.filter { (0x06F0...0x06F9).contains($0.value) }.prefix(6)
        return String(digits.map { Character(UnicodeScalar($0.value - 0x06F0 + 0x30)!) })
    }

    /// The SMS the file gateway has "sent", oldest first, after running the dispatcher once.
    public func deliverSMS() async throws -> [SentSMS] {
        try await samad.dispatcher.runOnce()
        return SentSMS.read(samad.config.smsLogPath)
    }
}

/// Builds the real application (the same `buildApplication` as `samad serve`) on a scratch database.
/// `configure` adjusts the configuration first (e.g. `trustProxy`, to give requests client addresses).
public func withTestApp<T: Sendable>(
    database engine: TestDatabase, configure: @Sendable (inout AppConfig) -> Void = { _ in },
    _ body: @Sendable (TestApp) async throws -> T
) async throws -> T {
    let scratch = try await ScratchDatabase.create(engine)
    let clock = TestClock()
    var config = AppConfig(
        port: 0, dataDir: scratch.dataDir, databaseURL: scratch.databaseURL, databaseSchema: scratch.schema,
        publicURL: "https://samad.test", dispatcherEnabled: false, logLevel: .info)
    config.now = { clock.now }
    config.bcryptCost = 4
    // Many apps run at once in the suite, each on its own schema of one PostgreSQL: a few
    // connections each keep them all under the server's max_connections.
    config.databasePoolSize = 6
    config.logHandler = { label in LogCapture.shared.handler(label: label) }
    configure(&config)
    let samad: Samad
    do {
        samad = try await buildApplication(config: config)
    } catch {
        await scratch.drop()
        throw error
    }
    let app = TestApp(samad: samad, clock: clock, fixtures: try await Fixtures.make(samad.store), engine: engine)
    let result: Result<T, any Error>
    do {
        result = .success(try await body(app))
    } catch {
        result = .failure(error)
    }
    try? await samad.database.shutdown()
    await scratch.drop()
    return try result.get()
}

/// Same, with the HTTP router driven in-process (`.router`), or served on a loopback port (`.live`)
/// for what only a real connection shows: the socket peer's address, chunked request bodies.
public func withTestAPI<T: Sendable>(
    database engine: TestDatabase, mode: TestingSetup = .router, configure: @Sendable (inout AppConfig) -> Void = { _ in },
    _ body: @Sendable (TestApp, APIClient) async throws -> T
) async throws -> T {
    try await withTestApp(database: engine, configure: configure) { app in
        try await app.samad.application.test(mode) { client in
            try await body(app, APIClient(client: client))
        }
    }
}
