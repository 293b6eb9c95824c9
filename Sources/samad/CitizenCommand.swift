import AppBootstrap
import ArgumentParser
import Domain
import PersianKit
import Storage

/// `samad citizen`: a citizen's personal data, at the request of the citizen.
struct CitizenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citizen", abstract: "A citizen's personal data.", subcommands: [Erase.self])

    /// `samad citizen erase --national-id X` (or `--mobile`): erases the citizen's personal data once
    /// every case of theirs is settled and `SAMAD_PERSONAL_DATA_RETENTION_DAYS` have passed; the
    /// cases stay in the statistics. Written to the audit log and to each case's history.
    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a citizen's personal data after the retention period (cases stay in the statistics).")

        @Option(name: .customLong("national-id"), help: "The citizen's national ID.") var nationalID: String?
        @Option(help: "The citizen's mobile (every record with it, when no national ID is given).") var mobile: String?

        func validate() throws {
            guard (nationalID == nil) != (mobile == nil) else { throw ValidationError("give exactly one of --national-id and --mobile") }
        }

        func run() async throws {
            let id: NationalID?
            let number: MobileNumber?
            do {
                id = try nationalID.map { try NationalID(parsing: $0) }
                number = try mobile.map { try MobileNumber(parsing: $0) }
            } catch {
                throw ValidationError("\(error)")
            }
            let config = try AppConfig.fromEnvironment()
            let store = try await openStore(config: config)
            do {
                let erasure = try await store.eraseCitizen(
                    nationalID: id, mobile: number, retention: config.retention.personalData, by: .commandLine)
                try await store.client.shutdown()
                print("Erased \(erasure.citizenIDs.count) citizen record(s); \(erasure.trackingCodes.count) case(s) keep their statistics.")
            } catch let error as DomainError {
                try? await store.client.shutdown()
                print("Refused: \(error.messageEn) (\(error.code))")
                throw ExitCode(3)
            } catch {
                try? await store.client.shutdown()
                throw error
            }
        }
    }
}
