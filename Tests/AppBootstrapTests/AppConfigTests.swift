import AppBootstrap
import Storage
import Testing

@Suite(.timeLimit(.minutes(10))) struct AppConfigTests {
    @Test func defaults() throws {
        let config = try AppConfig.fromEnvironment([:])
        #expect(config.host == "127.0.0.1")
        #expect(config.port == 8080)
        #expect(config.dataDir == "./data")
        #expect(config.databaseURL == nil)
        #expect(config.smsGateway == "file")
        #expect(config.publicURL == "http://127.0.0.1:8080")
        #expect(!config.rateLimitsShared)
        #expect(config.autoCloseDays == 14)
    }

    @Test func autoCloseDays() throws {
        #expect(try AppConfig.fromEnvironment(["SAMAD_AUTO_CLOSE_DAYS": "30"]).autoCloseDays == 30)
        for bad in ["0", "366", "-1", "two weeks"] {
            #expect(throws: ConfigError.self, "\(bad)") { try AppConfig.fromEnvironment(["SAMAD_AUTO_CLOSE_DAYS": bad]) }
        }
    }

    @Test func rateLimitsAreSharedOnPostgresUnlessSaidOtherwise() throws {
        #expect(try AppConfig.fromEnvironment(["DATABASE_URL": "postgres://u@127.0.0.1/db"]).rateLimitsShared)
        #expect(!(try AppConfig.fromEnvironment(["DATABASE_URL": "postgres://u@127.0.0.1/db", "SAMAD_RATE_LIMITS": "memory"]).rateLimitsShared))
        #expect(try AppConfig.fromEnvironment(["SAMAD_RATE_LIMITS": "database"]).rateLimitsShared)
        #expect(throws: ConfigError.self) { try AppConfig.fromEnvironment(["SAMAD_RATE_LIMITS": "redis"]) }
    }

    @Test func theFileGatewayMustBeChosenByNameOutsideTheDemo() throws {
        let unset = try AppConfig.fromEnvironment([:])
        #expect(unset.smsGatewayRefusal(demo: false)?.contains("SAMAD_SMS_GATEWAY is not set") == true)
        #expect(unset.smsGatewayRefusal(demo: true) == nil)
        let named = try AppConfig.fromEnvironment(["SAMAD_SMS_GATEWAY": "file"])
        #expect(named.smsGatewayRefusal(demo: false) == nil)
        #expect(named.smsFileWarning?.contains("in clear") == true)
        let provider = try AppConfig.fromEnvironment(["SAMAD_SMS_GATEWAY": "http", "SAMAD_SMS_URL": "https://sms.example/send"])
        #expect(provider.smsGatewayRefusal(demo: false) == nil && provider.smsFileWarning == nil)
    }

    @Test func idleTimeoutAndMetricsToken() throws {
        #expect(try AppConfig.fromEnvironment([:]).idleTimeoutSeconds == 30)
        #expect(try AppConfig.fromEnvironment(["SAMAD_IDLE_TIMEOUT": "5"]).idleTimeoutSeconds == 5)
        #expect(throws: ConfigError.self) { try AppConfig.fromEnvironment(["SAMAD_IDLE_TIMEOUT": "0"]) }
        #expect(throws: ConfigError.self) { try AppConfig.fromEnvironment(["SAMAD_METRICS_TOKEN": "short"]) }
        #expect(try AppConfig.fromEnvironment(["SAMAD_METRICS_TOKEN": "0123456789abcdef"]).metricsToken == "0123456789abcdef")
    }

    @Test func retentionPeriods() throws {
        let defaults = try AppConfig.fromEnvironment([:])
        #expect(defaults.retention == RetentionPolicy(sentSMSDays: 180, personalDataDays: 1825))
        #expect(defaults.purgeIntervalSeconds == 3600)
        let set = try AppConfig.fromEnvironment([
            "SAMAD_SMS_RETENTION_DAYS": "30", "SAMAD_PERSONAL_DATA_RETENTION_DAYS": "3650", "SAMAD_PURGE_INTERVAL": "600",
        ])
        #expect(set.retention.sentSMS == 30 * 86_400)
        #expect(set.retention.personalData == 3650 * 86_400)
        #expect(set.purgeIntervalSeconds == 600)
        #expect(throws: ConfigError.self) { try AppConfig.fromEnvironment(["SAMAD_SMS_RETENTION_DAYS": "0"]) }
        #expect(throws: ConfigError.self) { try AppConfig.fromEnvironment(["SAMAD_PURGE_INTERVAL": "hourly"]) }
    }

    @Test func everyProblemIsListedAtOnce() {
        #expect {
            _ = try AppConfig.fromEnvironment(["SAMAD_PORT": "eighty", "SAMAD_SMS_GATEWAY": "http", "DATABASE_URL": "mysql://x"])
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.problems.count == 3
        }
    }
}
