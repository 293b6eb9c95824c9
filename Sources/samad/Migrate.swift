import AppBootstrap
import ArgumentParser
import Storage

/// `samad migrate`: bring the database schema up to date (the server also does this at start).
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")

    func run() async throws {
        let config = try AppConfig.fromEnvironment()
        let database = try await config.databaseLocation.open(migrate: false)
        let applied = try await Migrator(client: database).migrate()
        try await database.shutdown()
        print(applied.isEmpty ? "Schema is up to date." : "Applied: \(applied.joined(separator: ", "))")
    }
}
