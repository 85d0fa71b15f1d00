import ClientGenCore
import Foundation
import Testing

/// Generated output, file for file: the fixture specs in `Tests/GoldenSpecs/` against `Tests/Goldens/`, and
/// the shipped specs in `Specs/` against the committed clients in `Sources/`.
@Suite struct GoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var spec: URL
        var options: GenerationOptions
        var expected: URL
        var testDescription: String { options.moduleName }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtureCases: [Case] = {
        let folder = packageRoot.appendingPathComponent("Tests/GoldenSpecs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted().map { name in
            let module = "Golden" + name.split(separator: ".")[0].split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            return Case(spec: folder.appendingPathComponent(name), options: GenerationOptions(moduleName: module, specName: name), expected: packageRoot.appendingPathComponent("Tests/Goldens/\(module)"))
        }
    }()

    static let shippedCases: [Case] = {
        let config = packageRoot.appendingPathComponent("Specs/clientgen.yaml")
        guard let data = try? Data(contentsOf: config), let parsed = GeneratorConfig.parse(file: "Specs/clientgen.yaml", bytes: Array(data)).config else {
            return []
        }
        let specs = packageRoot.appendingPathComponent("Specs")
        return parsed.clients.map { client in
            Case(spec: specs.appendingPathComponent(client.spec), options: client.generationOptions, expected: specs.appendingPathComponent(client.output).standardizedFileURL)
        }
    }()

    @Test func everyFixtureHasACompiledGoldenModule() throws {
        let package = try String(contentsOf: Self.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        for fixture in Self.fixtureCases {
            #expect(package.contains("\"\(fixture.options.moduleName)\""), "add \(fixture.options.moduleName) to goldenModules in Package.swift so its golden output is compiled")
        }
        #expect(Self.shippedCases.count == 5)
    }

    @Test(arguments: fixtureCases + shippedCases)
    func generatedFilesMatch(_ golden: Case) async throws {
        let folder = golden.spec.deletingLastPathComponent()
        let provider = FolderSourceProvider(base: folder)
        let generator = Generator(sourceProvider: provider)
        let bytes = Array(try Data(contentsOf: golden.spec))
        // A shipped spec takes seconds to generate in a debug build; on the cooperative pool that would stall the
        // HTTP tests running beside it.
        let result = try await offPool {
            generator.generate(file: golden.spec.lastPathComponent, bytes: bytes, options: golden.options)
        }
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        let files = try #require(result.files)
        #expect(files.map(\.name) == FileLayout.fileNames())
        try GoldenFiles.assertMatches(files, directory: golden.expected)
    }
}
