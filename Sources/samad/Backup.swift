import AppBootstrap
import ArgumentParser
import Storage

/// `samad backup --to FILE`: a consistent copy of the configured database, taken while it serves.
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Back the database up (SQLite: VACUUM INTO; PostgreSQL: pg_dump, custom format).")

    @Option(help: "The backup file to write; it must not exist.")
    var to: String

    func run() async throws {
        let config = try AppConfig.fromEnvironment()
        try await DatabaseBackup.backup(config.databaseLocation, to: to)
        print("Backup written to \(to)")
    }
}

/// `samad restore --from FILE [--replace]`: the configured database becomes the backup.
struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Restore the database from a backup (stop every server that uses it first).")

    @Option(help: "The backup file written by `samad backup`.")
    var from: String

    @Flag(help: "Replace the existing database (required for PostgreSQL, and for SQLite when the file exists).")
    var replace = false

    func run() async throws {
        let config = try AppConfig.fromEnvironment()
        try await DatabaseBackup.restore(config.databaseLocation, from: from, replacing: replace)
        // A backup from an older release is brought up to this one's schema.
        let database = try await config.databaseLocation.open(migrate: true)
        try await database.shutdown()
        print("Restored from \(from)")
    }
}
