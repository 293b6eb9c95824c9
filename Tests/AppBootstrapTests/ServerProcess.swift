import AsyncHTTPClient
import Foundation
import NIOCore
import Storage
import TestSupport

/// The real `samad` binary, started as a child process (`ChildProcess`, not Foundation's `Process`,
/// whose `run()` crashed the suite now and then) on a loopback port.
///
/// Nothing here blocks a thread of the cooperative pool or waits for a pipe's end: a subcommand's
/// output goes to a scratch file (a pipe's end never comes while any other child started at the
/// same moment holds a copy of its write end, which stalled the suite in CI), and the child's exit
/// is polled with `Task.sleep`, bounded. A server still running when its value goes is killed.
final class ServerProcess: Sendable {
    let process: ChildProcess
    let port: Int

    /// The `samad` executable built beside the test bundle.
    static var binary: URL {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let beside = dir.appendingPathComponent("samad")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug/samad")
    }

    static func environment(_ scratch: ScratchDatabase) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["SAMAD_DATA_DIR"] = scratch.dataDir
        env["DATABASE_URL"] = scratch.databaseURL ?? ""
        env["SAMAD_DATABASE_SCHEMA"] = scratch.schema ?? ""
        env["LOG_LEVEL"] = "warning"
        env["SAMAD_SMS_GATEWAY"] = "file"
        return env
    }

    /// Runs a subcommand to completion (bounded: 5 minutes) and returns its standard output.
    static func run(_ arguments: [String], scratch: ScratchDatabase, extra: [String: String] = [:]) async throws -> String {
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("samad-run-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let child = try ChildProcess(
            executable: binary.path, arguments: arguments, environment: environment(scratch).merging(extra) { _, new in new },
            outputPath: outputFile.path)
        let status = try await child.waitForExit(within: .seconds(300))
        guard status == 0 else { throw ProcessFailure(status: status) }
        return String(decoding: try Data(contentsOf: outputFile), as: UTF8.self)
    }

    struct ProcessFailure: Error { let status: Int32 }

    /// `extra` adds to the environment (a setting under test).
    init(scratch: ScratchDatabase, extra: [String: String] = [:]) throws {
        // Below Linux's ephemeral range (32768–60999), where the suite's own database connections and
        // port-0 listeners take their ports: a random port there was now and then already in use.
        port = Int.random(in: 20_000...32_000)
        process = try ChildProcess(
            executable: Self.binary.path, arguments: ["serve", "--port", String(port)],
            environment: Self.environment(scratch).merging(extra) { _, new in new })
    }

    deinit {
        process.signal(SIGKILL)
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Waits until /health answers (bounded: 60 s), or throws.
    func waitUntilReady(_ client: HTTPClient) async throws {
        for _ in 0..<600 {
            if let status = process.exitStatus { throw ProcessFailure(status: status) }
            if let response = try? await client.execute(HTTPClientRequest(url: baseURL + "/health"), timeout: .seconds(1)),
                response.status == .ok
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ProcessFailure(status: -1)
    }

    /// SIGKILL without waiting: for a `defer`, where nothing can be awaited.
    func end() {
        process.signal(SIGKILL)
    }

    /// SIGKILL, then waits (bounded) for the end.
    func kill() async throws {
        process.signal(SIGKILL)
        _ = try await process.waitForExit(within: .seconds(60))
    }

    /// SIGTERM (a graceful stop), then waits (bounded) for the end.
    func stop() async throws {
        guard process.isRunning else { return }
        process.signal(SIGTERM)
        _ = try await process.waitForExit(within: .seconds(60))
    }
}
