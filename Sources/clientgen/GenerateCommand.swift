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
            """
    )

    @Argument(help: "An OpenAPI spec (YAML or JSON). Omit it to generate the clients listed in --config.")
    var spec: String?

    @Option(name: .shortAndLong, help: "The folder the module's Swift files go into.")
    var output: String?

    @Option(help: "The module's name, quoted in its files.")
    var module: String?

    @Option(help: "Access level of the generated declarations: public or internal.")
    var access: AccessLevel = .public

    @Option(help: "A folder of .mustache files that replace built-in templates or partials of the same name.")
    var templates: String?

    @Option(help: "The config listing clients to generate when no spec is given.")
    var config = "Specs/clientgen.yaml"

    @Flag(help: "Write nothing; exit 1 listing the files that would change.")
    var check = false

    func validate() throws {
        if spec != nil, output == nil || module == nil {
            throw ValidationError("A spec needs --output and --module.")
        }
    }

    func run() throws {
        let jobs = try loadJobs()
        var planned: [PlannedFile] = []
        var failed = false
        for job in jobs {
            let result = try generate(job)
            result.diagnostics.forEach { printError($0.description) }
            guard let files = result.files, !result.hasErrors else {
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
        print(planned.isEmpty ? "clientgen: all generated files are up to date" : "clientgen: wrote \(planned.count) file(s)")
        planned.forEach { print("  \($0.path)") }
    }

    private struct Job {
        var spec: String
        var options: TranslationOptions
        var output: String
        var templates: String?
    }

    private func loadJobs() throws -> [Job] {
        if let spec, let output, let module {
            guard ModuleName.isValid(module) else {
                throw ValidationError("'\(module)' is not a valid Swift module name.")
            }
            let options = TranslationOptions(moduleName: module, access: access, specName: (spec as NSString).lastPathComponent)
            return [Job(spec: spec, options: options, output: output, templates: templates)]
        }
        guard let data = FileManager.default.contents(atPath: config) else {
            throw ValidationError("No spec given and no config at \(config).")
        }
        let (parsed, diagnostics) = GeneratorConfig.parse(file: config, bytes: Array(data))
        diagnostics.forEach { printError($0.description) }
        guard let parsed else { throw ExitCode.failure }
        let directory = (config as NSString).deletingLastPathComponent
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") || directory.isEmpty ? path : ((directory as NSString).appendingPathComponent(path) as NSString).standardizingPath
        }
        return parsed.clients.map { client in
            Job(
                spec: resolve(client.spec),
                options: client.translationOptions,
                output: resolve(client.output),
                templates: client.templates.map(resolve) ?? templates
            )
        }
    }

    private func generate(_ job: Job) throws -> GenerationResult {
        guard let data = FileManager.default.contents(atPath: job.spec) else {
            printError("\(job.spec): error: cannot read the file")
            throw ExitCode.failure
        }
        let overrides = try job.templates.map(TemplateDirectory.load) ?? [:]
        let generator: Generator
        do {
            generator = try Generator(sourceProvider: DiskSourceProvider(), templateOverrides: overrides)
        } catch {
            error.diagnostics.forEach { printError($0.description) }
            throw ExitCode.failure
        }
        return generator.generate(file: job.spec, bytes: Array(data), options: job.options)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
