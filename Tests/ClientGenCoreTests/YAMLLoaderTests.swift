@testable import ClientGenCore
import Testing

@Suite struct YAMLLoaderTests {
    private func load(_ text: String) throws -> YAMLNode {
        try YAMLLoader().load(text, file: "t.yaml")
    }

    private func error(_ text: String, loader: YAMLLoader = YAMLLoader()) -> String? {
        do {
            _ = try loader.load(text, file: "t.yaml")
            return nil
        } catch {
            return error.diagnostics.first?.description
        }
    }

    @Test func positionsOfScalarsKeysAndCollections() throws {
        let root = try load("openapi: 3.0.2\npaths:\n  /a:\n    get: {}\nlist:\n  - x\n  - 'y'\n")
        let mapping = try #require(root.mapping)
        #expect(mapping.location == SourceLocation(line: 1, column: 1))
        let paths = try #require(mapping.entry("paths"))
        #expect(paths.keyLocation == SourceLocation(line: 2, column: 1))
        #expect(paths.value.location == SourceLocation(line: 3, column: 3))
        let get = try #require(paths.value.mapping?["/a"]?.mapping?.entry("get"))
        #expect(get.keyLocation == SourceLocation(line: 4, column: 5))
        #expect(get.value.location == SourceLocation(line: 4, column: 10))
        let list = try #require(mapping["list"]?.sequence)
        #expect(list.items[1].location == SourceLocation(line: 7, column: 5))
        #expect(list.items[1].scalar?.style == .singleQuoted)
        #expect(mapping["openapi"]?.scalar?.value == "3.0.2")
    }

    @Test func integerKeysStayStrings() throws {
        let root = try load("200:\n  description: ok\n")
        #expect(root.mapping?.keys == ["200"])
    }

    @Test func scalarTypesFollowTheCoreSchema() throws {
        let root = try #require(try load("a: true\nb: 'true'\nc: 12\nd: \"12\"\ne: ~\nf: 1.5\n").mapping)
        #expect(root["a"]?.scalar?.bool == true)
        #expect(root["b"]?.scalar?.bool == nil)
        #expect(root["c"]?.scalar?.int == 12)
        #expect(root["d"]?.scalar?.int == nil)
        #expect(root["e"]?.scalar?.isNull == true)
        #expect(root["f"]?.scalar?.double == 1.5)
    }

    @Test func aliasesResolveAndMergeKeys() throws {
        let root = try #require(try load("base: &b\n  x: 1\n  y: 2\nother:\n  <<: *b\n  y: 3\ncopy: *b\n").mapping)
        #expect(root["copy"]?.mapping?["x"]?.scalar?.value == "1")
        let other = try #require(root["other"]?.mapping)
        #expect(other.keys == ["x", "y"])
        #expect(other["y"]?.scalar?.value == "3")
    }

    @Test func jsonLoadsThroughTheSameLoader() throws {
        let root = try #require(try load("{\n  \"openapi\": \"3.1.0\",\n  \"n\": [1, 2]\n}").mapping)
        #expect(root["openapi"]?.scalar?.value == "3.1.0")
        #expect(root.entry("n")?.keyLocation == SourceLocation(line: 3, column: 3))
        #expect(root["n"]?.sequence?.items.count == 2)
    }

    /// YAML forbids a key written twice; PyYAML and JSON parsers take the later value, and so does the loader,
    /// saying so at the second key: a warning, or an error when defects are errors.
    @Test func duplicateKeyTakesTheLaterValueWithAWarningAtTheSecondKey() throws {
        let diagnostics = DiagnosticCollector()
        let root = try #require(YAMLLoader().load("a: 1\nb: 2\na: 3\n", file: "t.yaml", diagnostics: diagnostics)?.mapping)
        #expect(root.keys == ["a", "b"])
        #expect(root["a"]?.scalar?.value == "3")
        #expect(diagnostics.diagnostics.map(\.description) == ["t.yaml:3:1: warning: duplicate key 'a' (first defined at 1:1); the later value is used"])
        let strict = DiagnosticCollector(strict: true)
        _ = YAMLLoader().load("a: 1\nb: 2\na: 3\n", file: "t.yaml", diagnostics: strict)
        #expect(strict.diagnostics.map(\.description) == ["t.yaml:3:1: error: duplicate key 'a' (first defined at 1:1); the later value is used"])
    }

    @Test func emptyInput() {
        #expect(error("") == "t.yaml:1:1: error: the file is empty; expected an OpenAPI document")
        #expect(error("# only a comment\n") == "t.yaml:1:1: error: the file is empty; expected an OpenAPI document")
    }

    @Test func multipleDocuments() {
        #expect(error("a: 1\n---\nb: 2\n") == "t.yaml:2:1: error: the file holds more than one YAML document; a spec is a single document")
    }

    @Test func unclosedQuote() {
        #expect(error("a: 1\nb: \"open\n") == "t.yaml:3:1: error: YAML syntax error: found unexpected end of stream while scanning a quoted scalar that starts at 2:4")
    }

    @Test func tabIndentation() throws {
        let message = try #require(error("a:\n\tb: 1\n"))
        #expect(message.hasPrefix("t.yaml:2:1: error: YAML syntax error: found character that cannot start any token"))
        #expect(message.hasSuffix("(tabs cannot indent YAML; use spaces)"))
    }

    @Test func invalidUTF8() throws {
        let bytes: [UInt8] = Array("a: 1\nb: ".utf8) + [0xFF, 0xFE, 0x41] + Array("\n".utf8)
        do {
            _ = try YAMLLoader().load(bytes: bytes, file: "t.yaml")
            Issue.record("expected an error")
        } catch {
            let message = error.diagnostics[0].description
            #expect(message.hasPrefix("t.yaml:2:4: error: the file is not valid UTF-8 or UTF-16 text"))
        }
    }

    @Test func byteOrderMarks() throws {
        let utf8 = try YAMLLoader().load(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), file: "t.yaml")
        #expect(utf8.mapping?["a"]?.scalar?.value == "1")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "a: é\n".utf16 {
            utf16.append(UInt8(unit & 0xFF))
            utf16.append(UInt8(unit >> 8))
        }
        let decoded = try YAMLLoader().load(bytes: utf16, file: "t.yaml")
        #expect(decoded.mapping?["a"]?.scalar?.value == "é")
    }

    @Test func aliasBombIsRefused() throws {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            text += "l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let message = try #require(error(text))
        #expect(message.contains("error: aliases expand to more than 1000000 nodes; refusing a possible alias bomb"))
    }

    @Test func undefinedAlias() {
        #expect(error("a: *nope\n")?.hasPrefix("t.yaml:1:4: error:") == true)
    }

    @Test func deepNestingIsBounded() throws {
        var loader = YAMLLoader()
        loader.maxDepth = 10
        let text = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        #expect(error(text, loader: loader) == "t.yaml:1:11: error: nesting deeper than 10 levels")
    }
}
