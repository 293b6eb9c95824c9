import ArgumentParser

/// `samad`: one binary for the server, the SMS worker and admin tasks.
@main
struct SamadCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samad",
        abstract: "Samad (سامد): the people–government communication system.",
        subcommands: [Serve.self, Migrate.self, StaffCommand.self, Worker.self, Generate.self, Backup.self, Restore.self, Check.self, Audit.self, CitizenCommand.self],
        defaultSubcommand: Serve.self)
}
