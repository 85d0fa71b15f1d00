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

    @Test func scalarsWhereObjectsBelongAreErrorsNotCrashes() {
        let result = ParserFixtures.parse("""
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
        """)
        #expect(result.document == nil)
        #expect(result.errors.count == 7)
    }
}
