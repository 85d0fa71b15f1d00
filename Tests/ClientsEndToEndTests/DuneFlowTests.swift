import ClientRuntime
import Dune
import Foundation
import HTTPTestServer
import TestClocks
import Testing

/// Dune's whole query flow (execute, poll the status, read every page, cancel) against a stand-in that replays
/// bodies built from the examples in Dune's published spec (see `Fixtures/README.md`).
@Suite struct DuneFlowTests {
    static let queryId = 1252207
    static let execution = "/api/v1/execution/01HKZJ2683PHF9Q9PHHQ8FW4Q1"
    static let key = "dune-key-7Ghq2"

    /// Execute answers with an ID; the status is pending, executing, then completed; the results come in two pages.
    func scriptCompletedRun(_ server: TestServer) async throws {
        await server.script("/api/v1/query/\(Self.queryId)/execute", try serving("dune-execute.json"))
        await server.script("/api/v1/sql/execute", try serving("dune-execute.json"))
        await server.script(Self.execution + "/status",
            try serving("dune-status-pending.json"), try serving("dune-status-executing.json"), try serving("dune-status-completed.json"))
        await server.script(Self.execution + "/results",
            try serving("dune-results-page1.json", linkingTo: server, from: "https://api.dune.com"), try serving("dune-results-page2.json"))
    }

    static let expectedRows: [ResultRow] = [
        ["TableName": "eth_blocks", "ct": 6296],
        ["TableName": "eth_traces", "ct": 4_474_223],
        ["TableName": "eth_creation_traces", "ct": 10155],
    ]

    @Test func runQueryExecutesWaitsAndReadsEveryPage() async throws {
        try await withTestServer { server async throws in
            try await scriptCompletedRun(server)
            let client = Client(serverURL: server.url, apiKeyHeader: Self.key, configuration: testConfiguration)
            let rows = try await client.runQuery(
                queryId: Self.queryId, performance: .large, queryParameters: ["wallet": "0xd8dA6BF2", "days": 30],
                limit: 2, every: .milliseconds(20))

            #expect(rows == Self.expectedRows)
            let sent = await server.requests
            #expect(lines(sent) == [
                // Dune reads `query_parameters` as JSON text, so the object travels as one parameter.
                "POST /api/v1/query/1252207/execute?performance=large&query_parameters=%7B%22days%22%3A30%2C%22wallet%22%3A%220xd8dA6BF2%22%7D",
                "GET \(Self.execution)/status",
                "GET \(Self.execution)/status",
                "GET \(Self.execution)/status",
                "GET \(Self.execution)/results?limit=2",
                "GET \(Self.execution)/results?limit=2&offset=2",
            ])
            #expect(sent.allSatisfy { $0.header("X-Dune-API-Key") == Self.key })
        }
    }

    @Test func runSQLSendsTheStatementAndReturnsEveryRow() async throws {
        try await withTestServer { server async throws in
            try await scriptCompletedRun(server)
            let client = Client(serverURL: server.url, apiKeyHeader: Self.key, configuration: testConfiguration)
            let rows = try await client.runSQL(body: ExecuteSQLRequest(sql: "SELECT * FROM dex.trades", performance: .medium), limit: 2, every: .milliseconds(20))

            #expect(rows == Self.expectedRows)
            let submit = try #require(await server.requests.first)
            #expect(submit.method == "POST")
            #expect(submit.target == "/api/v1/sql/execute")
            let body = try JSONSerialization.jsonObject(with: submit.body) as? NSDictionary
            #expect(body == ["sql": "SELECT * FROM dex.trades", "performance": "medium"])
        }
    }

    @Test func rowsVariantYieldsEveryPageAsItArrives() async throws {
        try await withTestServer { server async throws in
            try await scriptCompletedRun(server)
            let client = Client(serverURL: server.url, apiKeyHeader: Self.key, configuration: testConfiguration)
            var rows: [ResultRow] = []
            for try await row in try await client.runQueryRows(queryId: Self.queryId, limit: 2, every: .milliseconds(20)) {
                rows.append(row)
            }
            #expect(rows == Self.expectedRows)
            #expect(lines(await server.requests).suffix(2) == [
                "GET \(Self.execution)/results?limit=2",
                "GET \(Self.execution)/results?limit=2&offset=2",
            ])
        }
    }

    @Test func aRateLimitWhilePollingIsWaitedOut() async throws {
        try await withTestServer { server async throws in
            try await scriptCompletedRun(server)
            await server.script(Self.execution + "/status", try serving("dune-status-pending.json"), rateLimited, try serving("dune-status-completed.json"))
            let clock = ManualClock()
            let client = Client(serverURL: server.url, apiKeyHeader: Self.key, configuration: testConfiguration(on: clock))

            let call = Task { try await client.runQuery(queryId: Self.queryId, limit: 2, every: .milliseconds(20)) }
            await rideOutRateLimit(on: clock, server, polling: Self.execution + "/status", every: .milliseconds(20))
            let rows = try await call.value

            #expect(rows == Self.expectedRows)
            #expect(await server.requests.count(where: { $0.path == Self.execution + "/status" }) == 3)
            #expect(clock.slept == [.milliseconds(20), .seconds(1)])
        }
    }

    @Test func aFailedExecutionEndsTheWaitWithDunesMessage() async throws {
        try await withTestServer { server async throws in
            await server.script("/api/v1/query/\(Self.queryId)/execute", try serving("dune-execute.json"))
            await server.script(Self.execution + "/status", try serving("dune-status-pending.json"), try serving("dune-status-failed.json"))
            let client = Client(serverURL: server.url, apiKeyHeader: Self.key, configuration: testConfiguration)

            let failure = await waitFailure(ExecutionStatusResponse.self) { () throws(ClientError) in
                _ = try await client.runQuery(queryId: Self.queryId, every: .milliseconds(20))
            }
            #expect(failure?.message == "Error: Line 1:1: mismatched input 'selecdt'")
            #expect(failure?.result.state == .failed)
            #expect(failure?.result.error?.type == "syntax_error")
            // Nothing is read or cancelled after a terminal failure.
            #expect(lines(await server.requests) == [
                "POST /api/v1/query/1252207/execute",
                "GET \(Self.execution)/status",
                "GET \(Self.execution)/status",
            ])
        }
    }

    /// Cancelled in its pause after the second status poll; the cancel request goes out in a task of its own.
    @Test(.timeLimit(.minutes(1))) func cancellingTheCallCancelsTheExecution() async throws {
        try await withTestServer { server async throws in
            await server.script("/api/v1/query/\(Self.queryId)/execute", try serving("dune-execute.json"))
            await server.script(Self.execution + "/status", try serving("dune-status-pending.json"))
            await server.script(Self.execution + "/cancel", try serving("dune-cancel.json"))
            let clock = ManualClock()
            let client = Client(serverURL: server.url, apiKeyHeader: Self.key, configuration: testConfiguration(on: clock))

            let call = Task { try await client.runQuery(queryId: Self.queryId, every: .milliseconds(20)) }
            #expect(await clock.waitForSleepers(1, before: firstCallDeadline) == [clock.now.advanced(by: .milliseconds(20))])
            clock.advance(by: .milliseconds(20))
            #expect(await clock.waitForSleepers(1, before: firstCallDeadline) == [clock.now.advanced(by: .milliseconds(30))])
            call.cancel()
            let outcome = await call.result
            expectCancelled(outcome)

            await server.waitForRequests(1, to: Self.execution + "/cancel")
            let sent = await server.requests
            #expect(sent.count(where: { $0.path == Self.execution + "/status" }) == 2)
            let cancels = sent.filter { $0.path == Self.execution + "/cancel" }
            #expect(cancels.count == 1)
            #expect(cancels.first?.method == "POST")
            #expect(cancels.first?.header("X-Dune-API-Key") == Self.key)
            #expect(!sent.contains { $0.path.hasSuffix("/results") })
        }
    }
}
