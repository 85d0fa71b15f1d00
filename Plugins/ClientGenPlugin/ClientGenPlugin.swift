import Foundation
import PackagePlugin

/// Generates a client inside the target that holds an OpenAPI spec (`openapi.yaml`, `openapi.yml` or
/// `openapi.json`) and a `clientgen.yaml`, at build time. The command declares every file it reads (the spec,
/// the config, every file the spec reaches through `$ref`, the templates folder's `.mustache` files) and the
/// fixed set of files it writes, so SwiftPM runs it again only when one of those inputs changes.
@main
struct ClientGenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL
        guard let job = try GenerationJob.find(in: folder, targetName: target.name) else { return [] }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
        return [
            .buildCommand(
                displayName: "Generating client \(target.moduleName) from \(job.spec.lastPathComponent)",
                executable: try context.tool(named: "clientgen").url,
                arguments: job.arguments(output: output, module: target.moduleName),
                inputFiles: job.inputs,
                outputFiles: GenerationJob.fileNames.map { output.appendingPathComponent($0) }
            ),
        ]
    }
}
