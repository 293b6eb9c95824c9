import Foundation
import Storage

/// The engines every storage and API test runs on: SQLite always, PostgreSQL when
/// `SAMAD_TEST_POSTGRES_URL` is set (CI sets it after starting a throwaway cluster).
public enum TestDatabase: Sendable, CustomStringConvertible {
    case sqlite
    case postgres(url: String)

    public static var all: [TestDatabase] {
        var engines: [TestDatabase] = [.sqlite]
        if let url = ProcessInfo.processInfo.environment["SAMAD_TEST_POSTGRES_URL"], !url.isEmpty {
            engines.append(.postgres(url: url))
        }
        return engines
    }

    public var description: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        }
    }
}

/// A fresh, empty database for one test: a temporary SQLite directory, or a new PostgreSQL schema.
public struct ScratchDatabase: Sendable {
    public let dataDir: String
    public let databaseURL: String?
    public let schema: String?

    public static func create(_ engine: TestDatabase) async throws -> ScratchDatabase {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("samad-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        switch engine {
        case .sqlite:
            return ScratchDatabase(dataDir: dir, databaseURL: nil, schema: nil)
        case .postgres(let url):
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let admin = try await DatabaseLocation.postgres(url: url, schema: nil).open(migrate: false)
            try await admin.write { db in try await db.raw("CREATE SCHEMA \(unsafeRaw: String(schema))").run() }
            try await admin.shutdown()
            return ScratchDatabase(dataDir: dir, databaseURL: url, schema: String(schema))
        }
    }

    /// Removes what `create` made.
    public func drop() async {
        try? FileManager.default.removeItem(atPath: dataDir)
        if let databaseURL, let schema {
            if let admin = try? await DatabaseLocation.postgres(url: databaseURL, schema: nil).open(migrate: false) {
                _ = try? await admin.write { db in try await db.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
                try? await admin.shutdown()
            }
        }
    }
}

/// A database client on a fresh scratch database for one test, closed and removed afterwards;
/// `migrate: false` leaves it empty.
public func withScratchClient(
    _ engine: TestDatabase, migrate: Bool = true, _ body: (any DatabaseClient) async throws -> Void
) async throws {
    let scratch = try await ScratchDatabase.create(engine)
    let location: DatabaseLocation =
        if let url = scratch.databaseURL { .postgres(url: url, schema: scratch.schema) } else {
            .sqlite(path: scratch.dataDir + "/scratch.sqlite")
        }
    let client = try await location.open(migrate: migrate)
    do {
        try await body(client)
    } catch {
        try? await client.shutdown()
        await scratch.drop()
        throw error
    }
    try await client.shutdown()
    await scratch.drop()
}
