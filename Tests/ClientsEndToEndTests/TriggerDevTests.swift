import ClientRuntime
import Foundation
import HTTPTestServer
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
            let client = Client(serverURL: server.url, secretKey: Self.secretKey, configuration: testConfiguration)
            let result = try await client.waitForRunResultV1(runId: "run_1234", every: .milliseconds(20), timeout: .seconds(60))
            #expect(result.id == "run_1234")
            #expect(result.taskIdentifier == "hello-world")
            #expect(await server.requests.count == 3)
            #expect(await server.requests.allSatisfy { $0.target == Self.path && $0.header("Authorization") == "Bearer \(Self.secretKey)" })
            // The short interval was used: with the 2 s default, requests would come at least 2 s apart.
            let arrivals = await server.requests.map(\.receivedAt)
            // The shortest gap is the one least likely to include a stall of the test pool, where the server stamps arrivals.
            #expect(zip(arrivals, arrivals.dropFirst()).map { $1 - $0 }.min().map { $0 < .seconds(2) } == true, "\(arrivals)")
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

    @Test func waitingGivesUpAtItsTimeout() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.path, try serving("trigger-404.json", status: 404))
            let client = Client(serverURL: server.url, secretKey: Self.secretKey, configuration: testConfiguration)
            do throws(ClientError) {
                _ = try await client.waitForRunResultV1(runId: "run_1234", every: .milliseconds(50), timeout: .milliseconds(300))
                Issue.record("expected waitTimedOut")
            } catch {
                guard case .waitTimedOut(let timeout, let attempts) = error else {
                    Issue.record("expected waitTimedOut, got \(error)")
                    return
                }
                #expect(timeout == .milliseconds(300))
                #expect(attempts == (await server.requests.count))
            }
        }
    }

    /// The spec lists the one 404 message that means "not finished"; a 404 saying anything else (a deleted run) ends
    /// the wait at once with that answer, where waiting on the status alone would sit out the whole timeout.
    @Test func waitingEndsAtOnceWhenTheRunIsGone() async throws {
        try await withTestServer { server async throws in
            let deleted = ScriptedResponse.json(#"{"error": "Run was deleted"}"#, status: 404)
            await server.script(Self.path, try serving("trigger-404.json", status: 404), deleted)
            let client = Client(serverURL: server.url, secretKey: Self.secretKey, configuration: testConfiguration)
            let started = ContinuousClock.now
            let error = await clientError {
                _ = try await client.waitForRunResultV1(runId: "run_1234", every: .milliseconds(20), timeout: .seconds(120))
            }
            #expect(ContinuousClock.now - started < .seconds(60), "the wait ended at the deleted run, not its timeout")
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
