import ClientRuntime
import Foundation
import HTTPTestServer
import TestClocks
import Testing

@Suite struct TransportTests {
    /// Retries are off: these tests are about what one exchange does (`RetryTests` covers the policy).
    private func connection(_ server: TestServer, timeout: Duration? = .seconds(10), maxResponseBytes: Int = 1 << 20) -> Connection {
        Connection(serverURL: server.url, configuration: ClientConfiguration(timeout: timeout, maxResponseBytes: maxResponseBytes, retry: .never))
    }

    @Test func truncatedBodyIsATransportError() async throws {
        try await withTestServer { server async throws in
            await server.script("*", ScriptedResponse(headers: ["Content-Type": "application/json"], body: Data(repeating: 0x20, count: 10_000), behaviour: .truncateBody(sending: 100)))
            let error = await clientError { _ = try await connection(server).send(Request(method: .get, path: "/big")) }
            guard case .transport? = error else { Issue.record("expected transport, got \(String(describing: error))"); return }
        }
    }

    @Test func droppedConnectionIsATransportError() async throws {
        try await withTestServer { server async throws in
            await server.script("*", ScriptedResponse(behaviour: .dropConnection))
            let error = await clientError { _ = try await connection(server).send(Request(method: .get, path: "/drop")) }
            guard case .transport(let message)? = error else { Issue.record("expected transport, got \(String(describing: error))"); return }
            #expect(!message.isEmpty)
        }
    }

    @Test func refusedConnectionIsATransportError() async throws {
        let connection = Connection(serverURL: URL(string: "http://127.0.0.1:1")!, configuration: ClientConfiguration(retry: .never))
        let error = await clientError { _ = try await connection.send(Request(method: .get, path: "/")) }
        guard case .transport? = error else { Issue.record("expected transport, got \(String(describing: error))"); return }
    }

    /// The server holds its answer; the call ends with `timedOut` when, and only when, its clock reaches the timeout.
    @Test(.timeLimit(.minutes(1))) func slowServerTimesOut() async throws {
        try await withTestServer { server async throws in
            await server.script("*", ScriptedResponse(heldAt: "never"))
            let clock = ManualClock()
            let connection = Connection(serverURL: server.url, configuration: ClientConfiguration(timeout: .seconds(10), retry: .never, clock: clock))
            let call = Task { await clientError { _ = try await connection.send(Request(method: .get, path: "/slow")) } }
            await server.waitForRequests(1)
            #expect(await clock.waitForSleepers(1) == [clock.now.advanced(by: .seconds(10))])
            clock.advance(by: .seconds(10))
            let error = await call.value
            guard case .timedOut? = error else { Issue.record("expected timedOut, got \(String(describing: error))"); return }
            #expect(clock.slept == [.seconds(10)])
        }
    }

    /// Cancelling a call whose server holds its answer ends it with `cancelled`, not with the timeout: the clock never
    /// moves, and its deadline timer is cancelled too.
    @Test(.timeLimit(.minutes(1))) func cancellationIsAClientError() async throws {
        try await withTestServer { server async throws in
            await server.script("*", ScriptedResponse(heldAt: "never"))
            let clock = ManualClock()
            let connection = Connection(serverURL: server.url, configuration: ClientConfiguration(timeout: .seconds(10), retry: .never, clock: clock))
            let task = Task { try await connection.send(Request(method: .get, path: "/slow")) }
            await server.waitForRequests(1)
            task.cancel()
            let error = await clientError { _ = try await task.value }
            guard case .cancelled? = error else { Issue.record("expected cancelled, got \(String(describing: error))"); return }
            #expect(clock.deadlines.isEmpty)
            #expect(clock.slept.isEmpty)
        }
    }

    @Test func alreadyCancelledTasksSendNothing() async throws {
        try await withTestServer { server async throws in
            let connection = connection(server)
            let task = Task {
                while !Task.isCancelled { await Task.yield() }
                return try await connection.send(Request(method: .get, path: "/never"))
            }
            task.cancel()
            let error = await clientError { _ = try await task.value }
            guard case .cancelled? = error else { Issue.record("expected cancelled, got \(String(describing: error))"); return }
            #expect(await server.requests.isEmpty)
        }
    }

    @Test(arguments: [false, true])
    func oversizedResponsesFailCleanly(chunked: Bool) async throws {
        try await withTestServer { server async throws in
            await server.script("*", ScriptedResponse(body: Data(repeating: 0x61, count: 200_000), chunked: chunked))
            let error = await clientError { _ = try await connection(server, maxResponseBytes: 50_000).send(Request(method: .get, path: "/big")) }
            guard case .responseTooLarge(let limit)? = error else { Issue.record("expected responseTooLarge, got \(String(describing: error))"); return }
            #expect(limit == 50_000)

            let fits = try await connection(server, maxResponseBytes: 200_000).send(Request(method: .get, path: "/big"))
            #expect(fits.body.count == 200_000)
        }
    }

    @Test func responseHeadersArePassedThrough() async throws {
        try await withTestServer { server async throws in
            await server.script("*", ScriptedResponse(status: 201, headers: ["X-Request-Id": "abc", "Content-Type": "application/json"], body: Data("{}".utf8)))
            let response = try await connection(server).send(Request(method: .post, path: "/x"))
            #expect(response.status == 201)
            #expect(response.headers["x-request-id"] == "abc")
        }
    }
}
