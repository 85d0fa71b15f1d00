import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-clients [--target X ...] [--check]`: writes
/// generated clients into the package, to be committed, instead of generating them at build time.
///
/// Every target (or each one named) that holds an `openapi.yaml` and a `clientgen.yaml` gets its client in
/// `<target folder>/Generated/`. A package with no such target but a `Specs/clientgen.yaml` (ClientGen itself)
/// gets the clients that config lists, as `swift run clientgen generate` does.
@main
struct GenerateClientsPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        let check = extractor.extractFlag(named: "check") > 0
        guard extractor.remainingArguments.isEmpty else {
            throw PluginProblem("unexpected arguments: \(extractor.remainingArguments.joined(separator: " ")); usage: generate-clients [--target NAME ...] [--check]")
        }
        let known = Set(context.package.targets.map(\.name))
        for name in names where !known.contains(name) {
            throw PluginProblem("no target named '\(name)' in package '\(context.package.displayName)'")
        }
        let tool = try context.tool(named: "clientgen").url
        var runs: [(label: String, arguments: [String])] = []
        for target in context.package.targets {
            guard let target = target as? SourceModuleTarget, names.isEmpty || names.contains(target.name) else { continue }
            guard let job = try GenerationJob.find(in: target.directoryURL, targetName: target.name) else {
                if names.contains(target.name) {
                    throw PluginProblem("target '\(target.name)' has no \(GenerationJob.configName) and \(GenerationJob.specNames.joined(separator: "/")) in \(target.directoryURL.path)")
                }
                continue
            }
            let output = target.directoryURL.appendingPathComponent("Generated")
            runs.append(("\(target.name): \(job.spec.lastPathComponent) -> \(output.path)", job.arguments(output: output, module: target.moduleName)))
        }
        if runs.isEmpty {
            let shipped = context.package.directoryURL.appendingPathComponent("Specs/clientgen.yaml")
            guard names.isEmpty, FileManager.default.fileExists(atPath: shipped.path) else {
                throw PluginProblem("no target holds a \(GenerationJob.configName) beside an openapi.yaml, and there is no Specs/clientgen.yaml")
            }
            runs.append(("clients listed in \(shipped.path)", ["generate", "--config", shipped.path]))
        }
        var failed = false
        for run in runs {
            print("generate-clients: \(run.label)")
            let process = Process()
            process.executableURL = tool
            process.arguments = run.arguments + (check ? ["--check"] : [])
            process.currentDirectoryURL = context.package.directoryURL
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 { failed = true }
        }
        if failed {
            throw PluginProblem(check ? "some generated files are out of date (listed above)" : "clientgen failed; see the diagnostics above")
        }
    }
}
