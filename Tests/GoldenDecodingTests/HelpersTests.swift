import ClientRuntime
import Foundation
import GoldenHelpers
import HTTPTestServer
import TestClocks
import Testing

/// The wait methods of `helpers.yaml` over HTTP: a status that means "not ready" only when its body says so.
@Suite struct HelpersTests {
    private func client(_ server: TestServer) -> Client {
        Client(serverURL: server.url, token: "t", configuration: ClientConfiguration(timeout: .seconds(30)))
    }

    /// 409 `queued`, then 404 `warming_up` (a code the spec does not list, named by `notReadyWhen`), then the export.
    @Test func waitsWhileTheBodySaysNotReady() async throws {
        try await withTestServer { server async throws in
            await server.script(
                "/exports/e1",
                .json(#"{"detail": {"code": "queued"}}"#, status: 409),
                .json(#"{"detail": {"code": "warming_up"}}"#, status: 404),
                .json(#"{"url": "https://files.example.com/e1.csv"}"#))
            let export = try await client(server).waitForExport(id: "e1", every: .milliseconds(10), timeout: .seconds(60))
            #expect(export.url == "https://files.example.com/e1.csv")
            #expect(await server.requests.count == 3)
        }
    }

    /// The same statuses saying the work is gone end the wait with the server's answer after one 10 ms pause, on a
    /// clock that never reaches the 120 s timeout.
    @Test(.timeLimit(.minutes(1))) func endsAtOnceWhenTheBodySaysGone() async throws {
        try await withTestServer { server async throws in
            await server.script("/exports/e2", .json(#"{"detail": {"code": "preparing"}}"#, status: 404), .json(#"{"detail": {"code": "deleted", "message": "removed by its owner"}}"#, status: 404))
            await server.script("/runs/r1/result", .json(#"{"error": "Run either doesn't exist or is not finished"}"#, status: 404), .json(#"{"error": "Run was deleted"}"#, status: 404))
            let clock = ManualClock()
            let client = Client(serverURL: server.url, token: "t", configuration: ClientConfiguration(timeout: .seconds(30), clock: clock))
            // Every request's deadline timer sleeps 30 s; the pauses end long before.
            let timers = clock.now.advanced(by: .seconds(30))

            let export = Task { await clientError { _ = try await client.waitForExport(id: "e2", every: .milliseconds(10), timeout: .seconds(120)) } }
            #expect(await clock.waitForSleepers(1, before: timers) == [clock.now.advanced(by: .milliseconds(10))])
            clock.advance(by: .milliseconds(10))
            let exportError = await export.value
            #expect(exportError?.body(as: ExportProblem.self)?.detail?.code == .deleted)
            #expect(exportError?.body(as: ExportProblem.self)?.detail?.message == "removed by its owner")

            let run = Task { await clientError { _ = try await client.waitForRunResult(id: "r1", every: .milliseconds(10), timeout: .seconds(120)) } }
            #expect(await clock.waitForSleepers(1, before: timers) == [clock.now.advanced(by: .milliseconds(10))])
            clock.advance(by: .milliseconds(10))
            #expect(await run.value?.body(as: GetRunResultNotFound.self)?.error == "Run was deleted")

            #expect(await server.requests.count == 4)
            #expect(clock.slept == [.milliseconds(10), .milliseconds(10)])
        }
    }

    /// The statuses alone, where the spec documents no body that could tell (`getJobResult`'s 404).
    @Test func aStatusWithoutABodyToReadMeansNotReady() async throws {
        try await withTestServer { server async throws in
            await server.script("/jobs/j1/result", .text("not yet", status: 404), .json(#"{"output": "done"}"#))
            let result = try await client(server).waitForJobResult(id: "j1", every: .milliseconds(10), timeout: .seconds(60))
            #expect(result.output == "done")
            #expect(await server.requests.count == 2)
        }
    }
}
