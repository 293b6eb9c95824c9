import Foundation
import SQLKit

/// Backups with each engine's own tools, taken while Samad serves: SQLite's `VACUUM INTO` (a
/// consistent copy from one read transaction, beside running writers in WAL mode), PostgreSQL's
/// `pg_dump` in its custom format. A restore checks the backup before it replaces anything.
public enum DatabaseBackup {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// Writes a consistent copy of the database at `location` to `file`, which must not exist.
    public static func backup(_ location: DatabaseLocation, to file: String) async throws {
        guard !FileManager.default.fileExists(atPath: file) else { throw Failure("\(file) exists already; choose a new file") }
        switch location {
        case .sqlite:
            let client = try await location.open(migrate: false)
            do {
                try await client.read { db in try await db.raw("VACUUM INTO \(bind: file)").run() }
                try await client.shutdown()
            } catch {
                try? await client.shutdown()
                throw error
            }
        case .postgres(let url, let schema):
            var arguments = ["--format=custom", "--no-owner", "--file=\(file)"]
            if let schema { arguments.append("--schema=\(schema)") }
            try run("pg_dump", arguments + ["--dbname=\(libpqURL(url))"])
        }
    }

    /// Replaces the database at `location` with the backup in `file`. For SQLite the backup is
    /// checked (`PRAGMA integrity_check`) and moved into place in one rename, after the old file's
    /// WAL is set aside. An existing SQLite database, and any PostgreSQL one, is replaced only with
    /// `replacing`. Servers using the database must be stopped first.
    public static func restore(_ location: DatabaseLocation, from file: String, replacing: Bool) async throws {
        guard FileManager.default.fileExists(atPath: file) else { throw Failure("no backup at \(file)") }
        switch location {
        case .sqlite(let path):
            let fm = FileManager.default
            if fm.fileExists(atPath: path), !replacing { throw Failure("\(path) exists; pass --replace to overwrite it") }
            let staging = path + ".restoring"
            try? fm.removeItem(atPath: staging)
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            try fm.copyItem(atPath: file, toPath: staging)
            let check = try await DatabaseLocation.sqlite(path: staging).open(migrate: false)
            let verdict: String?
            do {
                verdict = try await check.read { db in
                    try await db.raw("PRAGMA integrity_check").all().first?.decode(column: "integrity_check", as: String.self)
                }
            } catch {
                verdict = "\(error)"
            }
            try await check.shutdown()
            guard verdict == "ok" else {
                try? fm.removeItem(atPath: staging)
                throw Failure("the backup failed SQLite's integrity check: \(verdict ?? "no answer")")
            }
            for suffix in ["-wal", "-shm"] {
                try? fm.removeItem(atPath: staging + suffix)
                try? fm.removeItem(atPath: path + suffix)
            }
            if rename(staging, path) != 0 { throw Failure("could not move the restored file into place (errno \(errno))") }
        case .postgres(let url, _):
            // Restoring drops whatever the backup holds in the target first: only when asked for.
            guard replacing else { throw Failure("a PostgreSQL restore replaces what the target database holds; pass --replace") }
            // --clean --if-exists drops what the backup holds before recreating it, in one transaction.
            try run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", "--dbname=\(libpqURL(url))", file])
        }
    }

    /// libpq reads postgres:// URLs itself; only the scheme spelling differs.
    static func libpqURL(_ url: String) -> String {
        url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") ? url : "postgresql://" + url
    }

    /// Runs one of PostgreSQL's client programs, found on PATH; its error output becomes the failure.
    static func run(_ tool: String, _ arguments: [String]) throws {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("samad-\(tool)-\(UUID().uuidString).err").path
        defer { try? FileManager.default.removeItem(atPath: errors) }
        let child: ChildProcess
        do {
            child = try ChildProcess(
                executable: "/usr/bin/env", arguments: [tool] + arguments, environment: ProcessInfo.processInfo.environment,
                errorPath: errors)
        } catch {
            throw Failure("\(tool) could not be started: \(error)")
        }
        let status = child.waitUntilExit()
        guard status == 0 else {
            let output = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw Failure("\(tool) failed (\(status)): \(output.prefix(2000))")
        }
    }
}
