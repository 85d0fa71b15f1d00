import ArgumentParser
import ClientGenCore
import Foundation

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check specs and print their diagnostics as file:line:col.",
        discussion: "Exits 0 when there are warnings only, 1 when any spec has errors."
    )

    @Argument(help: "OpenAPI specs (YAML or JSON).")
    var specs: [String]

    func run() throws {
        var failed = false
        for spec in specs {
            guard let data = FileManager.default.contents(atPath: spec) else {
                print("\(spec): error: cannot read the file")
                failed = true
                continue
            }
            do {
                _ = try YAMLLoader().load(bytes: Array(data), file: spec)
            } catch {
                error.diagnostics.forEach { print($0) }
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
