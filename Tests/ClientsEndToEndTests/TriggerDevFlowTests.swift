import ClientRuntime
import Foundation
import HTTPTestServer
import TestClocks
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
            let clock = ManualClock()
            let client = Client(serverURL: server.url, secretKey: Self.secretKey, configuration: testConfiguration(on: clock))

            let call = Task { try await client.triggerAndWait(taskIdentifier: "hello-world", body: TriggerTaskRequestBody(), every: .milliseconds(20)) }
            await rideOutRateLimit(on: clock, server, polling: Self.run, every: .milliseconds(20))
            let result = try await call.value

            #expect(result.ok)
            #expect(await server.requests.count(where: { $0.path == Self.run }) == 3)
            #expect(clock.slept == [.milliseconds(20), .seconds(1)])
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

    /// Cancelled in its pause after the first poll; the cancel request goes out in a task of its own.
    @Test(.timeLimit(.minutes(1))) func cancellingTheCallCancelsTheRun() async throws {
        try await withTestServer { server async throws in
            try await scriptTrigger(server)
            await server.script(Self.run, try serving("trigger-run-executing.json"))
            await server.script("/api/v2/runs/run_1234/cancel", try serving("trigger-canceled.json"))
            let clock = ManualClock()
            let client = Client(serverURL: server.url, secretKey: Self.secretKey, configuration: testConfiguration(on: clock))

            let call = Task { try await client.triggerAndWait(taskIdentifier: "hello-world", body: TriggerTaskRequestBody(), every: .milliseconds(20)) }
            await clock.waitForSleepers(1, before: firstCallDeadline)
            call.cancel()
            let outcome = await call.result
            expectCancelled(outcome)
            let cancels = await server.waitForRequests(1, to: "/api/v2/runs/run_1234/cancel")
            #expect(await server.requests.count(where: { $0.path == Self.run }) == 1)
            #expect(cancels.map(\.method) == ["POST"])
            #expect(cancels.first?.header("Authorization") == "Bearer \(Self.secretKey)")
        }
    }
}
