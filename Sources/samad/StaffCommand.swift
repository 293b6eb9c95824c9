import AppBootstrap
import ArgumentParser
import Domain
import Storage

/// `samad staff add …`: staff accounts from the command line.
struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Manage staff accounts.", subcommands: [Add.self])

    /// Creates a staff member and prints an API token as the last line of output.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a staff member and print their API token.")

        @Option(help: "Login name.")
        var username: String

        @Option(help: "operator, supervisor, liaison, inspector or admin.")
        var role: String

        @Option(help: "Province code the account is limited to (omit for the whole country).")
        var province: String?

        @Option(help: "Agency id (required for liaisons).")
        var agency: Int?

        @Option(help: "Name shown in case histories (defaults to the username).")
        var name: String?

        func run() async throws {
            guard let role = StaffRole(rawValue: role) else {
                throw ValidationError("role must be one of: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let store = try await openStore(config: try AppConfig.fromEnvironment())
            do {
                let staff = try await store.createStaff(
                    StaffDraft(username: username, displayName: name ?? username, role: role, provinceCode: province, agencyID: agency))
                let token = try await store.issueToken(staffID: staff.id, label: "cli")
                try await store.client.shutdown()
                print("Created \(staff.role.rawValue) '\(staff.username)' (id \(staff.id)). API token:")
                print(token)
            } catch let error as DomainError {
                try? await store.client.shutdown()
                throw ValidationError("\(error.code): \(error.messageEn) / \(error.messageFa)")
            }
        }
    }
}
