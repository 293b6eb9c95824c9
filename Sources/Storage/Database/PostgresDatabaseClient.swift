import Foundation
import Logging
import PostgresKit
import SQLKit

/// PostgreSQL through a pooled `PostgresClient`; each write is one transaction on one leased connection.
final class PostgresDatabaseClient: DatabaseClient {
    let engine = DatabaseEngine.postgres
    private let client: PostgresClient
    private let runner: Task<Void, Never>

    /// - Parameters:
    ///   - url: `postgres://user:password@host:port/database[?sslmode=require]`
    ///   - schema: when set, every connection's search_path (tests isolate themselves this way).
    init(url: String, schema: String?, maximumConnections: Int = 20) throws {
        let core = try SQLPostgresConfiguration(url: url).coreConfiguration
        let tls: PostgresClient.Configuration.TLS =
            switch (core.tls.isEnforced, core.tls.isAllowed) {
            case (true, _): .require(core.tls.sslContext?.configuration ?? .makeClientConfiguration())
            case (_, true): .prefer(core.tls.sslContext?.configuration ?? .makeClientConfiguration())
            default: .disable
            }
        guard let host = core.host else {
            throw DatabaseConfigurationError(message: "DATABASE_URL needs a host")
        }
        var config = PostgresClient.Configuration(
            host: host, port: core.port ?? 5432, username: core.username, password: core.password,
            database: core.database, tls: tls)
        config.options.maximumConnections = maximumConnections
        if let schema { config.options.additionalStartupParameters = [("search_path", schema)] }
        let client = PostgresClient(configuration: config)
        self.client = client
        self.runner = Task { await client.run() }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { conn in
            try await body(conn.sql(queryLogLevel: nil))
        }
    }

    /// PostgreSQL alters tables in place: an ordinary transaction.
    func writeRebuildingTables<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await write(body)
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { conn in
            let db = conn.sql(queryLogLevel: nil)
            try await db.raw("BEGIN").run()
            do {
                let value = try await body(db)
                try await db.raw("COMMIT").run()
                return value
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    func shutdown() async throws {
        runner.cancel()
        _ = await runner.value
    }
}

/// A configuration value that cannot work; raised at start-up.
public struct DatabaseConfigurationError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
