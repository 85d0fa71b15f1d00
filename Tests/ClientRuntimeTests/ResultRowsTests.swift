@testable import ClientRuntime
import Foundation
import HTTPTestServer
import Testing

/// Rows of large results read as they arrive: the array at a JSON pointer, and CSV records.
@Suite struct ResultRowsTests {
    /// Every element of the array at `pointer`, cut into batches and decoded, feeding `document` in `chunks`.
    static func rows(_ document: String, at pointer: String, cutAt cuts: [Int] = [], batchBytes: Int = 8) throws -> [JSONValue] {
        let bytes = Data(document.utf8)
        var scanner = JSONArrayScanner(pointer: pointer, batchBytes: batchBytes, maxElementBytes: 1 << 20)
        var batches: [JSONArrayScanner.Batch] = []
        var start = 0
        for cut in cuts + [bytes.count] {
            try scanner.feed(bytes[start..<cut], into: &batches)
            // As JSONRows does after every chunk: only complete elements may go out.
            scanner.flush(into: &batches)
            start = cut
        }
        try scanner.finish(into: &batches)
        return try batches.flatMap { try JSONDecoder().decode([JSONValue].self, from: Data($0.bytes)) }
    }

    static let document = #"""
        {"execution_id": "01H", "state": "QUERY_STATE_COMPLETED",
         "decoy": {"rows": [{"not": "these"}], "text": "] , [ \" {"},
         "result": {"metadata": {"column_names": ["a", "b"]},
                    "rows": [ {"a": 1, "b": "x,]}\\\"y"}, {"a": 2, "b": [1, {"c": null}]} , {"a": 3, "b": "\u00e9"},
                              4, "five", [6], null, true ],
                    "after": [1, 2]},
         "next_offset": 100}
        """#

    static let expected: [JSONValue] = [
        .object(["a": .int(1), "b": .string("x,]}\\\"y")]),
        .object(["a": .int(2), "b": .array([.int(1), .object(["c": .null])])]),
        .object(["a": .int(3), "b": .string("é")]),
        .int(4), .string("five"), .array([.int(6)]), .null, .bool(true),
    ]

    @Test func findsTheArrayAtThePointerAndNothingElse() throws {
        #expect(try Self.rows(Self.document, at: "/result/rows") == Self.expected)
        #expect(try Self.rows(Self.document, at: "/result/rows", batchBytes: 1 << 20) == Self.expected)
    }

    /// The same rows whatever the chunks, cut at every byte offset.
    @Test func chunkBoundariesDoNotMatter() throws {
        let count = Self.document.utf8.count
        for cut in 1..<count {
            #expect(try Self.rows(Self.document, at: "/result/rows", cutAt: [cut]) == Self.expected, "cut at \(cut)")
        }
        #expect(try Self.rows(Self.document, at: "/result/rows", cutAt: Array(1..<count)) == Self.expected)
    }

    @Test func pointersThroughArraysEscapedKeysTheRootAndEmptyResults() throws {
        #expect(try Self.rows(#"{"pages": [{"rows": [1]}, {"rows": [2, 3]}]}"#, at: "/pages/1/rows") == [.int(2), .int(3)])
        #expect(try Self.rows(#"{"a/b": {"r~s": [1]}, "a\/b": {"x": 0}}"#, at: "/a~1b/r~0s") == [.int(1)])
        #expect(try Self.rows(#"{"k\u0065y": [7]}"#, at: "/key") == [.int(7)])
        #expect(try Self.rows(#" [1, [2], {"3": 3}] "#, at: "") == [.int(1), .array([.int(2)]), .object(["3": .int(3)])])
        #expect(try Self.rows(#"{"result": {"rows": []}}"#, at: "/result/rows") == [])
        #expect(try Self.rows(#"{"result": {"rows": null}}"#, at: "/result/rows") == [])
    }

    /// The link to the next page is kept wherever it is, before or after the rows, however the text is cut; an
    /// array at the rows' depth after them is not rows.
    @Test func keepsTheNextPageLinkWhereverItIs() throws {
        let documents = [
            (#"{"next_uri":"https:\/\/x\/p?o=2","result":{"rows":[{"a":1},{"a":2}],"metadata":{"cols":["a","b"]}}}"#, "https://x/p?o=2"),
            (#"{"result":{"rows":[{"a":1},{"a":2}],"metadata":{"cols":["a","b"]}},"next_uri":"/p/2","x":[1]}"#, "/p/2"),
            (#"{"result":{"rows":[{"a":1},{"a":2}]},"next_uri":null}"#, nil),
            (#"{"next":{"next_uri":"nested"},"result":{"rows":[{"a":1},{"a":2}]},"list":["next_uri"]}"#, nil),
        ]
        for (document, link) in documents {
            let bytes = Data(document.utf8)
            for cut in 0...bytes.count {
                var scanner = JSONArrayScanner(pointer: "/result/rows", link: "/next_uri", batchBytes: 8, maxElementBytes: 1 << 20)
                var batches: [JSONArrayScanner.Batch] = []
                try scanner.feed(bytes[0..<cut], into: &batches)
                scanner.flush(into: &batches)
                try scanner.feed(bytes[cut...], into: &batches)
                try scanner.finish(into: &batches)
                let rows = try batches.flatMap { try JSONDecoder().decode([JSONValue].self, from: Data($0.bytes)) }
                #expect(rows == [.object(["a": .int(1)]), .object(["a": .int(2)])], "\(document) cut at \(cut)")
                #expect(scanner.linkValue == link, "\(document) cut at \(cut)")
            }
        }
    }

    @Test func aMissingOrUnfinishedArrayIsAnError() throws {
        #expect(throws: ClientError.self) { try Self.rows(#"{"result": {"cols": []}}"#, at: "/result/rows") }
        #expect(throws: ClientError.self) { try Self.rows(#"{"result": {"rows": [1, 2"#, at: "/result/rows") }
    }

    struct Row: Decodable, Equatable {
        var id: Int
        var name: String
    }

    /// 200,000 rows over HTTP, chunked, decoded into a type; the document around them is skipped.
    @Test func rowsOfALargeResultOverHTTP() async throws {
        let count = 200_000
        var text = #"{"execution_id":"01H","result":{"metadata":{"row_count":200000},"rows":["#
        for id in 0..<count {
            if id > 0 { text += "," }
            text += #"{"id":\#(id),"name":"row \#(id)"}"#
        }
        text += #"]},"next_offset":null}"#
        try await withTestServer { server async throws in
            await server.script("*", ScriptedResponse(headers: ["Content-Type": "application/json"], body: Data(text.utf8), chunked: true))
            let connection = Connection(serverURL: server.url, configuration: ClientConfiguration(timeout: .seconds(60)))
            let response = try await connection.stream(Request(method: .get, path: "/results"))
            var seen = 0
            for try await row in connection.jsonRows(from: response, at: "/result/rows", as: Row.self) {
                #expect(row.id == seen, "row \(seen)")
                #expect(row.name == "row \(seen)")
                seen += 1
                if row.id != seen - 1 { break }
            }
            #expect(seen == count)
        }
    }

    @Test func csvRecordsAsTheyArrive() async throws {
        let csv = "\u{FEFF}id,name,note\r\n1,Ada,\"says \"\"hi\"\", twice\"\r\n2,Bob,\"two\nlines\"\n\n3,Cy,\n"
        try await withTestServer { server async throws in
            let bytes = Data(csv.utf8)
            let pieces = stride(from: 0, to: bytes.count, by: 5).map { Data(bytes[$0..<min($0 + 5, bytes.count)]) }
            await server.script("*", ScriptedResponse(headers: ["Content-Type": "text/csv"], behaviour: .trickle(pieces: pieces, interval: .milliseconds(1), thenDrop: false)))
            let connection = Connection(serverURL: server.url)
            let response = try await connection.stream(Request(method: .get, path: "/results/csv"))
            var rows: [CSVRow] = []
            for try await row in connection.csvRows(from: response) { rows.append(row) }
            #expect(rows.map(\.fields) == [["1", "Ada", "says \"hi\", twice"], ["2", "Bob", "two\nlines"], ["3", "Cy", ""]])
            #expect(rows.first?.header == ["id", "name", "note"])
            #expect(rows.last?["name"] == "Cy")
            #expect(try CSVTable(parsing: csv).rows == rows.map(\.fields))
        }
    }

    /// Rows of three pages, each page streamed and its `next_uri` followed; the last page has none.
    @Test func rowsOfEveryPageThroughTheirLinks() async throws {
        func page(_ ids: Range<Int>, next: String?) -> ScriptedResponse {
            let rows = ids.map { #"{"id":\#($0),"name":"row \#($0)"}"# }.joined(separator: ",")
            let link = next.map { #""\#($0)""# } ?? "null"
            return ScriptedResponse(headers: ["Content-Type": "application/json"], body: Data(#"{"result":{"rows":[\#(rows)]},"next_uri":\#(link)}"#.utf8), chunked: true)
        }
        try await withTestServer { server async throws in
            await server.script("/results", page(0..<3, next: "/results/2?offset=3"))
            await server.script("/results/2", page(3..<5, next: "\(server.url.absoluteString)/results/3?offset=5"))
            await server.script("/results/3", page(5..<6, next: nil))
            let connection = Connection(serverURL: server.url)
            var request = Request(method: .get, path: "/results")
            request.query("limit", 3)
            request.header("X-Version", "7")
            let response = try await connection.stream(request)
            var ids: [Int] = []
            for try await row in connection.jsonRows(from: response, at: "/result/rows", as: Row.self, following: "/next_uri", of: request) {
                ids.append(row.id)
            }
            #expect(ids == Array(0..<6))
            let requests = await server.requests
            // Each page is asked for as the first was, at the link exactly as returned.
            #expect(requests.map(\.target) == ["/results?limit=3", "/results/2?offset=3", "/results/3?offset=5"])
            #expect(requests.map { $0.header("X-Version") } == ["7", "7", "7"])
        }
    }

    @Test func aLinkBackToAPageAlreadyReadIsAnError() async throws {
        try await withTestServer { server async throws in
            let body = Data(#"{"result":{"rows":[{"id":1,"name":"a"}]},"next_uri":"/results?again"}"#.utf8)
            await server.script("*", ScriptedResponse(headers: ["Content-Type": "application/json"], body: body))
            let connection = Connection(serverURL: server.url)
            let response = try await connection.stream(Request(method: .get, path: "/results"))
            let next = JSONRows<Row>.NextPage(link: "/next_uri") { link in
                try await connection.stream(Request(method: .get, link: link)).body
            }
            var count = 0
            await #expect(throws: ClientError.self) {
                for try await _ in connection.jsonRows(from: response, at: "/result/rows", as: Row.self, nextPage: next) { count += 1 }
            }
            #expect(count == 2)
        }
    }
}
