import ClientRuntime
import Foundation
import HTTPTestServer
import Testing
import TriggerDev

/// Trigger.dev's `triggerAndWait`: trigger a task, poll the run until it has finished, read its result, or cancel
/// the run; bodies built from the examples of Trigger.dev's v3 spec.
@Suite struct TriggerDevFlowTests {
    static let run = "/api/v3/runs/run_1234"
    static let secretKey = "tr_dev_Fq83kL"

    func scriptTrigger(_ server: TestServer) async throws {
        await server.script("/api/v1/tasks/hello-world/trigger", try serving("trigger-triggered.json"))
    }

    @Test func triggerAndWaitTriggersPollsAndReadsTheResult() async throws {
        try await withTestServer { server async throws in
            try await scriptTrigger(server)
            await server.script(Self.run,
                try serving("trigger-run-queued.json"), try serving("trigger-run-executing.json"), try serving("trigger-run-completed.json"))
            await server.script("/api/v1/runs/run_1234/result", try serving("trigger-run-result.json"))
            let client = Client(serverURL: server.url, secretKey: Self.secretKey, configuration: testConfiguration)

            let result = try await client.triggerAndWait(
                taskIdentifier: "hello-world",
                body: TriggerTaskRequestBody(payload: ["name": "Ada"], options: TriggerTaskRequestBodyOptions(idempotencyKey: "greet-ada")),
                every: .milliseconds(20))

            #expect(result.ok)
            #expect(result.id == "run_1234")
            #expect(result.taskIdentifier == "hello-world")
            let sent = await server.requests
            #expect(lines(sent) == [
                "POST /api/v1/tasks/hello-world/trigger",
                "GET \(Self.run)", "GET \(Self.run)", "GET \(Self.run)",
                "GET /api/v1/runs/run_1234/result",
            ])
            #expect(sent.allSatisfy { $0.header("Authorization") == "Bearer \(Self.secretKey)" })
            let body = try JSONSerialization.jsonObject(with: sent[0].body) as? NSDictionary
            #expect(body == ["payload": ["name": "Ada"], "options": ["idempotencyKey": "greet-ada"]])
        }
    }

    @Test func aRateLimitWhilePollingIsWaitedOut() async throws {
        try await withTestServer { server async throws in
            try await scriptTrigger(server)
            await server.script(Self.run, try serving("trigger-run-executing.json"), rateLimited, try serving("trigger-run-completed.json"))
            await server.script("/api/v1/runs/run_1234/result", try serving("trigger-run-result.json"))
            let client = Client(serverURL: server.url, secretKey: Self.secretKey, configuration: testConfiguration)

            let result = try await client.triggerAndWait(taskIdentifier: "hello-world", body: TriggerTaskRequestBody(), every: .milliseconds(20))

            #expect(result.ok)
            let sent = await server.requests
            #expect(sent.count(where: { $0.path == Self.run }) == 3)
            expectRetryAfterHonoured(sent, at: Self.run, afterPoll: 1)
        }
    }

    @Test func aFailedRunEndsTheWaitWithItsLastAttemptsError() async throws {
        try await withTestServer { server async throws in
            try await scriptTrigger(server)
            await server.script(Self.run, try serving("trigger-run-executing.json"), try serving("trigger-run-failed.json"))
            let client = Client(serverURL: server.url, secretKey: Self.secretKey, configuration: testConfiguration)

            let failure = await waitFailure(RetrieveRunResponse.self) { () throws(ClientError) in
                _ = try await client.triggerAndWait(taskIdentifier: "hello-world", body: TriggerTaskRequestBody(), every: .milliseconds(20))
            }
            #expect(failure?.message == "Cannot read properties of undefined")
            #expect(failure?.result.status == .failed)
            #expect(!(await server.requests).contains { $0.path.hasSuffix("/result") || $0.path.hasSuffix("/cancel") })
        }
    }

    @Test func cancellingTheCallCancelsTheRun() async throws {
        try await withTestServer { server async throws in
            try await scriptTrigger(server)
            await server.script(Self.run, try serving("trigger-run-executing.json"))
            await server.script("/api/v2/runs/run_1234/cancel", try serving("trigger-canceled.json"))
            let client = Client(serverURL: server.url, secretKey: Self.secretKey, configuration: testConfiguration)

            let call = Task { try await client.triggerAndWait(taskIdentifier: "hello-world", body: TriggerTaskRequestBody(), every: .milliseconds(20)) }
            try await eventually("a poll of the run") { await server.requests.contains { $0.path == Self.run } }
            call.cancel()
            let outcome = await call.result
            expectCancelled(outcome)
            try await eventually("the cancel request") { await server.requests.contains { $0.path == "/api/v2/runs/run_1234/cancel" } }
            let cancels = (await server.requests).filter { $0.path == "/api/v2/runs/run_1234/cancel" }
            #expect(cancels.map(\.method) == ["POST"])
            #expect(cancels.first?.header("Authorization") == "Bearer \(Self.secretKey)")
        }
    }
}
