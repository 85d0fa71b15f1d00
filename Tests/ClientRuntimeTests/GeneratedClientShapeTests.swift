import ClientRuntime
import Foundation
import HTTPTestServer
import TestClocks
import Testing

// Code shaped exactly like ClientGen's output, so a change to the runtime API that would break
// generated clients breaks this file first.

private struct QueryResult: Decodable, Sendable {
    var sql: String
    var finished_at: Date
}

private struct HTTPValidationError: Decodable, Sendable {
    var detail: String
}

private enum ResponseFormat: String, Codable, Sendable {
    case json
    case csv
}

private enum QueryRunResults: Sendable {
    case json(QueryResult)
    case text(String)
}

private struct Client: APIClient {
    let connection: Connection

    init(
        serverURL: URL = URL(string: "https://api.allium.so")!,
        apiKey: String? = nil,
        bearer: String? = nil,
        basic: BasicCredentials? = nil,
        configuration: ClientConfiguration = .init()
    ) {
        connection = Connection(serverURL: serverURL, configuration: configuration, credentials: [
            "APIKeyBearer": apiKey.map { .apiKey($0, name: "X-API-KEY", in: .header) },
            "bearerAuth": bearer.map { .bearer($0) },
            "basicAuth": basic.map { .basic(username: $0.username, password: $0.password) },
        ])
    }

    init(connection: Connection) {
        self.connection = connection
    }

    func getQueryRunResults(runId: String, f: ResponseFormat? = .json, ids: [Int]? = nil, xVersion: String? = nil) async throws(ClientError) -> QueryRunResults {
        var request = Request(method: .get, path: "/api/v1/explorer/query-runs/{run_id}/results")
        request.path("run_id", runId)
        request.query("f", f)
        request.query("ids", ids, style: .form, explode: false)
        request.header("X-Polytomic-Version", xVersion)
        request.accept("application/json, text/csv")
        request.security = [["APIKeyBearer"], ["bearerAuth"], []]
        let response = try await connection.send(request)
        switch response.status {
        case 200 where response.mediaType == "text/csv": return .text(try response.text())
        case 200: return .json(try connection.decode(QueryResult.self, from: response))
        case 422: throw connection.documentedError(HTTPValidationError.self, from: response)
        default: throw connection.undocumentedError(response)
        }
    }
}

@Suite struct GeneratedClientShapeTests {
    @Test func generatedCodeRunsEndToEnd() async throws {
        try await withTestServer { server async throws in
            let path = "/api/v1/explorer/query-runs/r%2F1/results"
            await server.script(path, .json(#"{"sql":"SELECT 1","finished_at":"2024-04-29 21:11:17.123456+00:00"}"#),
                                .text("a,b\n1,2\n", contentType: "text/csv"),
                                .json(#"{"detail":"bad run"}"#, status: 422),
                                .text("gone", status: 410))
            let client = Client(serverURL: server.url, apiKey: "k-123", configuration: .init(timeout: .seconds(10)))

            guard case .json(let result) = try await client.getQueryRunResults(runId: "r/1", ids: [1, 2], xVersion: "2024-01") else {
                Issue.record("expected JSON")
                return
            }
            #expect(result.sql == "SELECT 1")
            #expect(abs(result.finished_at.timeIntervalSince1970 - 1_714_425_077.123456) < 1e-7)
            let first = try #require(await server.requests.first)
            #expect(first.target == path + "?f=json&ids=1,2")
            #expect(first.header("X-API-KEY") == "k-123")
            #expect(first.header("X-Polytomic-Version") == "2024-01")
            #expect(first.header("Accept") == "application/json, text/csv")

            guard case .text(let csv) = try await client.getQueryRunResults(runId: "r/1", f: .csv) else {
                Issue.record("expected CSV")
                return
            }
            #expect(try CSVTable(parsing: csv).rows == [["1", "2"]])

            let documented = await clientError { _ = try await client.getQueryRunResults(runId: "r/1") }
            #expect(documented?.body(as: HTTPValidationError.self)?.detail == "bad run")
            let undocumented = await clientError { _ = try await client.getQueryRunResults(runId: "r/1") }
            #expect(undocumented?.status == 410)
        }
    }

    /// Why `body(as:)` found nothing, from the error alone: another documented type, no documentation, or a body
    /// that does not decode.
    @Test func errorBodiesSayWhyTheyAreNotTheTypeAsked() async throws {
        struct Other: Decodable, Sendable {}
        try await withTestServer { server async throws in
            await server.script("*", .json(#"{"detail":"bad run"}"#, status: 422), .text("gone", status: 410), .json(#"{"detail":7}"#, status: 422))
            let client = Client(serverURL: server.url, configuration: .init(timeout: .seconds(10)))
            let documented = try #require(await clientError { _ = try await client.getQueryRunResults(runId: "r") })
            guard case .body(let body) = documented.errorBody(as: HTTPValidationError.self) else { Issue.record("\(documented)"); return }
            #expect(body.detail == "bad run")
            guard case .documentedAsOtherType(let name) = documented.errorBody(as: Other.self) else { Issue.record("\(documented)"); return }
            #expect(name == "HTTPValidationError")

            let undocumented = try #require(await clientError { _ = try await client.getQueryRunResults(runId: "r") })
            guard case .undocumented(410) = undocumented.errorBody(as: HTTPValidationError.self) else { Issue.record("\(undocumented)"); return }
            #expect(undocumented.bodyText == "gone")

            let undecodable = try #require(await clientError { _ = try await client.getQueryRunResults(runId: "r") })
            guard case .undecodable(let failure) = undecodable.errorBody(as: HTTPValidationError.self) else { Issue.record("\(undecodable)"); return }
            #expect(failure.codingPath == "detail" && failure.status == 422)
            #expect(!undecodable.description.contains("7}"))

            let refused = Client(serverURL: URL(string: "http://127.0.0.1:1")!, configuration: .init(retry: .never))
            let transport = try #require(await clientError { _ = try await refused.getQueryRunResults(runId: "r") })
            guard case .noResponse = transport.errorBody(as: HTTPValidationError.self) else { Issue.record("\(transport)"); return }
        }
    }

    /// `with(...)` changes the options of the calls made through the copy, and only those.
    @Test(.timeLimit(.minutes(1))) func perCallOptionsApplyToTheCopyOnly() async throws {
        try await withTestServer { server async throws in
            await server.script("/api/v1/explorer/query-runs/slow/results", ScriptedResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(#"{"sql":"","finished_at":"2024-04-29"}"#.utf8), heldAt: "never"))
            await server.script("/api/v1/explorer/query-runs/busy/results", ScriptedResponse(status: 503))
            let clock = ManualClock()
            let client = Client(serverURL: server.url, apiKey: "k", configuration: .init(timeout: .seconds(30), headers: ["X-Trace": "client"], clock: clock))

            // The copy's deadline timer sleeps 300 ms, not the client's 30 s.
            let hurried = client.with(timeout: .milliseconds(300))
            let slow = Task { await clientError { _ = try await hurried.getQueryRunResults(runId: "slow") } }
            #expect(await clock.waitForSleepers(1) == [clock.now.advanced(by: .milliseconds(300))])
            clock.advance(by: .milliseconds(300))
            let timedOut = await slow.value
            guard case .timedOut? = timedOut else { Issue.record("expected timedOut, got \(String(describing: timedOut))"); return }
            #expect(hurried.connection.configuration.headers["X-Trace"] == "client")
            #expect(client.connection.configuration.timeout == .seconds(30))

            let keyed = client.with(headers: ["Idempotency-Key": "k-1", "X-Trace": "call"], retry: .never)
            let busy = await clientError { _ = try await keyed.getQueryRunResults(runId: "busy") }
            #expect(busy?.status == 503)
            let sent = try #require(await server.requests.last { $0.path.contains("busy") })
            #expect(sent.header("Idempotency-Key") == "k-1" && sent.header("X-Trace") == "call" && sent.header("X-API-KEY") == "k")
            #expect(await server.requests.filter { $0.path.contains("busy") }.count == 1)

            let unlimited = client.with { $0.timeout = nil }
            #expect(unlimited.connection.configuration.timeout == nil)
        }
    }

    @Test func anonymousAccessWhenNoCredentialIsGiven() async throws {
        try await withTestServer { server async throws in
            await server.script("*", .json(#"{"sql":"","finished_at":"2024-04-29"}"#))
            _ = try await Client(serverURL: server.url).getQueryRunResults(runId: "x")
            let sent = try #require(await server.requests.first)
            #expect(sent.header("Authorization") == nil && sent.header("X-API-KEY") == nil)
        }
    }
}
