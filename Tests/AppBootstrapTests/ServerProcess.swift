import AsyncHTTPClient
import Foundation
import NIOCore
import TestSupport

/// The real `samad` binary, started as a child process on a loopback port.
final class ServerProcess: @unchecked Sendable {
    let process: Process
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

    /// Runs a subcommand to completion and returns its standard output.
    static func run(_ arguments: [String], scratch: ScratchDatabase, extra: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment(scratch).merging(extra) { _, new in new }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        // Polled rather than `waitUntilExit()`, which on Linux spins a run loop that can miss the
        // child's end when many tests start processes at once (seen stalling the suite in CI).
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning {
            guard Date() < deadline else {
                process.terminate()
                throw ProcessFailure(status: -1)
            }
            usleep(10_000)
        }
        guard process.terminationStatus == 0 else { throw ProcessFailure(status: process.terminationStatus) }
        return String(decoding: data, as: UTF8.self)
    }

    struct ProcessFailure: Error { let status: Int32 }

    /// `extra` adds to the environment (a setting under test).
    init(scratch: ScratchDatabase, extra: [String: String] = [:]) throws {
        port = Int.random(in: 20_000...60_000)
        process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--port", String(port)]
        process.environment = Self.environment(scratch).merging(extra) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Waits until /health answers (bounded: 60 s), or throws.
    func waitUntilReady(_ client: HTTPClient) async throws {
        for _ in 0..<600 {
            if !process.isRunning { throw ProcessFailure(status: process.terminationStatus) }
            if let response = try? await client.execute(HTTPClientRequest(url: baseURL + "/health"), timeout: .seconds(1)),
                response.status == .ok
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ProcessFailure(status: -1)
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
