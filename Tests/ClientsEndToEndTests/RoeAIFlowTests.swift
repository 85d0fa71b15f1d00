import ClientRuntime
import Foundation
import HTTPTestServer
import RoeAI
import TestClocks
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
            let clock = ManualClock()
            let client = Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration(on: clock))

            let call = Task { try await client.runTableQuery(body: TableQueryRequest(sql: "SELECT company, employees FROM companies"), every: .milliseconds(20)) }
            await rideOutRateLimit(on: clock, server, polling: Self.result, every: .milliseconds(20))
            let rows = try await call.value

            #expect(rows.count == 2)
            #expect(await server.requests.count(where: { $0.path == Self.result }) == 3)
            #expect(clock.slept == [.milliseconds(20), .seconds(1)])
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

    /// Cancelled in its pause after the first poll: nothing is left waiting to poll again, and the submit and the
    /// one poll are all the server saw.
    @Test(.timeLimit(.minutes(1))) func cancellingTheCallStopsPolling() async throws {
        try await withTestServer { server async throws in
            try await scriptSubmit(server)
            await server.script(Self.result, try serving("roe-table-started.json"))
            let clock = ManualClock()
            let client = Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration(on: clock))

            let call = Task { try await client.runTableQuery(body: TableQueryRequest(sql: "SELECT 1"), every: .milliseconds(20)) }
            await clock.waitForSleepers(1, before: firstCallDeadline)
            call.cancel()
            let outcome = await call.result
            expectCancelled(outcome)
            #expect(clock.deadlines.isEmpty)
            #expect(lines(await server.requests) == ["POST /v1/tables/query/", "GET \(Self.result)"])
        }
    }
}
