import ArgumentParser
import ClientGenCore

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check specs and print their diagnostics as file:line:col.",
        discussion: "Exits 0 when there are warnings only, 1 when any spec has errors."
    )

    @Argument(help: "OpenAPI specs (YAML or JSON).")
    var specs: [String]

    func run() throws {
        let parser = DocumentParser(sourceProvider: DiskSourceProvider())
        var failed = false
        for spec in specs {
            let result = parser.parse(path: spec)
            result.diagnostics.forEach { print($0) }
            let errors = result.errors.count
            let warnings = result.warnings.count
            print("\(spec): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            if result.hasErrors { failed = true }
        }
        if failed { throw ExitCode(1) }
    }
}
