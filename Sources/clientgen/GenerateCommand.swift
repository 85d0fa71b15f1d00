import ArgumentParser
import ClientGenCore
import Foundation

extension AccessLevel: ExpressibleByArgument {}

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate Swift client modules from OpenAPI specs.",
        discussion: """
            With a spec, generates one module into --output. Without one, generates every client listed in the \
            config (default: Specs/clientgen.yaml). Files are written only when their content changes, and nothing \
            is written when any spec has errors.

            A defect local to one operation, parameter, response, property or mapping is a warning saying what \
            was left out or assumed, and the rest is generated; --strict (or 'strict: true' in a config) makes \
            such defects errors.

            --target-config reads a target's clientgen.yaml (module, access, templates, filter), as the build \
            plugin does: its keys win over --module, --access and --templates, which then give the defaults.
            """
    )

    @Argument(help: "An OpenAPI 3 or Swagger 2.0 spec (YAML or JSON). Omit it to generate the clients listed in --config.")
    var spec: String?

    @Option(name: .shortAndLong, help: "The folder the module's Swift files go into.")
    var output: String?

    @Option(help: "The module's name, quoted in its files.")
    var module: String?

    @Option(help: "Access level of the generated declarations: public or internal (default: public; internal with --target-config).")
    var access: AccessLevel?

    @Option(help: "A folder of .mustache files that replace built-in templates or partials of the same name.")
    var templates: String?

    @Option(help: "The config listing clients to generate when no spec is given.")
    var config = "Specs/clientgen.yaml"

    @Option(help: "A target's clientgen.yaml (module, access, templates, filter) for the spec given.")
    var targetConfig: String?

    @Flag(help: "Write nothing; exit 1 listing the files that would change.")
    var check = false

    @Flag(help: "Make defects local to one part of a spec errors instead of warnings that say what was left out.")
    var strict = false

    func validate() throws {
        if spec != nil, output == nil || (module == nil && targetConfig == nil) {
            throw ValidationError("A spec needs --output and --module (or --target-config).")
        }
        if spec == nil, targetConfig != nil {
            throw ValidationError("--target-config needs a spec.")
        }
    }

    func run() throws {
        let jobs = try loadJobs()
        var planned: [PlannedFile] = []
        var failed = false
        for job in jobs {
            let diagnostics = DiagnosticCollector(strict: strict || job.strict)
            let files = try generate(job, diagnostics: diagnostics)
            diagnostics.diagnostics.forEach { printError($0.description) }
            guard let files else {
                failed = true
                continue
            }
            planned += OutputWriter.changes(files, in: job.output)
        }
        if failed {
            printError("clientgen: nothing was written because of the errors above")
            throw ExitCode.failure
        }
        if check {
            planned.forEach { print("stale: \($0.path)") }
            if !planned.isEmpty {
                printError("clientgen: \(planned.count) generated file(s) are out of date; run clientgen generate")
                throw ExitCode.failure
            }
            print("clientgen: all generated files are up to date")
            return
        }
        try OutputWriter.write(planned)
        let written = planned.filter { $0.contents != nil }
        let removed = planned.filter { $0.contents == nil }
        if planned.isEmpty { print("clientgen: all generated files are up to date") }
        if !written.isEmpty { print("clientgen: wrote \(written.count) file(s)") }
        written.forEach { print("  \($0.path)") }
        if !removed.isEmpty { print("clientgen: removed \(removed.count) file(s) that earlier versions generated") }
        removed.forEach { print("  \($0.path)") }
    }

    private struct Job {
        var spec: String
        var options: GenerationOptions
        var output: String
        var templates: String?
        var strict = false
    }

    private func loadJobs() throws -> [Job] {
        if let spec, let output {
            var target = TargetConfig()
            var templates = templates
            if let targetConfig {
                target = try loadTargetConfig(targetConfig)
                if let folder = target.templates {
                    templates = resolve(folder, relativeTo: targetConfig)
                }
            }
            guard let module = target.module ?? module else {
                throw ValidationError("No module name: give --module or set 'module' in \(targetConfig ?? "the target config").")
            }
            guard ModuleName.isValid(module) else {
                throw ValidationError("'\(module)' is not a valid Swift module name.")
            }
            let level = target.access ?? access ?? (targetConfig == nil ? .public : .internal)
            let options = GenerationOptions(moduleName: module, access: level, specName: (spec as NSString).lastPathComponent, filter: target.filter)
            return [Job(spec: spec, options: options, output: output, templates: templates, strict: target.strict)]
        }
        guard let data = FileManager.default.contents(atPath: config) else {
            throw ValidationError("No spec given and no config at \(config).")
        }
        let diagnostics = DiagnosticCollector()
        let parsed = GeneratorConfig.parse(file: config, bytes: Array(data), diagnostics: diagnostics)
        diagnostics.diagnostics.forEach { printError($0.description) }
        guard let parsed else { throw ExitCode.failure }
        return parsed.clients.map { client in
            Job(
                spec: resolve(client.spec, relativeTo: config),
                options: client.generationOptions,
                output: resolve(client.output, relativeTo: config),
                templates: client.templates.map { resolve($0, relativeTo: config) } ?? templates,
                strict: client.strict
            )
        }
    }

    private func loadTargetConfig(_ path: String) throws -> TargetConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("\(path): error: cannot read the file")
            throw ExitCode.failure
        }
        let diagnostics = DiagnosticCollector()
        let parsed = TargetConfig.parse(file: path, bytes: Array(data), diagnostics: diagnostics)
        diagnostics.diagnostics.forEach { printError($0.description) }
        guard let parsed else {
            printError("clientgen: nothing was written because of the errors above")
            throw ExitCode.failure
        }
        return parsed
    }

    /// A path written in a config, relative to the config's folder.
    private func resolve(_ path: String, relativeTo config: String) -> String {
        let directory = (config as NSString).deletingLastPathComponent
        return path.hasPrefix("/") || directory.isEmpty ? path : ((directory as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    /// The module's files, or nil when the spec or the templates have errors (reported to `diagnostics`).
    private func generate(_ job: Job, diagnostics: DiagnosticCollector) throws -> [GeneratedFile]? {
        guard let data = FileManager.default.contents(atPath: job.spec) else {
            printError("\(job.spec): error: cannot read the file")
            throw ExitCode.failure
        }
        var renderer = Renderer.builtIn
        if let folder = job.templates {
            guard let custom = Renderer.make(overrides: try TemplateDirectory.load(folder), diagnostics: diagnostics) else { return nil }
            renderer = custom
        }
        let generator = Generator(sourceProvider: DiskSourceProvider(), renderer: renderer)
        return generator.generate(file: job.spec, bytes: Array(data), options: job.options, diagnostics: diagnostics)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
