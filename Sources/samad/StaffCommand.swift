import AppBootstrap
import ArgumentParser
import Domain
import Foundation
import Workflow
import Storage

/// `samad staff add|disable|enable|reset-password|totp`: staff accounts from the command line.
struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Manage staff accounts.",
        subcommands: [Add.self, Disable.self, Enable.self, ResetPassword.self, TOTPSetup.self])

    /// Opens the store, runs `body`, and turns domain errors into readable command errors.
    static func withStore(_ body: (SQLStore, Gatekeeper) async throws -> Void) async throws {
        let config = try AppConfig.fromEnvironment()
        let store = try await openStore(config: config)
        // Accounts are managed as the admin page manages them; nothing here sends SMS.
        let gate = Gatekeeper(
            auth: store, staff: store, secureCookies: false, bcryptCost: config.bcryptCost, now: config.now,
            sendCode: { _, _, _ in })
        do {
            try await body(store, gate)
            try await store.client.shutdown()
        } catch let error as DomainError {
            try? await store.client.shutdown()
            throw ValidationError("\(error.code): \(error.messageEn) / \(error.messageFa)")
        } catch {
            try? await store.client.shutdown()
            throw error
        }
    }

    /// Creates a staff member with a first password and prints an API token as the last line of output.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a staff member; prints a first password and, last, an API token.")

        @Option(help: "Login name.") var username: String
        @Option(help: "operator, supervisor, liaison, inspector, official or admin.") var role: String
        @Option(help: "Province code the account is limited to (omit for the whole country).") var province: String?
        @Option(help: "Agency id (required for liaisons).") var agency: Int?
        @Option(help: "Name shown in case histories (defaults to the username).") var name: String?

        func run() async throws {
            guard let role = StaffRole(rawValue: role) else {
                throw ValidationError("role must be one of: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            try await StaffCommand.withStore { store, gate in
                let (staff, password) = try await gate.createStaffAccount(
                    StaffDraft(username: username, displayName: name ?? username, role: role, provinceCode: province, agencyID: agency),
                    by: .commandLine)
                let token = try await store.issueToken(staffID: staff.id, label: "cli", by: .commandLine)
                print("Created \(staff.role.rawValue) '\(staff.username)' (id \(staff.id)).")
                print("First password (change it after signing in): \(password)")
                print("API token:")
                print(token)
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account; its sessions end and its tokens stop working.")
        @Option var username: String
        func run() async throws {
            try await StaffCommand.withStore { store, _ in
                let staff = try await store.setActive(username: username, active: false, by: .commandLine)
                print("Disabled '\(staff.username)'.")
            }
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account.")
        @Option var username: String
        func run() async throws {
            try await StaffCommand.withStore { store, _ in
                let staff = try await store.setActive(username: username, active: true, by: .commandLine)
                print("Enabled '\(staff.username)'.")
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password", abstract: "Set a new random password, lift a lock-out and end the account's sessions.")
        @Option var username: String
        func run() async throws {
            try await StaffCommand.withStore { store, gate in
                guard let staff = try await store.staff(username: username) else {
                    throw DomainError.notFound("staff", fa: "کاربر")
                }
                let password = try await gate.resetPassword(staffID: staff.id, by: .commandLine)
                print("New password for '\(staff.username)': \(password)")
            }
        }
    }

    struct TOTPSetup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "totp", abstract: "Turn on a second factor (prints the authenticator URL), or off with --off.")
        @Option var username: String
        @Flag(help: "Remove the second factor.") var off = false
        func run() async throws {
            try await StaffCommand.withStore { store, _ in
                guard let staff = try await store.staff(username: username) else {
                    throw DomainError.notFound("staff", fa: "کاربر")
                }
                if off {
                    try await store.setTOTPSecret(staffID: staff.id, secret: nil, by: .commandLine)
                    print("Second factor removed for '\(staff.username)'.")
                } else {
                    let secret = SecretHash.random(bytes: 20)
                    try await store.setTOTPSecret(staffID: staff.id, secret: secret, by: .commandLine)
                    print("Add this to the authenticator app of '\(staff.username)':")
                    print(TOTPLink.url(secret: secret, label: staff.username))
                }
            }
        }
    }
}
