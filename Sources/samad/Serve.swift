import AppBootstrap
import ArgumentParser
import DemoData
import Foundation

/// `samad serve [--demo] [--port N]`: the HTTP server, with the SMS dispatcher beside it.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the Samad server.")

    @Flag(help: "Load demo staff and ~5,000 Persian cases if the database is empty, and print the logins.")
    var demo = false

    @Option(help: "Port to listen on (overrides SAMAD_PORT).")
    var port: Int?

    @Option(help: "How many demo cases to load with --demo.")
    var demoCases = 5_000

    func run() async throws {
        var config = try AppConfig.fromEnvironment()
        if let port {
            config.port = port
            if ProcessInfo.processInfo.environment["SAMAD_PUBLIC_URL"] == nil { config.publicURL = "http://127.0.0.1:\(port)" }
        }
        if let refusal = config.smsGatewayRefusal(demo: demo) { throw ValidationError(refusal) }
        if let warning = config.smsFileWarning { say(warning) }
        let samad = try await buildApplication(config: config)
        if demo {
            let logins = try await DemoStaff.ensure(store: samad.store, bcryptCost: config.bcryptCost)
            say("Loading demo cases (first run only)…")
            let written = try await DemoCases(base: samad.store, logins: logins).load(count: demoCases)
            say("Demo cases written: \(written)")
            say("\nDemo logins (password for every account: \(DemoStaff.password); API: Authorization: Bearer <token>):")
            for login in logins {
                say("  \(login.staff.username.padding(toLength: 13, withPad: " ", startingAt: 0)) \(login.staff.role.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(login.token)")
            }
            say("\nSMS citizens would receive are appended to \(config.smsLogPath)")
        }
        say("Samad is serving on http://\(config.host):\(config.port)  (API spec: /openapi.yaml)")
        try await samad.application.runService()
    }
}

/// Writes a line to standard output at once (unbuffered), so logins and progress reach a log file
/// as they happen rather than when a buffer fills.
func say(_ line: String = "") {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
