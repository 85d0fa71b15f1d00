import Allium
import ClientRuntime
import Dune
import Foundation
import HTTPTestServer
import Polytomic
import RoeAI
import Testing
import TriggerDev

/// Each shipped client, made as its README shows (no configuration), rides out a 429 and a 503 that ask it to
/// wait: it waits what they ask, then gets its documented example. The default policy's own backoff starts at half
/// a second at most, so retries a second apart show the server's waits were honoured.
@Suite struct RetryByDefaultTests {
    private struct Shipped: Sendable {
        var name: String
        var path: String
        var fixture: String
        /// Makes the client for `server` and calls the operation, checking what it returns.
        var call: @Sendable (URL) async throws -> Void
    }

    private static let clients: [Shipped] = [
        Shipped(name: "Allium", path: "/api/v1/explorer/query-runs/8Hgx2oVZ7kqnQb1YTkE3/results", fixture: "allium-query-run-results.json") { url in
            let result = try await Allium.Client(serverURL: url, apiKey: "allium-key").getQueryRunResults(runId: "8Hgx2oVZ7kqnQb1YTkE3")
            #expect(!result.meta.columns.isEmpty)
        },
        Shipped(name: "Dune", path: "/api/v1/execution/01GBM4W2N0NMCGPZYW8AYK4YF1/results", fixture: "dune-results.json") { url in
            let results = try await Dune.Client(serverURL: url, apiKeyHeader: "dune-key").getExecutionResults(executionId: "01GBM4W2N0NMCGPZYW8AYK4YF1")
            #expect(results.queryId == 980708)
        },
        Shipped(name: "Polytomic", path: "/api/queries/43d893ef-322b-47da-badb-3cf10d13a556", fixture: "polytomic-query.json") { url in
            let id = try #require(UUID(uuidString: "43d893ef-322b-47da-badb-3cf10d13a556"))
            let envelope = try await Polytomic.Client(serverURL: url, bearerAuth: "polytomic-token").getQueryResults(id: id)
            #expect(envelope.data.id == id)
        },
        Shipped(name: "RoeAI", path: "/v1/database/query/123e4567-e89b-12d3-a456-426614174000/result/", fixture: "roe-query-result.json") { url in
            let id = try #require(UUID(uuidString: "123e4567-e89b-12d3-a456-426614174000"))
            let task = try await RoeAI.Client(serverURL: url, bearerAuth: "roe-token").getQueryResult(queryTaskId: id)
            #expect(task.queryTaskId == id)
        },
        Shipped(name: "TriggerDev", path: "/api/v1/runs/run_1234/result", fixture: "trigger-run-result.json") { url in
            let result = try await TriggerDev.Client(serverURL: url, secretKey: "tr_dev_key").getRunResultV1(runId: "run_1234")
            #expect(result.id == "run_1234")
        },
    ]

    @Test(arguments: [false, true])
    func everyShippedClientRidesOut429And503(rateLimitAsADate: Bool) async throws {
        try await onDedicatedThread {
            try await withFaultServer { server in
                let limited: Fault = rateLimitAsADate
                    ? .retryAfterDate(status: 429, after: .seconds(1))
                    : .status(429, headers: ["Retry-After": "1"])
                for client in Self.clients {
                    let example = Fault.respond(status: 200, headers: ["Content-Type": "application/json"], body: try fixture(client.fixture))
                    server.script(client.path, limited, .status(503, headers: ["Retry-After": "1"]), example)
                }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for client in Self.clients {
                        group.addTask { try await client.call(server.url) }
                    }
                    try await group.waitForAll()
                }
                for client in Self.clients {
                    let received = server.requests.filter { $0.path == client.path }
                    #expect(received.count == 3, "\(client.name): \(received.count) requests")
                    for (answered, retry) in zip(received, received.dropFirst()) {
                        let asked = try #require(answered.askedWait)
                        #expect(retry.receivedAt - answered.receivedAt >= asked * 0.9, "\(client.name) retried before the \(asked) it was asked to wait")
                    }
                }
            }
        }
    }
}
