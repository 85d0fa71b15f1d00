import ClientRuntime
import Foundation
import HTTPTestServer
import TestClocks
import Testing
import TriggerDev

/// Trigger.dev's "Retrieve run result" (`004_24179c3f64f42525.txt`): Bearer secret key, the 200 body (the doc gives
/// its schema, not an example, so the fixture is written from it), the documented 401 and 404 bodies, and waiting
/// while the run has not finished (404).
@Suite struct TriggerDevTests {
    static let path = "/api/v1/runs/run_1234/result"
    static let secretKey = "tr_dev_1234abcdEFGH"

    /// What the task returned, as the caller's own type.
    struct HelloOutput: Decodable, Equatable {
        var message: String
        var count: Int
        var tags: [String]
    }

    @Test func runResultDecodesCompletely() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.path, try serving("trigger-run-result.json"))
            let client = Client(serverURL: server.url, secretKey: Self.secretKey, configuration: testConfiguration)
            let result = try await client.getRunResultV1(runId: "run_1234")

            let sent = try #require(await server.requests.only)
            #expect(sent.method == "GET")
            #expect(sent.target == Self.path)
            #expect(sent.header("Authorization") == "Bearer \(Self.secretKey)")
            #expect(sent.header("Accept") == "application/json")

            #expect(result.ok)
            #expect(result.id == "run_1234")
            #expect(result.output == #"{"message":"Hello, world!","count":3,"tags":["a","b"]}"#)
            #expect(result.outputType == "application/json")
            #expect(result.error == nil)
            #expect(result.usage?.durationMs == 1523.5)
            #expect(result.taskIdentifier == "hello-world")

            let output = try SerializedValue.decode(try #require(result.output), contentType: result.outputType, as: HelloOutput.self)
            #expect(output == HelloOutput(message: "Hello, world!", count: 3, tags: ["a", "b"]))
        }
    }

    @Test func failedRunAndNonJSONOutput() async throws {
        try await withTestServer { server async throws in
            await server.script("/api/v1/runs/run_failed/result", .json("""
                {"ok": false, "id": "run_failed", "error": {"name": "Error", "message": "boom", "stackTrace": "at run"}, \
                "usage": {"durationMs": 12}, "taskIdentifier": "hello-world"}
                """))
            await server.script("/api/v1/runs/run_text/result", .json(#"{"ok": true, "id": "run_text", "output": "plain words", "outputType": "text/plain"}"#))
            let client = Client(serverURL: server.url, secretKey: Self.secretKey, configuration: testConfiguration)

            let failed = try await client.getRunResultV1(runId: "run_failed")
            #expect(!failed.ok)
            #expect(failed.output == nil)
            #expect(failed.error?["message"] == "boom")
            #expect(failed.usage?.durationMs == 12)

            let text = try await client.getRunResultV1(runId: "run_text")
            #expect(try SerializedValue.decode(try #require(text.output), contentType: text.outputType, as: String.self) == "plain words")
            #expect(throws: ClientError.self) {
                try SerializedValue.decode(text.output ?? "", contentType: text.outputType, as: HelloOutput.self)
            }
        }
    }

    @Test func waitingRetriesWhileTheRunIsNotFinished() async throws {
        try await withTestServer { server async throws in
            let notFinished = try serving("trigger-404.json", status: 404)
            await server.script(Self.path, notFinished, notFinished, try serving("trigger-run-result.json"))
            let clock = ManualClock()
            let client = Client(serverURL: server.url, secretKey: Self.secretKey, configuration: testConfiguration(on: clock))
            let call = Task { try await client.waitForRunResultV1(runId: "run_1234", every: .milliseconds(20), timeout: .seconds(60)) }
            // The interval asked for, not the 2 s default, and half as long again the second time.
            for pause in [Duration.milliseconds(20), .milliseconds(30)] {
                #expect(await clock.waitForSleepers(1, before: firstCallDeadline) == [clock.now.advanced(by: pause)])
                clock.advance(by: pause)
            }
            let result = try await call.value
            #expect(result.id == "run_1234")
            #expect(result.taskIdentifier == "hello-world")
            #expect(await server.requests.count == 3)
            #expect(await server.requests.allSatisfy { $0.target == Self.path && $0.header("Authorization") == "Bearer \(Self.secretKey)" })
            #expect(clock.slept == [.milliseconds(20), .milliseconds(30)])
        }
    }

    @Test func waitingStopsAtOtherErrors() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.path, try serving("trigger-401.json", status: 401))
            let client = Client(serverURL: server.url, secretKey: Self.secretKey, configuration: testConfiguration)
            let error = await clientError {
                _ = try await client.waitForRunResultV1(runId: "run_1234", every: .milliseconds(20), timeout: .seconds(60))
            }
            #expect(error?.status == 401)
            #expect(await server.requests.count == 1)
        }
    }

    /// Pauses of 50, 75 and 112.5 ms, then one cut short at the 300 ms deadline, where the fifth and last poll is made.
    @Test(.timeLimit(.minutes(1))) func waitingGivesUpAtItsTimeout() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.path, try serving("trigger-404.json", status: 404))
            let clock = ManualClock()
            let client = Client(serverURL: server.url, secretKey: Self.secretKey, configuration: testConfiguration(on: clock))
            let call = Task { () -> ClientError? in
                do throws(ClientError) {
                    _ = try await client.waitForRunResultV1(runId: "run_1234", every: .milliseconds(50), timeout: .milliseconds(300))
                    return nil
                } catch {
                    return error
                }
            }
            let pauses: [Duration] = [.milliseconds(50), .milliseconds(75), .microseconds(112_500), .microseconds(62_500)]
            for pause in pauses {
                #expect(await clock.waitForSleepers(1, before: firstCallDeadline) == [clock.now.advanced(by: pause)])
                clock.advance(by: pause)
            }
            guard case .waitTimedOut(let timeout, let attempts)? = await call.value else {
                Issue.record("expected waitTimedOut, got \(String(describing: await call.value))")
                return
            }
            #expect(timeout == .milliseconds(300))
            #expect(attempts == 5)
            #expect(await server.requests.count == 5)
            #expect(clock.slept == pauses)
        }
    }

    /// The spec lists the one 404 message that means "not finished"; a 404 saying anything else (a deleted run) ends
    /// the wait at once with that answer, where waiting on the status alone would sit out the whole timeout.
    @Test func waitingEndsAtOnceWhenTheRunIsGone() async throws {
        try await withTestServer { server async throws in
            let deleted = ScriptedResponse.json(#"{"error": "Run was deleted"}"#, status: 404)
            await server.script(Self.path, try serving("trigger-404.json", status: 404), deleted)
            let clock = ManualClock()
            let client = Client(serverURL: server.url, secretKey: Self.secretKey, configuration: testConfiguration(on: clock))
            let call = Task {
                await clientError { _ = try await client.waitForRunResultV1(runId: "run_1234", every: .milliseconds(20), timeout: .seconds(120)) }
            }
            #expect(await clock.waitForSleepers(1, before: firstCallDeadline) == [clock.now.advanced(by: .milliseconds(20))])
            clock.advance(by: .milliseconds(20))
            let error = await call.value
            // The clock stood at 20 ms when the wait ended: it ended at the deleted run, not its timeout.
            #expect(clock.slept == [.milliseconds(20)])
            #expect(error?.status == 404)
            #expect(error?.body(as: GetRunResultV1NotFound.self)?.error == "Run was deleted")
            #expect(await server.requests.count == 2)
        }
    }

    @Test func documentedErrorBodiesAreTyped() async throws {
        try await withTestServer { server async throws in
            await server.script("/api/v1/runs/run_unauthorized/result", try serving("trigger-401.json", status: 401))
            await server.script("/api/v1/runs/run_missing/result", try serving("trigger-404.json", status: 404))
            let client = Client(serverURL: server.url, secretKey: Self.secretKey, configuration: testConfiguration)

            let unauthorized = await clientError { _ = try await client.getRunResultV1(runId: "run_unauthorized") }
            guard case .documentedStatus(401, _, let rawBody, _)? = unauthorized else {
                Issue.record("expected documentedStatus 401, got \(String(describing: unauthorized))")
                return
            }
            #expect(rawBody == (try fixture("trigger-401.json")))
            #expect(unauthorized?.body(as: GetRunResultV1Unauthorized.self)?.error == "Invalid or Missing API Key")
            #expect(unauthorized?.body(as: GetRunResultV1NotFound.self) == nil)

            let missing = await clientError { _ = try await client.getRunResultV1(runId: "run_missing") }
            #expect(missing?.status == 404)
            #expect(missing?.body(as: GetRunResultV1NotFound.self)?.error == "Run either doesn't exist or is not finished")

            expectRedacted(unauthorized, [Self.secretKey])
            expectRedacted(missing, [Self.secretKey])
        }
    }
}
