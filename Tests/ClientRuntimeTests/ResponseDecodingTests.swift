import ClientRuntime
import Foundation
import HTTPTestServer
import Testing

@Suite struct ResponseDecodingTests {
    struct Summary: Decodable, Sendable { var read_rows: Int }
    struct Result: Decodable, Sendable { var summary: Summary }
    struct QueryResult: Decodable, Sendable { var results: [Result] }
    struct ValidationError: Decodable, Sendable, Equatable { var detail: String }

    private func response(_ server: TestServer, _ scripted: ScriptedResponse) async throws -> (Connection, Response) {
        await server.script("*", scripted)
        let connection = Connection(serverURL: server.url)
        return (connection, try await connection.send(Request(method: .get, path: "/q")))
    }

    @Test func decodesJSONPlusJSONAndTextJSON() async throws {
        try await withTestServer { server async throws in
            let body = #"{"results":[{"summary":{"read_rows":7}}]}"#
            for type in ["application/json", "application/json; charset=utf-8", "application/problem+json", "text/json; charset=utf-8"] {
                let (connection, response) = try await response(server, .json(body, headers: ["Content-Type": type]))
                #expect(try connection.decode(QueryResult.self, from: response).results[0].summary.read_rows == 7)
            }
        }
    }

    @Test func decodingFailureNamesThePathAndShowsASnippet() async throws {
        try await withTestServer { server async throws in
            let padding = String(repeating: "x", count: 500)
            let (connection, response) = try await response(server, .json(#"{"results":[{"summary":{"read_rows":"many"}}],"pad":"\#(padding)"}"#))
            let error = await clientError { _ = try connection.decode(QueryResult.self, from: response) }
            guard case .decoding(let failure)? = error else { Issue.record("expected decoding, got \(String(describing: error))"); return }
            #expect(failure.codingPath == "results[0].summary.read_rows")
            #expect(failure.status == 200)
            #expect(failure.message.contains("Int"))
            #expect(failure.bodySnippet.hasPrefix(#"{"results":[{"summary""#))
            #expect(failure.bodySnippet.count <= 201)
            #expect(error?.description.contains("results[0].summary.read_rows") == true)
            #expect(error?.description.contains("pad") == false, "the body stays out of the description")
            #expect(error?.rawBody == response.body && error?.headers?["content-type"] == "application/json")

            let (_, missing) = try await self.response(server, .json(#"{"results":[{"summary":{}}]}"#))
            let missingError = await clientError { _ = try connection.decode(QueryResult.self, from: missing) }
            guard case .decoding(let missingFailure)? = missingError else { Issue.record("expected decoding"); return }
            #expect(missingFailure.codingPath == "results[0].summary.read_rows")
        }
    }

    @Test func nonJSONContentTypeIsReportedAsSuch() async throws {
        try await withTestServer { server async throws in
            let (connection, response) = try await response(server, .text("<html>Bad gateway</html>", contentType: "text/html"))
            let error = await clientError { _ = try connection.decode(QueryResult.self, from: response) }
            guard case .unexpectedContentType(_, let received)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(received == "text/html")
        }
    }

    @Test func documentedAndUndocumentedStatuses() async throws {
        try await withTestServer { server async throws in
            let (connection, unprocessable) = try await response(server, .json(#"{"detail":"bad f"}"#, status: 422))
            let documented = connection.documentedError(ValidationError.self, from: unprocessable)
            guard case .documentedStatus(let status, _, let raw, let headers) = documented else { Issue.record("got \(documented)"); return }
            #expect(status == 422 && documented.status == 422)
            #expect(documented.body(as: ValidationError.self) == ValidationError(detail: "bad f"))
            #expect(documented.body(as: String.self) == nil)
            #expect(String(decoding: raw, as: UTF8.self) == #"{"detail":"bad f"}"#)
            #expect(headers["content-type"] == "application/json")

            let (_, teapot) = try await response(server, .text("short and stout", status: 418))
            let undocumented = connection.undocumentedError(teapot)
            guard case .undocumentedStatus(418, let body, _) = undocumented else { Issue.record("got \(undocumented)"); return }
            #expect(String(decoding: body, as: UTF8.self) == "short and stout")
            // The status is described; the body is not, since servers may echo secrets into it.
            #expect(undocumented.description == "unexpected HTTP 418 (15 bytes of body)")

            let (_, garbled) = try await response(server, .json(#"{"unexpected":true}"#, status: 422, headers: ["X-Request-Id": "r1"]))
            let fallback = connection.documentedError(ValidationError.self, from: garbled)
            guard case .undecodableErrorBody(let failure) = fallback else { Issue.record("got \(fallback)"); return }
            #expect(failure.status == 422 && fallback.status == 422)
            #expect(failure.codingPath == "detail")
            #expect(fallback.headers?["X-Request-Id"] == "r1")
            #expect(fallback.bodyText == #"{"unexpected":true}"#)
            #expect(fallback.description == "could not decode the documented error body (HTTP 422) at detail: required key is missing")
        }
    }

    @Test func textHonoursTheCharset() async throws {
        try await withTestServer { server async throws in
            let latin1 = ScriptedResponse(headers: ["Content-Type": "text/csv; charset=ISO-8859-1"], body: Data([0x63, 0x61, 0x66, 0xE9]))
            let (_, response) = try await response(server, latin1)
            #expect(try response.text() == "café")
            #expect(response.mediaType == "text/csv")
            let (_, utf8) = try await self.response(server, .text("café ☕"))
            #expect(try utf8.text() == "café ☕")
            #expect(utf8.headers.value(forHeader: "CONTENT-TYPE") == "text/plain; charset=utf-8")
            #expect(utf8.method == .get && utf8.url.path == "/q")
        }
    }
}
