import ArgumentParser
import ClientGenCore
import Foundation

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check specs and print their diagnostics as file:line:col.",
        discussion: """
            Runs every stage `generate` runs (parsing, the target config, translation and rendering), so it reports \
            everything `generate` would, and writes nothing. Exits 0 when there are warnings only, 1 when any spec \
            has errors.
            """
    )

    @Argument(help: "OpenAPI 3 or Swagger 2.0 specs (YAML or JSON).")
    var specs: [String]

    @Option(help: "A target's clientgen.yaml (access, filter, strict), applied to every spec as the build plugin would.")
    var targetConfig: String?

    @Flag(help: "Make defects local to one part of a spec errors instead of warnings that say what was left out.")
    var strict = false

    func run() throws {
        var target = TargetConfig()
        if let targetConfig {
            let diagnostics = DiagnosticCollector()
            let data = FileManager.default.contents(atPath: targetConfig) ?? Data()
            let parsed = TargetConfig.parse(file: targetConfig, bytes: Array(data), diagnostics: diagnostics)
            diagnostics.diagnostics.forEach { print($0) }
            guard let parsed else { throw ExitCode(1) }
            target = parsed
        }
        let generator = Generator(sourceProvider: DiskSourceProvider())
        var failed = false
        for spec in specs {
            let diagnostics = DiagnosticCollector(strict: strict || target.strict)
            if let data = FileManager.default.contents(atPath: spec) {
                let options = GenerationOptions(
                    moduleName: target.module ?? "Lint", access: target.access ?? .public,
                    specName: (spec as NSString).lastPathComponent, filter: target.filter
                )
                _ = generator.generate(file: spec, bytes: Array(data), options: options, diagnostics: diagnostics)
            } else {
                diagnostics.emit(Diagnostic(.error, "cannot read the file", file: spec, location: nil))
            }
            let all = diagnostics.diagnostics
            all.forEach { print($0) }
            let errors = all.count { $0.severity == .error }
            let warnings = all.count { $0.severity == .warning }
            print("\(spec): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            if errors > 0 { failed = true }
        }
        if failed { throw ExitCode(1) }
    }
}
