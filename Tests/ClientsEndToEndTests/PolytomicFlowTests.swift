import ClientRuntime
import Foundation
import HTTPTestServer
import Polytomic
import TestClocks
import Testing

/// Polytomic's query runner: submit with the query in the URL and `{}` as the body, poll the task until `done` or
/// `failed`, then read every page through `links.next`, used exactly as returned.
@Suite struct PolytomicFlowTests {
    static let connection = UUID(uuidString: "8f5b1e2a-0c3d-4e5f-9a6b-7c8d9e0f1a2b")!
    static let task = "/api/queries/43d893ef-322b-47da-badb-3cf10d13a556"
    static let token = "polytomic-token-9Fx"

    func scriptSubmit(_ server: TestServer) async throws {
        await server.script("/api/connections/8F5B1E2A-0C3D-4E5F-9A6B-7C8D9E0F1A2B/query", try serving("polytomic-submit.json"))
        await server.script("/api/connections/8f5b1e2a-0c3d-4e5f-9a6b-7c8d9e0f1a2b/query", try serving("polytomic-submit.json"))
    }

    @Test func runQuerySubmitsWaitsAndReadsEveryPage() async throws {
        try await withTestServer { server async throws in
            try await scriptSubmit(server)
            await server.script(Self.task,
                try serving("polytomic-submit.json"), try serving("polytomic-running.json"),
                try serving("polytomic-done-page1.json"), try serving("polytomic-done-page1.json"), try serving("polytomic-done-page2.json"))
            let client = Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration)

            let rows = try await client.runQuery(connectionId: Self.connection, query: "select name, age from users", every: .milliseconds(20))

            #expect(rows == [["name": "Ada", "age": 36], ["name": "Grace", "age": 45], ["name": "Edsger", "age": 72]])
            let sent = await server.requests
            let submit = try #require(sent.first)
            #expect(submit.method == "POST")
            #expect(submit.path.lowercased() == "/api/connections/8f5b1e2a-0c3d-4e5f-9a6b-7c8d9e0f1a2b/query")
            #expect(submit.query == "query=select%20name%2C%20age%20from%20users")
            // Polytomic's SDKs send an empty object; so does the generated client, without being asked.
            #expect(submit.text == "{}")
            #expect(submit.header("Content-Type") == "application/json")
            #expect(lines(Array(sent.dropFirst())) == [
                "GET \(Self.task)", "GET \(Self.task)", "GET \(Self.task)",
                "GET \(Self.task)", "GET \(Self.task)?page=MQ%3D%3D",
            ])
            #expect(sent.allSatisfy { $0.header("Authorization") == "Bearer \(Self.token)" })
        }
    }

    @Test func rowsVariantFollowsTheLinks() async throws {
        try await withTestServer { server async throws in
            try await scriptSubmit(server)
            await server.script(Self.task,
                try serving("polytomic-running.json"), try serving("polytomic-done-page1.json"),
                try serving("polytomic-done-page1.json"), try serving("polytomic-done-page2.json"))
            let client = Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration)
            var names: [String] = []
            for try await row in try await client.runQueryRows(connectionId: Self.connection, query: "select name from users", every: .milliseconds(20)) {
                names.append(row["name"]?.stringValue ?? "?")
            }
            #expect(names == ["Ada", "Grace", "Edsger"])
            #expect(lines(await server.requests).last == "GET \(Self.task)?page=MQ%3D%3D")
        }
    }

    @Test func aRateLimitWhilePollingIsWaitedOut() async throws {
        try await withTestServer { server async throws in
            try await scriptSubmit(server)
            await server.script(Self.task,
                try serving("polytomic-running.json"), rateLimited, try serving("polytomic-done-page1.json"),
                try serving("polytomic-done-page1.json"), try serving("polytomic-done-page2.json"))
            let clock = ManualClock()
            let client = Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration(on: clock))

            let call = Task { try await client.runQuery(connectionId: Self.connection, query: "select name from users", every: .milliseconds(20)) }
            await rideOutRateLimit(on: clock, server, polling: Self.task, every: .milliseconds(20))
            let rows = try await call.value

            #expect(rows.count == 3)
            #expect(await server.requests.count(where: { $0.path == Self.task }) == 5)
            #expect(clock.slept == [.milliseconds(20), .seconds(1)])
        }
    }

    @Test func aFailedQueryEndsTheWaitWithPolytomicsError() async throws {
        try await withTestServer { server async throws in
            try await scriptSubmit(server)
            await server.script(Self.task, try serving("polytomic-running.json"), try serving("polytomic-failed.json"))
            let client = Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration)

            let failure = await waitFailure(QueryResultsEnvelope.self) { () throws(ClientError) in
                _ = try await client.runQuery(connectionId: Self.connection, query: "select * from users", every: .milliseconds(20))
            }
            #expect(failure?.message == #"relation "users" does not exist"#)
            #expect(failure?.result.data.status == .failed)
            #expect((await server.requests).count == 3)
        }
    }

    /// Cancelled in its pause after the first poll.
    @Test(.timeLimit(.minutes(1))) func cancellingTheCallStopsPolling() async throws {
        try await withTestServer { server async throws in
            try await scriptSubmit(server)
            await server.script(Self.task, try serving("polytomic-running.json"))
            let clock = ManualClock()
            let client = Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration(on: clock))

            let call = Task { try await client.runQuery(connectionId: Self.connection, query: "select 1", every: .milliseconds(20)) }
            await clock.waitForSleepers(1, before: firstCallDeadline)
            call.cancel()
            let outcome = await call.result
            expectCancelled(outcome)
            // Polytomic has no way to cancel a query task: the client only stops asking. Nothing is left waiting to
            // poll again, and the submit and the one poll are all the server saw.
            #expect(clock.deadlines.isEmpty)
            #expect(lines(await server.requests).count == 2)
            #expect(await server.requests.count(where: { $0.path == Self.task }) == 1)
        }
    }
}
