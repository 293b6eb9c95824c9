import Domain
import Foundation
import Logging
import Storage

/// Everything Samad reads from its environment, in one place. Each key says its default.
public struct AppConfig: Sendable {
    /// `SAMAD_HOST`, default 127.0.0.1: the address to listen on.
    public var host: String
    /// `SAMAD_PORT`, default 8080.
    public var port: Int
    /// `SAMAD_DATA_DIR`, default ./data: the SQLite file and sms.log live here.
    public var dataDir: String
    /// `DATABASE_URL`: when set (postgres://…), PostgreSQL instead of SQLite.
    public var databaseURL: String?
    /// `SAMAD_DATABASE_SCHEMA`: PostgreSQL schema to work in (its search_path); default the user's default.
    public var databaseSchema: String?
    /// `SAMAD_PUBLIC_URL`, default http://127.0.0.1:<port>: the address citizens are sent to in SMS 3.
    public var publicURL: String
    /// `SAMAD_SMS_GATEWAY`: `file` (default; appends to `<dataDir>/sms.log`) or `http`.
    public var smsGateway: String
    /// Whether `SAMAD_SMS_GATEWAY` was set at all: the file gateway writes sign-in codes in clear,
    /// so outside `--demo` a server runs with it only when asked for by name.
    public var smsGatewayChosen = true
    /// `SAMAD_SMS_URL`: the provider's endpoint, required when the gateway is `http`.
    public var smsURL: String?
    /// `SAMAD_SMS_TOKEN`: optional bearer token for the provider.
    public var smsToken: String?
    /// `SAMAD_DISPATCHER`, default `on`: `off` leaves SMS to a separate `samad worker`.
    public var dispatcherEnabled: Bool
    /// `LOG_LEVEL`, default info.
    public var logLevel: Logger.Level
    /// `SAMAD_TRUST_PROXY`, default `off`: `on` takes the client address from X-Forwarded-For
    /// (only behind a reverse proxy Samad's operators run).
    public var trustProxy: Bool = false
    /// `SAMAD_RATE_LIMITS`: `memory` (this process counts alone; the default on SQLite, where one
    /// server answers) or `database` (every server counts in the shared database; the default on
    /// PostgreSQL, where several may run behind a load balancer).
    public var sharedRateLimits: Bool?
    /// `SAMAD_BCRYPT_COST`, default 12: work factor of new password hashes.
    public var bcryptCost: UInt8 = 12
    /// `SAMAD_DB_POOL`, default 20: at most this many PostgreSQL connections per server process
    /// (size PostgreSQL's `max_connections` for every server and worker on it). SQLite ignores it.
    public var databasePoolSize: Int = 20
    /// `SAMAD_IDLE_TIMEOUT`, default 30: seconds a connection may send nothing before it is closed,
    /// so slow or stalled clients cannot hold connections open forever.
    public var idleTimeoutSeconds: Int = 30
    /// `SAMAD_METRICS_TOKEN`: when set, `/metrics` answers only `Authorization: Bearer <token>`;
    /// when not, it answers only clients on this machine (a Prometheus agent beside the server).
    public var metricsToken: String?
    /// `SAMAD_SMS_RETENTION_DAYS`, default 180: sent SMS are deleted this many days after sending
    /// (a case's page then lists only its newer SMS; its history keeps every step).
    /// `SAMAD_PERSONAL_DATA_RETENTION_DAYS`, default 1825 (five years): a citizen's personal data may
    /// be erased (`samad citizen erase`) only this many days after their last case was settled.
    public var retention = RetentionPolicy()
    /// `SAMAD_PURGE_INTERVAL`, default 3600: seconds between retention purges (60–86400).
    public var purgeIntervalSeconds: Int = 3600
    /// `SAMAD_DEADLINE_WATCH_INTERVAL`, default 60: seconds between the deadline watcher's passes
    /// when nothing more is due (5–3600).
    public var deadlineWatchIntervalSeconds: Int = 60
    /// `SAMAD_AUTO_CLOSE_DAYS`, default 14: days an answered case waits for the citizen's rating
    /// before it closes itself (1–365).
    public var autoCloseDays: Int = CaseRules.defaultAutoCloseDays
    /// Not from the environment: where log lines go (tests capture them).
    public var logHandler: (@Sendable (String) -> any LogHandler)?
    /// Not from the environment: the clock (tests fix it).
    public var now: @Sendable () -> Date = { Date() }

    public init(
        host: String = "127.0.0.1", port: Int = 8080, dataDir: String = "./data", databaseURL: String? = nil,
        databaseSchema: String? = nil, publicURL: String? = nil, smsGateway: String = "file", smsURL: String? = nil,
        smsToken: String? = nil, dispatcherEnabled: Bool = true, logLevel: Logger.Level = .info
    ) {
        self.host = host
        self.port = port
        self.dataDir = dataDir
        self.databaseURL = databaseURL
        self.databaseSchema = databaseSchema
        self.publicURL = publicURL ?? "http://127.0.0.1:\(port)"
        self.smsGateway = smsGateway
        self.smsURL = smsURL
        self.smsToken = smsToken
        self.dispatcherEnabled = dispatcherEnabled
        self.logLevel = logLevel
    }

    /// Reads the process environment, overlaid on an optional `.env` file in the working directory.
    /// A value that cannot work fails here, at start, with every problem listed.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        let values = dotEnv().merging(env) { _, process in process }
        var problems: [String] = []
        let port = values["SAMAD_PORT"].map { Int($0) } ?? 8080
        if port == nil || !(1...65535).contains(port!) { problems.append("SAMAD_PORT must be a port number") }
        let gateway = values["SAMAD_SMS_GATEWAY"] ?? "file"
        if !["file", "http"].contains(gateway) { problems.append("SAMAD_SMS_GATEWAY must be file or http") }
        if gateway == "http", (values["SAMAD_SMS_URL"] ?? "").isEmpty {
            problems.append("SAMAD_SMS_URL is required when SAMAD_SMS_GATEWAY=http")
        }
        let level = values["LOG_LEVEL"].map { Logger.Level(rawValue: $0.lowercased()) } ?? .info
        if level == nil { problems.append("LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical") }
        if let url = values["DATABASE_URL"], !url.isEmpty, !(url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")) {
            problems.append("DATABASE_URL must be a postgres:// URL")
        }
        let cost = values["SAMAD_BCRYPT_COST"].map { UInt8($0) } ?? 12
        if cost == nil || !(4...31).contains(cost!) { problems.append("SAMAD_BCRYPT_COST must be 4–31") }
        let rateLimits = values["SAMAD_RATE_LIMITS"].flatMap { $0.isEmpty ? nil : $0 }
        if let rateLimits, !["memory", "database"].contains(rateLimits) { problems.append("SAMAD_RATE_LIMITS must be memory or database") }
        let pool = values["SAMAD_DB_POOL"].map { Int($0) } ?? 20
        if pool == nil || !(1...500).contains(pool!) { problems.append("SAMAD_DB_POOL must be 1–500 connections") }
        let idle = values["SAMAD_IDLE_TIMEOUT"].map { Int($0) } ?? 30
        if idle == nil || !(1...3600).contains(idle!) { problems.append("SAMAD_IDLE_TIMEOUT must be 1–3600 seconds") }
        let metricsToken = values["SAMAD_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let metricsToken, metricsToken.count < 16 { problems.append("SAMAD_METRICS_TOKEN must be at least 16 characters") }
        let smsDays = values["SAMAD_SMS_RETENTION_DAYS"].map { Int($0) } ?? 180
        if smsDays == nil || !(1...36_500).contains(smsDays!) { problems.append("SAMAD_SMS_RETENTION_DAYS must be 1–36500 days") }
        let personalDays = values["SAMAD_PERSONAL_DATA_RETENTION_DAYS"].map { Int($0) } ?? 1825
        if personalDays == nil || !(0...36_500).contains(personalDays!) {
            problems.append("SAMAD_PERSONAL_DATA_RETENTION_DAYS must be 0–36500 days")
        }
        let purgeInterval = values["SAMAD_PURGE_INTERVAL"].map { Int($0) } ?? 3600
        if purgeInterval == nil || !(60...86_400).contains(purgeInterval!) { problems.append("SAMAD_PURGE_INTERVAL must be 60–86400 seconds") }
        let watchInterval = values["SAMAD_DEADLINE_WATCH_INTERVAL"].map { Int($0) } ?? 60
        if watchInterval == nil || !(5...3600).contains(watchInterval!) {
            problems.append("SAMAD_DEADLINE_WATCH_INTERVAL must be 5–3600 seconds")
        }
        let autoCloseDays = values["SAMAD_AUTO_CLOSE_DAYS"].map { Int($0) } ?? CaseRules.defaultAutoCloseDays
        if autoCloseDays == nil || !CaseRules.autoCloseDaysRange.contains(autoCloseDays!) {
            problems.append("SAMAD_AUTO_CLOSE_DAYS must be 1–365 days")
        }
        guard problems.isEmpty else { throw ConfigError(problems: problems) }
        var config = AppConfig(
            host: values["SAMAD_HOST"] ?? "127.0.0.1", port: port!, dataDir: values["SAMAD_DATA_DIR"] ?? "./data",
            databaseURL: values["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 },
            databaseSchema: values["SAMAD_DATABASE_SCHEMA"].flatMap { $0.isEmpty ? nil : $0 }, publicURL: values["SAMAD_PUBLIC_URL"],
            smsGateway: gateway, smsURL: values["SAMAD_SMS_URL"], smsToken: values["SAMAD_SMS_TOKEN"],
            dispatcherEnabled: (values["SAMAD_DISPATCHER"] ?? "on") != "off", logLevel: level!)
        config.trustProxy = values["SAMAD_TRUST_PROXY"] == "on"
        config.bcryptCost = cost!
        config.idleTimeoutSeconds = idle!
        config.databasePoolSize = pool!
        config.retention = RetentionPolicy(sentSMSDays: smsDays!, personalDataDays: personalDays!)
        config.purgeIntervalSeconds = purgeInterval!
        config.deadlineWatchIntervalSeconds = watchInterval!
        config.autoCloseDays = autoCloseDays!
        config.smsGatewayChosen = values["SAMAD_SMS_GATEWAY"] != nil
        config.metricsToken = metricsToken
        config.sharedRateLimits = rateLimits.map { $0 == "database" }
        return config
    }

    /// Why this configuration must not send SMS as it stands, if it must not: the file gateway was
    /// not chosen by name and this is no demo. `samad serve` and `samad worker` refuse to start then.
    public func smsGatewayRefusal(demo: Bool) -> String? {
        guard smsGateway == "file", !smsGatewayChosen, !demo else { return nil }
        return """
            SAMAD_SMS_GATEWAY is not set. The default file gateway writes every SMS, sign-in codes included, \
            in clear to \(smsLogPath) and sends nothing. Set SAMAD_SMS_GATEWAY=http and SAMAD_SMS_URL for a real \
            provider, or SAMAD_SMS_GATEWAY=file to run with the file on purpose (or use --demo).
            """
    }

    /// The warning to print at start when SMS go to the file, nil otherwise.
    public var smsFileWarning: String? {
        smsGateway == "file" ? "Warning: SMS (sign-in codes included) are written in clear to \(smsLogPath), not sent." : nil
    }

    /// A logger for this configuration.
    public func makeLogger(_ label: String) -> Logger {
        var logger = if let logHandler { Logger(label: label, factory: logHandler) } else { Logger(label: label) }
        logger.logLevel = logLevel
        return logger
    }

    /// KEY=VALUE lines of ./.env; comments and blank lines ignored.
    static func dotEnv() -> [String: String] {
        guard let text = try? String(contentsOfFile: ".env", encoding: .utf8) else { return [:] }
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let eq = trimmed.firstIndex(of: "=") else { continue }
            let key = String(trimmed[..<eq]).trimmingCharacters(in: .whitespaces)
            var value = String(trimmed[trimmed.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            values[key] = value
        }
        return values
    }

    /// Where the data lives.
    public var databaseLocation: DatabaseLocation {
        if let databaseURL { return .postgres(url: databaseURL, schema: databaseSchema) }
        return .sqlite(path: (dataDir as NSString).appendingPathComponent("samad.sqlite"))
    }

    /// Whether rate limits are counted in the database, shared by every server.
    public var rateLimitsShared: Bool { sharedRateLimits ?? (databaseURL != nil) }

    public var smsLogPath: String { (dataDir as NSString).appendingPathComponent("sms.log") }
}

/// Configuration that cannot work, with every problem found.
public struct ConfigError: Error, CustomStringConvertible {
    public let problems: [String]
    public var description: String { "invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n") }
}
