@testable import ClientGenCore
import Testing

/// Block scalars whose first line is indented with spaces and then holds a tab: YAML allows them and libyaml
/// rejects them. Each case's expected value is what PyYAML's pure-Python loader (`yaml.SafeLoader`, 6.0.3)
/// reads from the same text, written as JSON; the cases it rejects must stay errors.
@Suite struct YAMLTabRepairTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        /// PyYAML's value, as `json.dumps` printed it.
        var json: String
        /// 1-based line and column of each tab the loader notes.
        var notes: [ClientGenCore.SourceLocation]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "literal", yaml: "a:\n  b: |\n    \tfirst\n    second\nc: 1\n",
             json: #"{"a": {"b": "\tfirst\nsecond\n"}, "c": 1}"#, notes: [ClientGenCore.SourceLocation(line: 3, column: 5)]),
        Case(name: "folded, the tab line more indented", yaml: "a: >\n  \tx\n  y\n\n  z\nb: 2\n",
             json: #"{"a": "\tx\ny\nz\n", "b": 2}"#, notes: [ClientGenCore.SourceLocation(line: 2, column: 3)]),
        Case(name: "blank lines first", yaml: "a: |\n\n   \n    \ttext\n    more\n",
             json: #"{"a": "\n\n\ttext\nmore\n"}"#, notes: [ClientGenCore.SourceLocation(line: 4, column: 5)]),
        Case(name: "sequence items", yaml: "list:\n  - |\n    \titem\n  - >-\n      \tdeep\n",
             json: #"{"list": ["\titem\n", "\tdeep"]}"#, notes: [ClientGenCore.SourceLocation(line: 3, column: 5), ClientGenCore.SourceLocation(line: 5, column: 7)]),
        Case(name: "indentless sequence", yaml: "list:\n- |\n  \titem\n",
             json: #"{"list": ["\titem\n"]}"#, notes: [ClientGenCore.SourceLocation(line: 3, column: 3)]),
        Case(name: "comment after the header", yaml: "a: | # note\n  \tx\n",
             json: #"{"a": "\tx\n"}"#, notes: [ClientGenCore.SourceLocation(line: 2, column: 3)]),
        Case(name: "two tabs, two scalars", yaml: "a: |\n  \t\tx\n  y\nb: |\n  \tz\n",
             json: #"{"a": "\t\tx\ny\n", "b": "\tz\n"}"#, notes: [ClientGenCore.SourceLocation(line: 2, column: 3), ClientGenCore.SourceLocation(line: 5, column: 3)]),
        Case(name: "keep chomping, deep", yaml: "x:\n  y:\n    z: |+\n      \tw\n\n",
             json: #"{"x": {"y": {"z": "\tw\n\n"}}}"#, notes: [ClientGenCore.SourceLocation(line: 4, column: 7)]),
        Case(name: "tab line alone, then text (Adyen)", yaml: "d: |-\n  \t\n  Date and time.\n  * Format\ne: 1\n",
             json: #"{"d": "\t\nDate and time.\n* Format", "e": 1}"#, notes: [ClientGenCore.SourceLocation(line: 2, column: 3)]),
        Case(name: "a key before with characters of two bytes", yaml: "é: |\n  \tx\nü: 1\n",
             json: #"{"é": "\tx\n", "ü": 1}"#, notes: [ClientGenCore.SourceLocation(line: 2, column: 3)]),
        Case(name: "CRLF line breaks", yaml: "a: |\r\n  \tx\r\n  y\r\nb: 1\r\n",
             json: #"{"a": "\tx\ny\n", "b": 1}"#, notes: [ClientGenCore.SourceLocation(line: 2, column: 3)]),
    ]

    @Test(arguments: cases)
    func readsWhatPyYAMLReads(_ testCase: Case) throws {
        let diagnostics = DiagnosticCollector()
        let root = try #require(YAMLLoader().load(testCase.yaml, file: "t.yaml", diagnostics: diagnostics), "\(diagnostics.diagnostics)")
        let expected = try YAMLLoader().load(testCase.json, file: "expected.json")
        #expect(JSONLiteral(root) == JSONLiteral(expected))
        #expect(diagnostics.diagnostics.map(\.severity) == testCase.notes.map { _ in Diagnostic.Severity.note })
        #expect(diagnostics.diagnostics.map(\.location) == testCase.notes)
    }

    /// Every node keeps the line and column it has in the file as written, and so do errors after the repair.
    @Test func positionsStayExact() throws {
        let root = try #require(try YAMLLoader().load("a:\n  b: | # a comment\n    \tfirst\n    second\nc: [1, 2]\n", file: "t.yaml").mapping)
        let b = try #require(root["a"]?.mapping?.entry("b"))
        #expect(b.keyLocation == ClientGenCore.SourceLocation(line: 2, column: 3))
        #expect(b.value.location == ClientGenCore.SourceLocation(line: 2, column: 6))
        let c = try #require(root.entry("c"))
        #expect(c.keyLocation == ClientGenCore.SourceLocation(line: 5, column: 1))
        #expect(c.value.sequence?.items[1].location == ClientGenCore.SourceLocation(line: 5, column: 8))

        let duplicate = YAMLErrors.first("é: |\n  \tx\nb: 1\nb: 2\n", severity: .warning)
        #expect(duplicate == "t.yaml:4:1: warning: duplicate key 'b' (first defined at 3:1); the later value is used")
        let syntax = YAMLErrors.first("a: |\n  \tx\nb: [1\n")
        #expect(syntax?.hasPrefix("t.yaml:4:1: error: YAML syntax error: did not find expected ',' or ']' while parsing a flow sequence that starts at 3:4") == true, "\(syntax ?? "")")
        let bytes = Array("a: |\n  \tx\nb: ".utf8) + [0xFF] + Array("\n".utf8)
        let diagnostics = DiagnosticCollector()
        #expect(YAMLLoader().load(bytes: bytes, file: "t.yaml", diagnostics: diagnostics) == nil)
        #expect(diagnostics.diagnostics.first?.description.hasPrefix("t.yaml:3:4: error: the file is not valid UTF-8 or UTF-16 text") == true, "\(diagnostics.diagnostics)")
    }

    /// PyYAML rejects these too: a blank line before the tab's holds more spaces than it, and a line after the
    /// tab's is less indented than the spaces before the tab (so the scalar ends and a stray line follows).
    @Test(arguments: [
        ("a: |\n      \n    \tx\n", "t.yaml:3:5: error: YAML syntax error: found a tab character where an indentation space is expected while scanning a block scalar that starts at 1:4 (tabs cannot indent YAML; use spaces)"),
        ("a:\n  b: |-\n      \t\n    x\n", "t.yaml:4:5: error: YAML syntax error: did not find expected key while parsing a block mapping that starts at 2:3"),
    ])
    func staysAnErrorWherePyYAMLRejectsIt(_ yaml: String, _ message: String) {
        #expect(YAMLErrors.first(yaml) == message)
    }
}

private enum YAMLErrors {
    static func first(_ text: String, severity: Diagnostic.Severity = .error) -> String? {
        let diagnostics = DiagnosticCollector()
        _ = YAMLLoader().load(text, file: "t.yaml", diagnostics: diagnostics)
        return diagnostics.diagnostics.first { $0.severity == severity }?.description
    }
}
