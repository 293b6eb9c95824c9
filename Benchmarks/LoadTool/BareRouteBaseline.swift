import Hummingbird
import Logging

/// The HTTP limit of this machine: a Hummingbird server in this process whose one route returns a
/// constant, driven exactly like Samad (same client, same concurrency).
enum BareRouteBaseline {
    /// Serves `GET /hello` on 127.0.0.1:`port` while `body` runs, then stops.
    static func withServer<T: Sendable>(port: Int, client: SamadClient, _ body: @Sendable () async throws -> T) async throws -> T {
        let router = Router()
        router.get("/hello") { _, _ in "ok" }
        var logger = Logger(label: "samad-load.baseline")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "baseline"),
            logger: logger)
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { server.cancel() }
        // Wait until it accepts connections (bounded: 5 s).
        try await waitUntilListening(client)
        let value = try await body()
        server.cancel()
        _ = await server.result
        return value
    }

    private static func waitUntilListening(_ client: SamadClient) async throws {
        for _ in 0..<100 {
            if await client.check(.get, "/hello", expect: 200) == nil { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw LoadToolError("the baseline server did not start at \(client.baseURL)")
    }
}
