import ClientRuntime
import Foundation
import HTTPTestServer
import Testing
import TriggerDev

/// README's "Typed throws" and "Per-call options" with the shipped Trigger.dev client: the `switch` over the
/// caught error compiles without a `default`, so it covers every case, and each branch is reached by an answer.
@Suite struct TypedThrowsTests {
    static let path = "/api/v1/runs/run_1234/result"

    /// What README's `switch` prints, reduced to a word per branch.
    private static func explain(_ client: Client, runID: String) async -> String {
        do {
            let result = try await client.waitForRunResultV1(runId: runID, every: .milliseconds(10), timeout: .seconds(30))
            return "ok \(result.id)"
        } catch {
            switch error {
            case .documentedStatus(let status, _, _, _):
                return "documented \(status) \(error.body(as: GetRunResultV1NotFound.self)?.error ?? "")"
            case .undocumentedStatus(let status, _, _):
                return "undocumented \(status) \(error.bodyText ?? "")"
            case .undecodableErrorBody(let failure), .decoding(let failure):
                return "undecodable \(failure.status ?? 0)"
            case .gaveUp(let attempts, let reason, let last):
                return "gaveUp \(attempts) \(reason == .attemptLimit) \(last.status ?? 0)"
            case .waitTimedOut:
                return "waitTimedOut"
            case .waitFailed:
                return "waitFailed"
            case .cancelled:
                return "cancelled"
            case .timedOut, .transport, .invalidRequest, .unexpectedContentType, .responseTooLarge, .malformedStream:
                return "other"
            }
        }
    }

    @Test func everyAnswerReachesItsBranch() async throws {
        try await withTestServer { server async throws in
            await server.script("/api/v1/runs/deleted/result", .json(#"{"error": "Run was deleted"}"#, status: 404))
            await server.script("/api/v1/runs/teapot/result", .text("short and stout", status: 418))
            await server.script("/api/v1/runs/garbled/result", .json(#"{"error": 7}"#, status: 404))
            await server.script("/api/v1/runs/busy/result", ScriptedResponse(status: 503, headers: ["Retry-After": "0"]))
            await server.script("/api/v1/runs/done/result", try serving("trigger-run-result.json"))
            let client = Client(serverURL: server.url, secretKey: "tr_dev_key", configuration: ClientConfiguration(timeout: .seconds(30)))

            #expect(await Self.explain(client, runID: "done") == "ok run_1234")
            #expect(await Self.explain(client, runID: "deleted") == "documented 404 Run was deleted")
            #expect(await Self.explain(client, runID: "teapot") == "undocumented 418 short and stout")
            #expect(await Self.explain(client, runID: "garbled") == "undecodable 404")
            #expect(await Self.explain(client, runID: "busy") == "gaveUp 3 true 503")
            #expect(await Self.explain(client.with(retry: .never), runID: "busy") == "undocumented 503 ")
        }
    }

    /// A copy's options apply to its calls only; the original keeps its own.
    @Test func perCallOptionsLeaveTheClientAsItIs() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.path, try serving("trigger-run-result.json"))
            let client = Client(serverURL: server.url, secretKey: "tr_dev_key", configuration: ClientConfiguration(timeout: .seconds(30)))
            let keyed = client.with(headers: ["Idempotency-Key": "k-1", "X-Trace": "t-1"])
            _ = try await keyed.getRunResultV1(runId: "run_1234")
            _ = try await client.getRunResultV1(runId: "run_1234")
            let sent = await server.requests
            #expect(sent.map { $0.header("Idempotency-Key") } == ["k-1", nil])
            #expect(sent.allSatisfy { $0.header("Authorization") == "Bearer tr_dev_key" })

            let unlimited = client.with { $0.timeout = nil }
            #expect(unlimited.connection.configuration.timeout == nil)
            #expect(client.connection.configuration.timeout == .seconds(30))
        }
    }
}
