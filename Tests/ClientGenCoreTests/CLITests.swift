import Foundation
import Testing

/// Runs the built `clientgen` on every invalid fixture, as a user would, from the `Fixtures` folder so that
/// diagnostics name files as the `.expected` files do.
///
/// Each run is bounded: a hang guard kills the child after 30 s (a failure), and the child's peak resident
/// memory (`ru_maxrss` from `wait4`) must stay under 500 MB. Both are guards against hangs and runaway
/// allocation, not benchmarks; the figures include the Swift runtime and vary with the machine.
@Suite struct CLITests {
    static let fixtures = ParserFixtures.fixtures
    static let memoryLimit = 500 * 1024 * 1024

    struct Fixture: CustomTestStringConvertible, Sendable {
        var spec: String
        var expected: [String]
        var hasErrors: Bool { expected.contains { $0.contains(": error: ") } }
        var testDescription: String { spec }
    }

    static let invalidFixtures: [Fixture] = DiagnosticsFixtureTests.cases.compactMap { name in
        guard let spec = [".yaml", ".json"].map({ name + $0 }).first(where: {
            FileManager.default.fileExists(atPath: fixtures.appendingPathComponent($0).path)
        }) else { return nil }
        let text = (try? String(contentsOf: fixtures.appendingPathComponent(name + ".expected"), encoding: .utf8)) ?? ""
        return Fixture(spec: spec, expected: text.split(separator: "\n").map(String.init))
    }

    /// An output folder holding files with known content, hidden ones included.
    static func populatedOutput() throws -> URL {
        let root = try temporaryFolder("cli-out")
        let output = root.appendingPathComponent("Out")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("Nested"), withIntermediateDirectories: true)
        try Data("// hand-written; must survive a failed generate\n".utf8).write(to: output.appendingPathComponent("Client.swift"))
        try Data("struct Old {}\n".utf8).write(to: output.appendingPathComponent("Part1.Types.swift"))
        try Data([0, 1, 2, 255]).write(to: output.appendingPathComponent(".hidden"))
        try Data("notes\n".utf8).write(to: output.appendingPathComponent("Nested/notes.txt"))
        return output
    }

    static func expectBounded(_ outcome: ChildProcess.Outcome, _ what: String) {
        #expect(!outcome.timedOut, "\(what): clientgen ran longer than the hang guard and was killed")
        #expect(outcome.signal == nil, "\(what): clientgen died of signal \(outcome.signal ?? 0)")
        #expect(outcome.peakMemory < memoryLimit, "\(what): peak memory \(outcome.peakMemory / 1_048_576) MB")
    }

    @Test(arguments: invalidFixtures.filter(\.hasErrors))
    func invalidSpecFailsAndWritesNothing(_ fixture: Fixture) async throws {
        let output = try Self.populatedOutput()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let before = folderSnapshot(output.deletingLastPathComponent())

        let outcome = try await ChildProcess.clientgen(["generate", fixture.spec, "--output", output.path, "--module", "M"], in: Self.fixtures)

        Self.expectBounded(outcome, fixture.spec)
        #expect(outcome.status == 1)
        let expected = fixture.expected + ["clientgen: nothing was written because of the errors above"]
        if outcome.stderrLines != expected {
            Issue.record("stderr of \(fixture.spec) differs:\n\(DiagnosticsFixtureTests.lineDiff(expected: expected, actual: outcome.stderrLines))")
        }
        #expect(outcome.stdout.isEmpty)
        // Byte for byte, with no temporary files left beside the outputs.
        #expect(folderSnapshot(output.deletingLastPathComponent()) == before)
    }

    /// Specs with warnings only generate; the warnings are printed and the exit status is 0.
    @Test(arguments: invalidFixtures.filter { !$0.hasErrors })
    func warningsOnlySpecGenerates(_ fixture: Fixture) async throws {
        let output = try Self.populatedOutput()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }

        let outcome = try await ChildProcess.clientgen(["generate", fixture.spec, "--output", output.path, "--module", "M"], in: Self.fixtures)

        Self.expectBounded(outcome, fixture.spec)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderrLines == fixture.expected)
        let written = try FileManager.default.contentsOfDirectory(atPath: output.path)
        #expect(written.filter { $0.contains(".clientgen-") }.isEmpty, "temporary files left: \(written)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("Nested/notes.txt").path))
    }

    /// Files named as earlier versions named them would declare every type a second time: a run removes the
    /// ones clientgen wrote, `--check` reports them, and a hand-written file of such a name is left alone.
    @Test func filesEarlierVersionsGeneratedAreRemoved() async throws {
        let root = try temporaryFolder("cli-retired")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let retired = output.appendingPathComponent("Operations1.swift")
        let handWritten = output.appendingPathComponent("Types2.swift")
        try Data("// Generated by clientgen from old.yaml; do not edit.\nstruct Old {}\n".utf8).write(to: retired)
        try Data("// Mine.\nstruct Mine {}\n".utf8).write(to: handWritten)
        let spec = Self.fixtures.appendingPathComponent("Generation/repeated-enums.yaml").path
        let arguments = ["generate", spec, "--output", output.path, "--module", "M"]

        let check = try await ChildProcess.clientgen(arguments + ["--check"], in: Self.fixtures)
        #expect(check.status == 1)
        #expect(check.stdout.contains("stale: \(retired.path)"), "\(check.stdout)")
        #expect(FileManager.default.fileExists(atPath: retired.path))

        let outcome = try await ChildProcess.clientgen(arguments, in: Self.fixtures)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("clientgen: removed 1 file(s) that earlier versions generated\n  \(retired.path)"), "\(outcome.stdout)")
        #expect(!FileManager.default.fileExists(atPath: retired.path))
        #expect(try String(contentsOf: handWritten, encoding: .utf8) == "// Mine.\nstruct Mine {}\n")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("Part1.Types.swift").path))
    }

    /// A config with misspelt keys is refused with every key's location, and nothing is generated.
    @Test func configWithUnknownKeysFails() async throws {
        let folder = try temporaryFolder("cli-config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = try String(contentsOf: Self.fixtures.appendingPathComponent("Generation/name-collisions.yaml"), encoding: .utf8)
        try spec.write(to: folder.appendingPathComponent("api.yaml"), atomically: true, encoding: .utf8)
        try """
        clients:
          - spec: api.yaml
            module: Collisions
            output: Out
            acess: internal
        verbose: true

        """.write(to: folder.appendingPathComponent("clientgen.yaml"), atomically: true, encoding: .utf8)

        let outcome = try await ChildProcess.clientgen(["generate", "--config", "clientgen.yaml"], in: folder)

        Self.expectBounded(outcome, "config")
        #expect(outcome.status == 1)
        #expect(outcome.stderrLines == [
            "clientgen.yaml:5:5: error: unknown key 'acess'; expected one of 'access', 'filter', 'module', 'operations', 'output', 'spec', 'strict', 'templates' [#/clients/0/acess]",
            "clientgen.yaml:6:1: error: unknown key 'verbose'; expected one of 'clients' [#/verbose]",
        ])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path))
    }

    /// `lint` runs every stage `generate` runs, so it prints exactly what `generate` reports, translation's
    /// warnings included (a pages method whose link is not in the response), and writes nothing.
    @Test func lintReportsWhatGenerateReports() async throws {
        let spec = "Generation/extension-warnings.yaml"
        let folder = try temporaryFolder("cli-lint")
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = folderSnapshot(Self.fixtures)

        let lint = try await ChildProcess.clientgen(["lint", spec], in: Self.fixtures)
        let generate = try await ChildProcess.clientgen(["generate", spec, "--output", folder.appendingPathComponent("Out").path, "--module", "M"], in: Self.fixtures)

        #expect(lint.status == 0, "\(lint.stdout)")
        #expect(generate.status == 0, "\(generate.stderr)")
        let lines = lint.stdout.split(separator: "\n").map(String.init)
        #expect(lines.last == "\(spec): 0 errors, 6 warnings")
        #expect(Array(lines.dropLast()) == generate.stderrLines)
        #expect(lines.contains { $0.hasPrefix("\(spec):7:7: warning: x-clientgen-pagination: 'links.nxt' is not an optional string in the response") })
        #expect(folderSnapshot(Self.fixtures) == before)
    }

    /// Usage errors exit 64 (EX_USAGE) and write nothing.
    @Test(arguments: [
        ["generate", "Invalid/missing-openapi.yaml"],
        ["generate", "Invalid/missing-openapi.yaml", "--output", "Out"],
        ["generate", "Invalid/missing-openapi.yaml", "--output", "Out", "--module", "1Bad"],
        ["generate", "--no-such-flag"],
        ["frobnicate"],
        ["lint"],
    ])
    func usageErrorsExit64(_ arguments: [String]) async throws {
        let before = folderSnapshot(Self.fixtures)
        let outcome = try await ChildProcess.clientgen(arguments, in: Self.fixtures)
        Self.expectBounded(outcome, arguments.joined(separator: " "))
        #expect(outcome.status == 64, "\(outcome.stderr)")
        #expect(!outcome.stderr.isEmpty)
        #expect(folderSnapshot(Self.fixtures) == before)
    }

    /// 50 MB of valid-looking YAML (generated here, not committed) with a syntax error on its last line: the
    /// error is reported at the right line within the guards. Descriptions of a few hundred characters, as in
    /// large real specs; the guard is 120 s because a debug build on a busy machine loads 50 MB slowly.
    @Test func fiftyMegabyteSpecWithASyntaxErrorAtTheEnd() async throws {
        let folder = try temporaryFolder("cli-huge")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Building 50 MB of text takes seconds in a debug build: on the cooperative pool it would stall the HTTP tests.
        let lines = try await offPool { () throws -> Int in
            let description = String(String(repeating: "lorem ipsum dolor sit amet ", count: 20).prefix(500))
            var text = "openapi: 3.0.3\ninfo: {title: Huge, version: \"1\"}\npaths: {}\ncomponents:\n  schemas:\n"
            var lines = 5
            var index = 0
            while text.utf8.count < 50 * 1024 * 1024 {
                text += "    Schema\(index):\n      type: object\n      description: \"\(description)\"\n      properties:\n        id: {type: string, format: uuid}\n        name: {type: string}\n"
                lines += 6
                index += 1
            }
            text += "    Broken: {type: string\n"
            lines += 1
            try text.write(to: folder.appendingPathComponent("huge.yaml"), atomically: true, encoding: .utf8)
            return lines
        }
        let output = folder.appendingPathComponent("Out")

        let outcome = try await ChildProcess.clientgen(["generate", "huge.yaml", "--output", "Out", "--module", "Huge"], in: folder, timeout: .seconds(120))

        Self.expectBounded(outcome, "50 MB spec")
        #expect(outcome.status == 1)
        #expect(outcome.stderrLines.first?.hasPrefix("huge.yaml:\(lines + 1):1: error: YAML syntax error: did not find expected ',' or '}' while parsing a flow mapping that starts at \(lines):13") == true, "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// A config's clients are all written or none is: one spec with errors, wherever it is listed, leaves every
    /// output folder as it was, the good clients' included.
    @Test(arguments: [0, 1, 2])
    func configWithOneBrokenSpecWritesNoClient(brokenIndex: Int) async throws {
        let folder = try temporaryFolder("cli-all-or-nothing")
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try String(contentsOf: Self.fixtures.appendingPathComponent("Generation/repeated-enums.yaml"), encoding: .utf8)
        try good.write(to: folder.appendingPathComponent("good.yaml"), atomically: true, encoding: .utf8)
        try "openapi: 3.0.3\ninfo: {title: Broken, version: '1'}\n".write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        var clients = ["First", "Second", "Third"].map { "  - spec: good.yaml\n    module: \($0)\n    output: Out/\($0)\n" }
        clients[brokenIndex] = "  - spec: broken.yaml\n    module: Broken\n    output: Out/Broken\n"
        try ("clients:\n" + clients.joined()).write(to: folder.appendingPathComponent("clientgen.yaml"), atomically: true, encoding: .utf8)

        let outcome = try await ChildProcess.clientgen(["generate", "--config", "clientgen.yaml"], in: folder)

        Self.expectBounded(outcome, "config")
        #expect(outcome.status == 1)
        #expect(outcome.stderrLines == [
            "broken.yaml:1:1: error: the document has no 'paths'",
            "clientgen: nothing was written because of the errors above",
        ])
        #expect(outcome.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path), "a client was written: \(folderSnapshot(folder).keys.sorted())")
    }

    /// `--strict` makes defects the spec is generated around errors; warnings about what ClientGen does not
    /// support stay warnings.
    @Test func strictMakesLocalDefectsErrors() async throws {
        let spec = "Invalid/unsupported-features.yaml"
        let expected = try #require(Self.invalidFixtures.first { $0.spec == spec }).expected
        let output = try Self.populatedOutput()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let before = folderSnapshot(output.deletingLastPathComponent())

        let outcome = try await ChildProcess.clientgen(["generate", spec, "--output", output.path, "--module", "M", "--strict"], in: Self.fixtures)

        Self.expectBounded(outcome, spec)
        #expect(outcome.status == 1)
        #expect(outcome.stderrLines == [expected[0].replacingOccurrences(of: ": warning: ", with: ": error: ")] + expected.dropFirst() + [
            "clientgen: nothing was written because of the errors above",
        ])
        #expect(expected[0].contains("is listed twice; the first is used"))
        #expect(folderSnapshot(output.deletingLastPathComponent()) == before)
    }

    /// `--strict` reaches Swagger 2.0's defects too, in the sections the conversion moves (shared parameters and
    /// responses, definitions): each becomes an error where the Swagger text has it, and nothing is written.
    @Test func strictMakesSwagger2DefectsErrors() async throws {
        let spec = "Invalid/swagger2-moved-defects.yaml"
        let expected = try #require(Self.invalidFixtures.first { $0.spec == spec }).expected
        #expect(expected.count == 4)
        #expect(expected.allSatisfy { $0.contains(": warning: ") })
        let output = try Self.populatedOutput()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let before = folderSnapshot(output.deletingLastPathComponent())

        let outcome = try await ChildProcess.clientgen(["generate", spec, "--output", output.path, "--module", "M", "--strict"], in: Self.fixtures)

        Self.expectBounded(outcome, spec)
        #expect(outcome.status == 1)
        #expect(outcome.stderrLines == expected.map { $0.replacingOccurrences(of: ": warning: ", with: ": error: ") } + [
            "clientgen: nothing was written because of the errors above",
        ])
        #expect(outcome.stdout.isEmpty)
        #expect(folderSnapshot(output.deletingLastPathComponent()) == before)
    }

    /// `strict: true` in a config does for its client what `--strict` does, and so stops the others too.
    @Test func strictKeyInConfig() async throws {
        let folder = try temporaryFolder("cli-strict-config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let defective = try String(contentsOf: Self.fixtures.appendingPathComponent("Invalid/path-parameters.yaml"), encoding: .utf8)
        try defective.write(to: folder.appendingPathComponent("api.yaml"), atomically: true, encoding: .utf8)
        let config = "clients:\n  - spec: api.yaml\n    module: Lenient\n    output: Out/Lenient\n  - spec: api.yaml\n    module: Strict\n    output: Out/Strict\n    strict: true\n"
        try config.write(to: folder.appendingPathComponent("clientgen.yaml"), atomically: true, encoding: .utf8)

        let outcome = try await ChildProcess.clientgen(["generate", "--config", "clientgen.yaml"], in: folder)

        #expect(outcome.status == 1)
        let lenient = outcome.stderrLines.filter { $0.contains(": warning: ") }
        let strict = outcome.stderrLines.filter { $0.contains(": error: ") }
        #expect(lenient.count == 5)
        #expect(strict == lenient.map { $0.replacingOccurrences(of: ": warning: ", with: ": error: ") })
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path))

        try config.replacingOccurrences(of: "strict: true", with: "strict: false").write(to: folder.appendingPathComponent("clientgen.yaml"), atomically: true, encoding: .utf8)
        let relaxed = try await ChildProcess.clientgen(["generate", "--config", "clientgen.yaml"], in: folder)
        #expect(relaxed.status == 0, "\(relaxed.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out/Strict/Client.swift").path))
    }
}
