@testable import ClientGenCore
import Foundation
import Testing

/// The generated files depend on the spec's meaning only: not on the working directory, on whether the spec is
/// named by a relative or an absolute path, nor on the order of keys whose order carries no meaning.
@Suite struct DeterminismTests {
    static let packageRoot = ParserFixtures.testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let shippedSpecs = ["allium", "dune", "polytomic", "roe", "trigger-v3"]
    /// A large real spec from `../shared/corpus`, when that folder is there.
    static let corpusSpec = ParserFixtures.corpus.appendingPathComponent("real-world/box-openapi.json")

    @Test(arguments: shippedSpecs)
    func shippedSpecGeneratesTheSameEverywhere(_ name: String) async throws {
        try await Self.expectDeterministic(spec: Self.packageRoot.appendingPathComponent("Specs/\(name).yaml"), relativeFrom: Self.packageRoot, module: "M")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpusSpec.path), "no ../shared/corpus/real-world/box-openapi.json beside the package; the large-spec case is skipped"))
    func largeCorpusSpecGeneratesTheSameEverywhere() async throws {
        try await Self.expectDeterministic(spec: Self.corpusSpec, relativeFrom: ParserFixtures.corpus, module: "Box", timeout: .seconds(600))
    }

    /// Generates `spec` three ways with the CLI and expects byte-identical folders: by a relative path from
    /// `relativeFrom`; by its absolute path from an unrelated working directory; and from a copy whose
    /// unordered keys are reversed (re-emitted as JSON, which is YAML too).
    static func expectDeterministic(spec: URL, relativeFrom base: URL, module: String, timeout: Duration = .seconds(120)) async throws {
        let scratch = try temporaryFolder("determinism")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let basePath = base.standardizedFileURL.path + "/"
        let relative = String(spec.standardizedFileURL.path.dropFirst(basePath.count))

        let first = scratch.appendingPathComponent("first")
        let fromBase = try await ChildProcess.clientgen(["generate", relative, "--output", first.path, "--module", module], in: base, timeout: timeout)
        #expect(fromBase.status == 0, "\(fromBase.stderr)")

        let elsewhere = scratch.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let second = fromBase.status == 0 ? try await ChildProcess.clientgen(["generate", spec.path, "--output", "out", "--module", module], in: elsewhere, timeout: timeout) : fromBase
        #expect(second.status == 0, "\(second.stderr)")

        let reordered = scratch.appendingPathComponent("reordered")
        try FileManager.default.createDirectory(at: reordered, withIntermediateDirectories: true)
        // Loading and re-emitting a large spec is seconds of work, kept off the cooperative pool.
        let (root, json) = try await offPool {
            let root = try YAMLLoader().load(bytes: Array(try Data(contentsOf: spec)), file: spec.lastPathComponent)
            var json = ""
            ReorderingEmitter.emit(root, path: [], into: &json)
            return (root, json)
        }
        // The reversal took place: 'openapi' leads every spec here and no longer does.
        #expect(root.mapping?.keys.first == "openapi" && !json.hasPrefix("{\"openapi\""))
        try json.write(to: reordered.appendingPathComponent(spec.lastPathComponent), atomically: true, encoding: .utf8)
        let third = try await ChildProcess.clientgen(["generate", spec.lastPathComponent, "--output", "out", "--module", module], in: reordered, timeout: timeout)
        #expect(third.status == 0, "\(third.stderr)")

        let expected = folderSnapshot(first)
        #expect(!expected.isEmpty)
        Self.expectSame(expected, folderSnapshot(elsewhere.appendingPathComponent("out")), "absolute path from another directory")
        Self.expectSame(expected, folderSnapshot(reordered.appendingPathComponent("out")), "keys reordered")
    }

    static func expectSame(_ expected: [String: Data], _ actual: [String: Data], _ what: String) {
        #expect(expected.keys.sorted() == actual.keys.sorted(), "\(what): different files")
        for name in expected.keys.sorted() where expected[name] != actual[name] {
            let lines = { (data: Data?) in String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            let diff = DiagnosticsFixtureTests.lineDiff(expected: lines(expected[name]), actual: lines(actual[name]))
            Issue.record("\(what): \(name) differs:\n\(diff.prefix(3000))")
        }
    }
}

/// Writes a YAML tree as JSON, reversing the order of entries where OpenAPI gives order no meaning: the
/// top-level keys, paths, the keys of a path item (its methods), responses, components and each kind of
/// component (schemas, parameters, security schemes, ...), and the top-level tags. Properties, enum values,
/// parameters and allOf/anyOf/oneOf lists keep their order.
enum ReorderingEmitter {
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"]

    static func reversesEntries(at path: [String]) -> Bool {
        switch path.count {
        case 0: true
        case 1: path[0] == "paths" || path[0] == "components" || path[0] == "webhooks"
        case 2: path[0] == "paths" || path[0] == "components" || path[0] == "webhooks"
        case 4: (path[0] == "paths" || path[0] == "webhooks") && methods.contains(path[2]) && path[3] == "responses"
        default: false
        }
    }

    static func emit(_ node: YAMLNode, path: [String], into out: inout String) {
        switch node {
        case .scalar(let scalar):
            out += literal(scalar)
        case .sequence(let sequence):
            let items = path == ["tags"] ? Array(sequence.items.reversed()) : sequence.items
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                emit(item, path: path + [String(index)], into: &out)
            }
            out += "]"
        case .mapping(let mapping):
            let entries = reversesEntries(at: path) ? Array(mapping.entries.reversed()) : mapping.entries
            out += "{"
            for (index, entry) in entries.enumerated() {
                if index > 0 { out += ",\n" }
                out += string(entry.key) + ":"
                emit(entry.value, path: path + [entry.key], into: &out)
            }
            out += "}"
        }
    }

    static func literal(_ scalar: YAMLScalar) -> String {
        guard scalar.style == .plain, scalar.tag == nil else { return string(scalar.value) }
        if scalar.isNull { return "null" }
        if let bool = scalar.bool { return bool ? "true" : "false" }
        if scalar.int != nil || scalar.double != nil {
            // JSON takes the number as written when it is JSON-shaped (keeping 1.50 as 1.50), else normalized.
            if scalar.value.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil {
                return scalar.value
            }
            if let int = scalar.int { return String(int) }
            if let double = scalar.double, double.isFinite { return String(double) }
        }
        return string(scalar.value)
    }

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
