@testable import ClientGenCore
import Foundation
import Testing

/// Every JSON response example the shared corpus documents, and that its own schema accepts, decodes through the
/// generated method and encodes back to the example: a client that decodes real payloads and loses data fails here.
///
/// The judges are independent of ClientGen: openapi-schema-validator decides which examples are valid, and
/// `Examples/documented_examples.py` compares what comes back with what was sent. Each spec's client is generated
/// for the paths that have examples, compiled with a driver whose transport answers every call with the example,
/// and run; the build is kept in `.build-examples/` and redone only when its sources change.
@Suite(.serialized) struct DocumentedExamplesTests {
    static let script = ParserFixtures.testsFolder.appendingPathComponent("Examples/documented_examples.py")
    static let packageRoot = ParserFixtures.testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let scratch = packageRoot.appendingPathComponent(".build-examples")
    /// `CLIENTGEN_EXAMPLES_CORPUS=DIR` checks the specs under DIR instead (the extracted APIs.guru archives in
    /// `.build-compat/apis-guru/openapi3`, say), to look for kinds of loss the shared corpus does not show.
    static let corpus = ProcessInfo.processInfo.environment["CLIENTGEN_EXAMPLES_CORPUS"].map { URL(fileURLWithPath: $0) }
    static var specs: [String] {
        guard let corpus else { return ParserCorpusTests.specs.filter { !$0.hasPrefix("apis-guru/") } }
        return ParserFixtures.files(under: corpus, relativeTo: corpus).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
    }

    struct Manifest: Decodable {
        var entries: [DocumentedExample]
    }

    struct Verdict: Decodable {
        var valid: Int
        var decoded: Int
        var roundTrip: Int
        var failures: [Failure]

        struct Failure: Decodable {
            var example: String
            var stage: String
            var problem: String
        }
    }

    @Test(.enabled(if: ParserFixtures.corpusExists, "the spec corpus (../shared/corpus beside the package) is absent; skipping"))
    func documentedExamplesDecodeAndRoundTrip() async throws {
        let python = try await ChildProcess.run("python3", ["-c", "import yaml, openapi_schema_validator"], in: Self.packageRoot)
        try #require(python.status == 0, "the example judges need python3 with PyYAML and openapi-schema-validator (pip install pyyaml openapi-schema-validator): \(python.stderr)")
        var valid = 0, decoded = 0, roundTrip = 0
        for spec in Self.specs {
            let verdict: Verdict?
            do {
                verdict = try await check(spec)
            } catch {
                // One spec that cannot be checked is that spec's failure; the others are still checked and counted.
                if !(error is ExpectationFailedError) { Issue.record(error, "\(spec)") }
                continue
            }
            guard let verdict else { continue }
            valid += verdict.valid
            decoded += verdict.decoded
            roundTrip += verdict.roundTrip
            print("examples: \(spec): \(verdict.valid) valid, \(verdict.decoded) decode, \(verdict.roundTrip) round trip")
            for failure in verdict.failures.prefix(25) {
                print("  \(failure.stage): \(failure.example): \(failure.problem)")
            }
            if verdict.failures.count > 25 { print("  … and \(verdict.failures.count - 25) more") }
        }
        print("documented examples decode: \(decoded)/\(valid), round trip: \(roundTrip)/\(decoded)")
        if Self.corpus == nil {
            #expect(valid > 1000, "the corpus documents over a thousand valid examples; fewer means the extraction broke")
        }
        #expect(decoded == valid)
        #expect(roundTrip == decoded)
    }

    /// Nil when the spec documents no valid JSON response example.
    private func check(_ spec: String) async throws -> Verdict? {
        let base = Self.corpus ?? ParserFixtures.corpus
        let specURL = base.appendingPathComponent(spec)
        let folder = Self.scratch.appendingPathComponent(spec.replacingOccurrences(of: "/", with: "__"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let extracted = try await ChildProcess.run("python3", [Self.script.path, "extract", specURL.path], in: folder, timeout: .seconds(600))
        guard extracted.status == 0 else {
            Issue.record("\(spec): the extractor failed: \(extracted.stderr.suffix(1000))")
            return nil
        }
        let manifestURL = folder.appendingPathComponent("manifest.json")
        try Data(extracted.stdout.utf8).write(to: manifestURL)
        let examples = try JSONDecoder().decode(Manifest.self, from: Data(extracted.stdout.utf8)).entries.filter(\.valid)
        guard !examples.isEmpty else { return nil }

        let paths = Array(Set(examples.map(\.path))).sorted()
        let (module, files, problems) = try await offPool { () throws -> (SwiftModule?, [GeneratedFile]?, String) in
            let diagnostics = DiagnosticCollector()
            let generator = Generator(sourceProvider: FolderSourceProvider(base: base))
            let options = GenerationOptions(moduleName: "ExampleClient", specName: spec, filter: DocumentFilter(paths: paths))
            let bytes = Array(try Data(contentsOf: specURL))
            let errors = { diagnostics.diagnostics.filter { $0.severity == .error }.prefix(5).map { "\($0)" }.joined(separator: "; ") }
            guard let module = generator.translate(file: spec, bytes: bytes, options: options, diagnostics: diagnostics) else { return (nil, nil, errors()) }
            let viewModel = ViewModelBuilder(moduleName: options.moduleName, access: options.access, specName: spec).build(module)
            return (module, generator.renderer.render(viewModel, diagnostics: diagnostics), errors())
        }
        let generated = try #require(module, "\(spec) does not translate: \(problems)")
        let driver = ExampleDriver(generated)
        let checks = examples.map { ($0, driver.check(for: $0)) }
        var sources = try #require(files, "\(spec) does not render: \(problems)").map { ($0.name, $0.contents) }
        sources.append(("ExampleChecks.swift", driver.source(for: checks)))

        let executable = try await build(sources, in: folder, spec: spec)
        let answersURL = folder.appendingPathComponent("answers.json")
        try Self.answersJSON(examples).write(to: answersURL)
        let resultsURL = folder.appendingPathComponent("results.jsonl")
        try? FileManager.default.removeItem(at: resultsURL)
        let run = try await ChildProcess.run(executable.path, [answersURL.path, resultsURL.path], in: folder, timeout: .seconds(600))
        try #require(run.status == 0, "\(spec): the driver failed (\(run.signal.map { "signal \($0)" } ?? "status \(run.status ?? -1)")): \(run.stderr.suffix(2000))")
        // Examples the generated code cannot decode at all are reported without running anything.
        var results = try String(contentsOf: resultsURL, encoding: .utf8)
        for case let (example, .cannotDecode(reason)) in checks {
            let line = try JSONSerialization.data(withJSONObject: ["id": example.id, "outcome": "failed", "error": reason])
            results += String(decoding: line, as: UTF8.self) + "\n"
        }
        try Data(results.utf8).write(to: resultsURL)

        let judged = try await ChildProcess.run("python3", [Self.script.path, "judge", specURL.path, manifestURL.path, resultsURL.path], in: folder, timeout: .seconds(600))
        try #require(judged.status == 0, "\(spec): the judge failed: \(judged.stderr)")
        return try JSONDecoder().decode(Verdict.self, from: Data(judged.stdout.utf8))
    }

    private static func answersJSON(_ examples: [DocumentedExample]) throws -> Data {
        var answers: [String: Any] = [:]
        for example in examples {
            answers[example.id] = ["answerStatus": example.answerStatus, "mediaType": example.mediaType, "body": example.body]
        }
        return try JSONSerialization.data(withJSONObject: answers)
    }

    /// Compiles the generated client and the driver against the ClientRuntime this test run built, unless the same
    /// sources were compiled against the same runtime before.
    private func build(_ sources: [(String, String)], in folder: URL, spec: String) async throws -> URL {
        let products = URL(fileURLWithPath: ChildProcess.clientgen).deletingLastPathComponent()
        let runtimeObjects = try FileManager.default.contentsOfDirectory(atPath: products.appendingPathComponent("ClientRuntime.build").path)
            .filter { $0.hasSuffix(".o") }.sorted()
            .map { products.appendingPathComponent("ClientRuntime.build").appendingPathComponent($0).path }
        try #require(!runtimeObjects.isEmpty, "no ClientRuntime objects in \(products.path)")
        let sourceFolder = folder.appendingPathComponent("Sources")
        try? FileManager.default.removeItem(at: sourceFolder)
        try FileManager.default.createDirectory(at: sourceFolder, withIntermediateDirectories: true)
        var inputs: [String] = []
        for (name, contents) in sources.sorted(by: { $0.0 < $1.0 }) {
            try Data(contents.utf8).write(to: sourceFolder.appendingPathComponent(name))
            inputs += [name, contents]
        }
        for object in runtimeObjects {
            let attributes = try FileManager.default.attributesOfItem(atPath: object)
            inputs.append("\(object) \(attributes[.size] ?? 0) \((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)")
        }
        // The same in every process, unlike Swift's `Hasher`; NUL cannot occur in the inputs, so it separates them.
        let stamp = String(FileLayout.fnv1a(inputs.joined(separator: "\u{0}")), radix: 16)
        let executable = folder.appendingPathComponent("check")
        let stampURL = folder.appendingPathComponent("stamp")
        if FileManager.default.isExecutableFile(atPath: executable.path),
           (try? String(contentsOf: stampURL, encoding: .utf8)) == stamp {
            return executable
        }
        try? FileManager.default.removeItem(at: stampURL)
        let arguments = ["-swift-version", "6", "-Onone", "-parse-as-library", "-module-name", "ExampleClient", "-j2",
                         "-I", GenerationNamingTests.modules.path, "-o", executable.path]
            + sources.map { sourceFolder.appendingPathComponent($0.0).path } + runtimeObjects
        let compiled = try await ChildProcess.run("swiftc", arguments, in: folder, timeout: .seconds(2400))
        try #require(compiled.status == 0, "\(spec): the generated client and its driver do not compile:\n\(compiled.stderr.prefix(4000))")
        try Data(stamp.utf8).write(to: stampURL)
        return executable
    }
}
