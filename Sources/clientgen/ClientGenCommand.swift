import ArgumentParser

@main
struct ClientGenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clientgen",
        abstract: "Generate Swift clients from OpenAPI 3.0 and 3.1 and Swagger 2.0 specs.",
        version: "0.1.0",
        subcommands: [GenerateCommand.self, LintCommand.self]
    )
}
