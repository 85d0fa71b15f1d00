import Allium
import ClientRuntime
import Dune
import Foundation
import HTTPTestServer
import Polytomic
import RoeAI
import TestClocks
import Testing
import TriggerDev

/// Each shipped client, made as its README shows but on a clock the test advances (every other option its
/// default), rides out a 429 and a 503 that ask it to wait: it sleeps exactly what they ask, sends nothing before
/// the clock has moved that far, then gets its documented example. The default policy's own backoff is at most
/// half a second, so sleeps of what the server asked (a second, or until a date half a minute ahead) show its waits
/// were honoured.
@Suite(.timeLimit(.minutes(1))) struct RetryByDefaultTests {
    private struct Shipped: Sendable {
        var name: String
        var path: String
        var fixture: String
        /// Makes the client for `server` with `configuration` and calls the operation, checking what it returns.
        var call: @Sendable (URL, ClientConfiguration) async throws -> Void
    }

    private static let clients: [Shipped] = [
        Shipped(name: "Allium", path: "/api/v1/explorer/query-runs/8Hgx2oVZ7kqnQb1YTkE3/results", fixture: "allium-query-run-results.json") { url, configuration in
            let result = try await Allium.Client(serverURL: url, apiKey: "allium-key", configuration: configuration).getQueryRunResults(runId: "8Hgx2oVZ7kqnQb1YTkE3")
            #expect(!result.meta.columns.isEmpty)
        },
        Shipped(name: "Dune", path: "/api/v1/execution/01GBM4W2N0NMCGPZYW8AYK4YF1/results", fixture: "dune-results.json") { url, configuration in
            let results = try await Dune.Client(serverURL: url, apiKeyHeader: "dune-key", configuration: configuration).getExecutionResults(executionId: "01GBM4W2N0NMCGPZYW8AYK4YF1")
            #expect(results.queryId == 980708)
        },
        Shipped(name: "Polytomic", path: "/api/queries/43d893ef-322b-47da-badb-3cf10d13a556", fixture: "polytomic-query.json") { url, configuration in
            let id = try #require(UUID(uuidString: "43d893ef-322b-47da-badb-3cf10d13a556"))
            let envelope = try await Polytomic.Client(serverURL: url, bearerAuth: "polytomic-token", configuration: configuration).getQueryResults(id: id)
            #expect(envelope.data.id == id)
        },
        Shipped(name: "RoeAI", path: "/v1/database/query/123e4567-e89b-12d3-a456-426614174000/result/", fixture: "roe-query-result.json") { url, configuration in
            let id = try #require(UUID(uuidString: "123e4567-e89b-12d3-a456-426614174000"))
            let task = try await RoeAI.Client(serverURL: url, bearerAuth: "roe-token", configuration: configuration).getQueryResult(queryTaskId: id)
            #expect(task.queryTaskId == id)
        },
        Shipped(name: "TriggerDev", path: "/api/v1/runs/run_1234/result", fixture: "trigger-run-result.json") { url, configuration in
            let result = try await TriggerDev.Client(serverURL: url, secretKey: "tr_dev_key", configuration: configuration).getRunResultV1(runId: "run_1234")
            #expect(result.id == "run_1234")
        },
    ]

    @Test(arguments: [false, true])
    func everyShippedClientRidesOut429And503(rateLimitAsADate: Bool) async throws {
        try await withFaultServer { server in
            let limited: Fault = rateLimitAsADate
                // Far enough ahead that however late a loaded machine reads it, the date has not passed.
                ? .retryAfterDate(status: 429, after: .seconds(30))
                : .status(429, headers: ["Retry-After": "1"])
            for client in Self.clients {
                let example = Fault.respond(status: 200, headers: ["Content-Type": "application/json"], body: try fixture(client.fixture))
                server.script(client.path, limited, .status(503, headers: ["Retry-After": "1"]), example)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for client in Self.clients {
                    group.addTask { try await Self.rideOut(client, server) }
                }
                try await group.waitForAll()
            }
        }
    }

    /// One client on a clock of its own, so each sleep it makes is its own.
    private static func rideOut(_ client: Shipped, _ server: FaultServer) async throws {
        let clock = ManualClock()
        let configuration = ClientConfiguration(clock: clock)
        // Each wait ends before the call's deadline (the default timeout), which its deadline timer sleeps until.
        let deadline = clock.now.advanced(by: try #require(configuration.timeout))
        let call = Task { try await client.call(server.url, configuration) }
        var waits: [Duration] = []
        for answered in 1...2 {
            let wake = try #require(await clock.waitForSleepers(1, before: deadline).first)
            let seen = Date()
            let received = server.requests.filter { $0.path == client.path }
            #expect(received.count == answered, "\(client.name) retried before the clock moved")
            let wait = clock.now.duration(to: wake)
            let asked = try #require(received.last)
            #expect(asked.asks(for: wait, readBefore: seen), "\(client.name) slept \(wait), asked \(String(describing: asked.askedWait))")
            waits.append(wait)
            clock.advance(to: wake)
        }
        try await call.value
        #expect(server.requests.filter { $0.path == client.path }.count == 3, "\(client.name)")
        #expect(clock.slept == waits)
    }
}
