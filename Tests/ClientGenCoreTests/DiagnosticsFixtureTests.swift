@testable import ClientGenCore
import Foundation
import Testing

/// Each `Fixtures/Invalid/name.yaml` (or `.json`) beside a `name.expected` must produce exactly the diagnostic
/// lines the expected file holds, with file names relative to `Fixtures`. Files in subfolders are only referred to.
@Suite struct DiagnosticsFixtureTests {
    static let invalid = ParserFixtures.fixtures.appendingPathComponent("Invalid")

    static let cases: [String] = ParserFixtures.files(under: invalid, relativeTo: ParserFixtures.fixtures)
        .filter { $0.hasSuffix(".expected") }
        .map { String($0.dropLast(".expected".count)) }

    @Test func thereAreEnoughFixtures() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func diagnosticsMatchExpected(_ name: String) throws {
        let provider = try ParserFixtures.provider(for: Self.invalid, relativeTo: ParserFixtures.fixtures)
        let spec = [".yaml", ".json"].map { name + $0 }.first { provider.files[$0] != nil }
        let path = try #require(spec, "no spec beside \(name).expected")
        let expectedText = try String(contentsOf: ParserFixtures.fixtures.appendingPathComponent(name + ".expected"), encoding: .utf8)
        let expected = expectedText.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)

        let result = DocumentParser(sourceProvider: provider).parse(path: path)
        let actual = result.diagnostics.map(\.description)
        if actual != expected {
            Issue.record("diagnostics of \(path) differ from \(name).expected:\n\(Self.lineDiff(expected: expected, actual: actual))")
        }
        if expected.contains(where: { $0.contains(": error: ") }) {
            #expect(result.document == nil)
        }
    }

    /// `-` for expected lines missing from the output, `+` for lines the output has in excess.
    static func lineDiff(expected: [String], actual: [String]) -> String {
        let difference = actual.difference(from: expected)
        var lines: [String] = []
        for change in difference {
            switch change {
            case .remove(_, let line, _): lines.append("- \(line)")
            case .insert(_, let line, _): lines.append("+ \(line)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
