@testable import ClientGenCore
import Foundation
import Testing

/// Every real-world and example spec in `../shared/corpus` must load without errors (warnings are allowed).
@Suite struct ParserCorpusTests {
    static let specs: [String] = ParserFixtures.files(under: ParserFixtures.corpus, relativeTo: ParserFixtures.corpus)
        .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }

    /// The `operations` column of MANIFEST.txt, for specs without 3.2's `query` method.
    static let manifestOperationCounts: [String: Int] = {
        guard let text = try? String(contentsOf: ParserFixtures.corpus.appendingPathComponent("MANIFEST.txt"), encoding: .utf8) else { return [:] }
        var counts: [String: Int] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard columns.count > 10, !columns[8].hasPrefix("3.2"), let operations = Int(columns[10]) else { continue }
            counts[columns[0]] = operations
        }
        return counts
    }()

    /// Serialized, and each parse runs off the cooperative pool (`offPool`): the cases are seconds of CPU work
    /// that would otherwise starve the timer- and HTTP-driven tests in the same process.
    @Test(
        .enabled(if: ParserFixtures.corpusExists, "the spec corpus (../shared/corpus beside the package) is absent; skipping"),
        .serialized,
        arguments: specs
    )
    func specLoadsWithoutErrors(_ spec: String) async throws {
        let result = try await offPool {
            DocumentParser(sourceProvider: FolderSourceProvider(base: ParserFixtures.corpus)).parse(path: spec)
        }
        print("corpus: \(spec): \(result.errors.count) errors, \(result.warnings.count) warnings")
        for diagnostic in result.diagnostics.prefix(20) {
            print("  \(diagnostic)")
        }
        #expect(result.errors.map(\.description) == [], "\(spec) has errors")
        #expect(result.document != nil)
        if let document = result.document, let expected = Self.manifestOperationCounts[spec] {
            #expect(document.operations.count == expected, "MANIFEST.txt counts \(expected) operations")
        }
        if let document = result.document {
            // The parser promises a named schema for every reference anywhere in the document.
            let missing = ParserFixtures.allReferences(in: document).filter { document.namedSchema(for: $0) == nil }
            #expect(missing.map(\.text) == [], "references without a named schema")
        }
    }

    @Test(.enabled(if: ParserFixtures.corpusExists, "the spec corpus (../shared/corpus beside the package) is absent; skipping"))
    func corpusIsNotEmpty() {
        #expect(Self.specs.count >= 40)
    }
}
