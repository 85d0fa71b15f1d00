import Allium
import ClientRuntime
import Foundation
import HTTPTestServer
import TestClocks
import Testing

/// Allium Explorer's flow: run a saved query asynchronously, poll the run's status (a bare JSON string), read the
/// results, or cancel the run.
@Suite struct AlliumFlowTests {
    static let queryId = "wZgf8ZlKnwXt0XfYpQ1W"
    static let run = "/api/v1/explorer/query-runs/qr_8K2mVf1eXw7bT0pLcZ3n"
    static let key = "allium-key-Vb3q"

    func scriptSubmit(_ server: TestServer) async throws {
        await server.script("/api/v1/explorer/queries/\(Self.queryId)/run-async", try serving("allium-run-async.json"))
    }

    @Test func runQueryRunsWaitsAndReadsTheResults() async throws {
        try await withTestServer { server async throws in
            try await scriptSubmit(server)
            await server.script(Self.run + "/status",
                try serving("allium-status-queued.json"), try serving("allium-status-running.json"), try serving("allium-status-success.json"))
            await server.script(Self.run + "/results", try serving("allium-query-run-results.json"))
            let client = Client(serverURL: server.url, apiKey: Self.key, configuration: testConfiguration)

            let result = try await client.runQuery(
                queryId: Self.queryId, body: QueryRunRequest(parameters: ["chain": "ethereum"], runConfig: QueryRunConfig(limit: 2)),
                every: .milliseconds(20))

            #expect(result.data?[0]?["block_number"] == 19_876_543)
            #expect(result.meta.columns.map(\.name) == ["block_number", "block_timestamp", "hash", "transaction_count"])
            let sent = await server.requests
            #expect(lines(sent) == [
                "POST /api/v1/explorer/queries/\(Self.queryId)/run-async",
                "GET \(Self.run)/status",
                "GET \(Self.run)/status",
                "GET \(Self.run)/status",
                "GET \(Self.run)/results?f=json",
            ])
            #expect(sent.allSatisfy { $0.header("X-API-KEY") == Self.key })
            let body = try JSONSerialization.jsonObject(with: sent[0].body) as? NSDictionary
            #expect(body == ["parameters": ["chain": "ethereum"], "run_config": ["limit": 2]])
        }
    }

    @Test func aRateLimitWhilePollingIsWaitedOut() async throws {
        try await withTestServer { server async throws in
            try await scriptSubmit(server)
            await server.script(Self.run + "/status", try serving("allium-status-running.json"), rateLimited, try serving("allium-status-success.json"))
            await server.script(Self.run + "/results", try serving("allium-query-run-results.json"))
            let clock = ManualClock()
            let client = Client(serverURL: server.url, apiKey: Self.key, configuration: testConfiguration(on: clock))

            let call = Task { try await client.runQuery(queryId: Self.queryId, body: QueryRunRequest(parameters: [:]), every: .milliseconds(20)) }
            await rideOutRateLimit(on: clock, server, polling: Self.run + "/status", every: .milliseconds(20))
            let result = try await call.value

            #expect(result.meta.columns.count == 4)
            #expect(await server.requests.count(where: { $0.path == Self.run + "/status" }) == 3)
            #expect(clock.slept == [.milliseconds(20), .seconds(1)])
        }
    }

    @Test func aFailedRunEndsTheWait() async throws {
        try await withTestServer { server async throws in
            try await scriptSubmit(server)
            await server.script(Self.run + "/status", try serving("allium-status-running.json"), try serving("allium-status-failed.json"))
            let client = Client(serverURL: server.url, apiKey: Self.key, configuration: testConfiguration)

            let failure = await waitFailure(QueryRunStatus.self) { () throws(ClientError) in
                _ = try await client.runQuery(queryId: Self.queryId, body: QueryRunRequest(parameters: [:]), every: .milliseconds(20))
            }
            #expect(failure?.result == .failed)
            #expect(!(await server.requests).contains { $0.path.hasSuffix("/results") || $0.path.hasSuffix("/cancel") })
        }
    }

    /// Cancelled in its pause after the first status poll; the cancel request goes out in a task of its own.
    @Test(.timeLimit(.minutes(1))) func cancellingTheCallCancelsTheRun() async throws {
        try await withTestServer { server async throws in
            try await scriptSubmit(server)
            await server.script(Self.run + "/status", try serving("allium-status-running.json"))
            await server.script(Self.run + "/cancel", try serving("allium-cancel.json"))
            let clock = ManualClock()
            let client = Client(serverURL: server.url, apiKey: Self.key, configuration: testConfiguration(on: clock))

            let call = Task { try await client.runQuery(queryId: Self.queryId, body: QueryRunRequest(parameters: [:]), every: .milliseconds(20)) }
            await clock.waitForSleepers(1, before: firstCallDeadline)
            call.cancel()
            let outcome = await call.result
            expectCancelled(outcome)
            let cancels = await server.waitForRequests(1, to: Self.run + "/cancel")
            #expect(await server.requests.count(where: { $0.path == Self.run + "/status" }) == 1)
            #expect(cancels.map(\.method) == ["POST"])
            #expect(cancels.first?.header("X-API-KEY") == Self.key)
        }
    }
}
