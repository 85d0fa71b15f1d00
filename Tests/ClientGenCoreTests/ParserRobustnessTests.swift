@testable import ClientGenCore
import Foundation
import Testing

/// The parser reports, never crashes: truncated files, odd node kinds and deep nesting all end in diagnostics.
@Suite struct ParserRobustnessTests {
    @Test func everyTruncationOfASeedParsesWithoutCrashing() throws {
        let bytes = Array(try Data(contentsOf: ParserFixtures.fixtures.appendingPathComponent("Seeds/trigger.yaml")))
        let parser = DocumentParser()
        for length in stride(from: 0, through: bytes.count, by: 11) {
            let result = parser.parse(file: "t.yaml", bytes: Array(bytes.prefix(length)))
            #expect(result.document != nil || result.hasErrors)
        }
    }

    @Test func deeplyNestedSchemasAreParsed() throws {
        var schema = "type: string"
        for _ in 0..<100 {
            schema = "type: array\nitems:\n" + schema.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        }
        let indented = schema.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n")
        let result = ParserFixtures.parse("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Deep:\n" + indented + "\n")
        #expect(result.diagnostics.map(\.description) == [])
        var depth = 0
        var current = try #require(result.document?.schemas.first?.schema)
        while let items = current.items {
            depth += 1
            current = items
        }
        #expect(depth == 100)
    }

    /// A scalar where an object belongs, below the document's own objects, is a defect local to that place: a
    /// warning there, and the rest generated; --strict makes each an error.
    @Test func scalarsWhereObjectsBelongAreReportedNotCrashes() throws {
        let text = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /a:
            parameters: 12
            get:
              requestBody: yes
              responses:
                '200': 5
                '201':
                  description: ok
                  headers: [x]
                  content: {application/json: 3}
        components:
          schemas: 7
          securitySchemes: []
        """
        let result = ParserFixtures.parse(text)
        #expect(result.diagnostics.map(\.description) == [
            "api.yaml:5:17: warning: expected a sequence, found a number; it is ignored [#/paths/~1a/parameters]",
            "api.yaml:7:20: warning: expected a mapping, found a string; it is ignored [#/paths/~1a/get/requestBody]",
            "api.yaml:9:16: warning: expected a mapping, found a number; it is ignored [#/paths/~1a/get/responses/200]",
            "api.yaml:12:20: warning: expected a mapping, found a sequence; it is ignored [#/paths/~1a/get/responses/201/headers]",
            "api.yaml:13:39: warning: expected a mapping, found a number; the media type is read without a schema [#/paths/~1a/get/responses/201/content/application~1json]",
            "api.yaml:15:12: warning: expected a mapping, found a number; it is ignored [#/components/schemas]",
            "api.yaml:16:20: warning: expected a mapping, found a sequence; it is ignored [#/components/securitySchemes]",
        ])
        let operation = try #require(result.document?.operations.first)
        #expect(operation.requestBody == nil)
        #expect(operation.responses.map(\.status) == [.code(201)])

        let strict = ParserFixtures.parse(text, strict: true)
        #expect(strict.document == nil)
        #expect(strict.errors.count == 7)
        #expect(strict.diagnostics.map(\.description) == result.diagnostics.map { $0.description.replacingOccurrences(of: ": warning: ", with: ": error: ") })
    }
}
