import ClientRuntime
import Foundation
import HTTPTestServer
import RoeAI
import Testing

/// Roe AI's table query flow from its published spec: submit read-only SQL (202), poll the result until `SUCCESS`,
/// `FAILURE` or `REVOKED`; the final poll carries the rows.
@Suite struct RoeAIFlowTests {
    static let result = "/v1/tables/query/6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f/result/"
    static let token = "roe-token-Q2w"

    func scriptSubmit(_ server: TestServer) async throws {
        await server.script("/v1/tables/query/", try serving("roe-table-submit.json", status: 202))
    }

    @Test func runTableQuerySubmitsAndReturnsTheRowsOfTheFinalPoll() async throws {
        try await withTestServer { server async throws in
            try await scriptSubmit(server)
            await server.script(Self.result,
                try serving("roe-table-pending.json"), try serving("roe-table-started.json"), try serving("roe-table-success.json"))
            let client = Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration)

            let rows = try await client.runTableQuery(body: TableQueryRequest(sql: "SELECT company, employees FROM companies", limit: 2), every: .milliseconds(20))

            #expect(rows == [["company": "Acme Corp", "employees": 1200], ["company": "Globex", "employees": 310]])
            let sent = await server.requests
            // The result that ends the wait holds the rows: it is not fetched again.
            #expect(lines(sent) == ["POST /v1/tables/query/", "GET \(Self.result)", "GET \(Self.result)", "GET \(Self.result)"])
            #expect(sent.allSatisfy { $0.header("Authorization") == "Bearer \(Self.token)" })
            let body = try JSONSerialization.jsonObject(with: sent[0].body) as? NSDictionary
            #expect(body == ["sql": "SELECT company, employees FROM companies", "limit": 2])
        }
    }

    @Test func aRateLimitWhilePollingIsWaitedOut() async throws {
        try await withTestServer { server async throws in
            try await scriptSubmit(server)
            await server.script(Self.result, try serving("roe-table-started.json"), rateLimited, try serving("roe-table-success.json"))
            let client = Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration)

            let rows = try await client.runTableQuery(body: TableQueryRequest(sql: "SELECT company, employees FROM companies"), every: .milliseconds(20))

            #expect(rows.count == 2)
            let sent = await server.requests
            #expect(sent.count(where: { $0.path == Self.result }) == 3)
            expectRetryAfterHonoured(sent, at: Self.result, afterPoll: 1)
        }
    }

    @Test func aFailedQueryEndsTheWaitWithRoesError() async throws {
        try await withTestServer { server async throws in
            try await scriptSubmit(server)
            await server.script(Self.result, try serving("roe-table-started.json"), try serving("roe-table-failure.json"))
            let client = Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration)

            let failure = await waitFailure(TableQueryResultResponse.self) { () throws(ClientError) in
                _ = try await client.runTableQuery(body: TableQueryRequest(sql: "SELECT * FROM companys"), every: .milliseconds(20))
            }
            #expect(failure?.message == "Code: 60. DB::Exception: Unknown table expression identifier 'companys'")
            #expect(failure?.result.status == .failure)
        }
    }

    @Test func cancellingTheCallStopsPolling() async throws {
        try await withTestServer { server async throws in
            try await scriptSubmit(server)
            await server.script(Self.result, try serving("roe-table-started.json"))
            let client = Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration)

            let call = Task { try await client.runTableQuery(body: TableQueryRequest(sql: "SELECT 1"), every: .milliseconds(20)) }
            try await eventually("a poll") { await server.requests.contains { $0.path == Self.result } }
            call.cancel()
            let outcome = await call.result
            expectCancelled(outcome)
            let count = await server.requests.count
            try await Task.sleep(for: .milliseconds(200))
            #expect(await server.requests.count == count)
        }
    }
}
