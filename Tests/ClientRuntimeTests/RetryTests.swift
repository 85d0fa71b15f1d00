import ClientRuntime
import Foundation
import HTTPTestServer
import TestClocks
import Testing

/// The retry policy over real HTTP against a server that fails on purpose. Tests about waits run the client on a
/// `ManualClock`: they state the exact wait the client went to sleep for, and that the server saw nothing more
/// until the test moved the clock that far. The others run on the real clock with short backoffs, and assert no
/// time at all.
@Suite(.timeLimit(.minutes(1))) struct RetryTests {
    private static let json = #"{"items":[1,2,3]}"#

    /// Backoffs of exactly 20, 40, 80 ms… so tests never wait on chance.
    private static let quick = RetryPolicy(initialBackoff: .milliseconds(20), jitter: .none)

    private func connection(
        _ server: TestServer, retry: RetryPolicy = quick, timeout: Duration? = .seconds(30), clock: any Clock<Duration> = ContinuousClock(),
        credentials: [String: Credential?] = [:]
    ) -> Connection {
        Connection(serverURL: server.url, configuration: ClientConfiguration(timeout: timeout, retry: retry, clock: clock), credentials: credentials)
    }

    /// Backoffs of 30 s: a call that retries sooner was told to by the server.
    private static let slowBackoff = RetryPolicy(initialBackoff: .seconds(30), maxBackoff: .seconds(30), jitter: .none)

    /// GETs `path` on `clock` and, for each of `waits` in turn, checks that the client went to sleep for exactly that
    /// long with no retry of `path` received yet, then advances the clock by it; returns the response.
    private func get(
        _ path: String, from server: TestServer, retry: RetryPolicy, clock: ManualClock, waits: [Duration],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Response {
        let timeout = Duration.seconds(30)
        // Every wait ends before the call's deadline, which its deadline timer sleeps until.
        let deadline = clock.now.advanced(by: timeout)
        let connection = connection(server, retry: retry, timeout: timeout, clock: clock)
        let call = Task { try await connection.send(Request(method: .get, path: path)) }
        for (answered, wait) in waits.enumerated() {
            let wakes = await clock.waitForSleepers(1, before: deadline)
            #expect(wakes == [clock.now.advanced(by: wait)], "wait \(answered + 1)", sourceLocation: sourceLocation)
            #expect(await server.requests.filter { $0.path == path }.count == answered + 1, "no retry before the clock moved", sourceLocation: sourceLocation)
            clock.advance(by: wait)
        }
        let response = try await call.value
        #expect(clock.slept == waits, sourceLocation: sourceLocation)
        return response
    }

    @Test func serviceUnavailableTwiceThenSuccess() async throws {
        try await withTestServer { server async throws in
            await server.script("/items", ScriptedResponse(status: 503), ScriptedResponse(status: 503), .json(Self.json))
            // Exactly the backoff bounds, since jitter is off: 20 ms, then 40 ms.
            let response = try await get("/items", from: server, retry: Self.quick, clock: ManualClock(), waits: [.milliseconds(20), .milliseconds(40)])
            #expect(response.status == 200)
            #expect(response.body == Data(Self.json.utf8))
            #expect(response.attempts == 3)
            #expect(await server.requests.count == 3)
        }
    }

    @Test func retryAfterInSecondsIsHonoured() async throws {
        try await withTestServer { server async throws in
            await server.script("/items", ScriptedResponse(status: 503, headers: ["Retry-After": "1"]), .json(Self.json))
            let response = try await get("/items", from: server, retry: Self.slowBackoff, clock: ManualClock(), waits: [.seconds(1)])
            #expect(response.body == Data(Self.json.utf8))
            #expect(await server.requests.count == 2)
        }
    }

    /// An HTTP-date is read against the wall clock when the answer arrives, so the test brackets that moment: the
    /// wait is between what was left of the date when the test saw the client asleep and what was left when the
    /// call was made.
    @Test func retryAfterAsAnHTTPDateIsHonoured() async throws {
        try await withTestServer { server async throws in
            let date = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down) + 30)
            await server.script("/items", ScriptedResponse(status: 429, headers: ["Retry-After": ScriptedResponse.httpDate(date)]), .json(Self.json))
            let clock = ManualClock()
            let deadline = clock.now.advanced(by: .seconds(60))
            let connection = connection(server, retry: Self.slowBackoff, timeout: .seconds(60), clock: clock)
            let sent = Date()
            let call = Task { try await connection.send(Request(method: .get, path: "/items")) }
            let wake = try #require(await clock.waitForSleepers(1, before: deadline).only)
            let seen = Date()
            #expect(await server.requests.count == 1, "no retry before the clock moved")
            let wait = clock.now.duration(to: wake)
            let atMost = Duration.milliseconds(Int64((date.timeIntervalSince(sent) * 1000).rounded(.up)))
            let atLeast = Duration.milliseconds(Int64((date.timeIntervalSince(seen) * 1000).rounded(.down)))
            #expect(wait >= atLeast && wait <= atMost, "slept \(wait), not until the date (\(atLeast)...\(atMost))")
            clock.advance(to: wake)
            #expect(try await call.value.body == Data(Self.json.utf8))
            #expect(clock.slept == [wait])
        }
    }

    @Test func rateLimitResetIsHonouredOnlyWhenTheLimitIsReached() async throws {
        try await withTestServer { server async throws in
            await server.script("/limited", ScriptedResponse(status: 429, headers: ["RateLimit-Reset": "1"]), .json(Self.json))
            _ = try await get("/limited", from: server, retry: Self.slowBackoff, clock: ManualClock(), waits: [.seconds(1)])

            // A reset an hour away on a 503 with quota left is about the rate limit, not this failure: backing off
            // (20 ms) is right, and failing at once because the wait is too long would be wrong.
            await server.script("/busy", ScriptedResponse(status: 503, headers: ["X-RateLimit-Reset": "3600", "X-RateLimit-Remaining": "41"]), .json(Self.json))
            let response = try await get("/busy", from: server, retry: Self.quick, clock: ManualClock(), waits: [.milliseconds(20)])
            #expect(response.status == 200)
        }
    }

    /// On a clock nobody advances, a call that waited at all could not end.
    @Test func aLongerRequestedWaitFailsAtOnceWithTheServersAnswer() async throws {
        try await withTestServer { server async throws in
            await server.script("/items", .json(#"{"message":"come back in an hour"}"#, status: 429, headers: ["Retry-After": "3600"]))
            let clock = ManualClock()
            let error = await clientError { _ = try await connection(server, clock: clock).send(Request(method: .get, path: "/items")).throwAsGeneratedCodeDoes(self.connection(server)) }
            #expect(clock.slept.isEmpty)
            guard case .gaveUp(1, .waitTooLong(let requested), .undocumentedStatus(429, let body, let headers))? = error else {
                Issue.record("expected gaveUp waitTooLong, got \(String(describing: error))")
                return
            }
            #expect(requested == .seconds(3600))
            #expect(String(decoding: body, as: UTF8.self) == #"{"message":"come back in an hour"}"#)
            #expect(headers["Retry-After"] == "3600")
            #expect(error?.status == 429)
            #expect(await server.requests.count == 1)
        }
    }

    @Test func theFinalErrorGivesTheAttemptsAndTheLastAnswer() async throws {
        try await withTestServer { server async throws in
            await server.script("/items", ScriptedResponse(status: 502), ScriptedResponse(status: 503, headers: ["X-Request-Id": "last"], body: Data("busy".utf8)))
            let error = await clientError { _ = try await connection(server).send(Request(method: .get, path: "/items")).throwAsGeneratedCodeDoes(self.connection(server)) }
            guard case .gaveUp(3, .attemptLimit, .undocumentedStatus(503, _, _))? = error else {
                Issue.record("expected gaveUp after 3 attempts, got \(String(describing: error))")
                return
            }
            #expect(error?.headers?["X-Request-Id"] == "last")
            #expect(error?.bodyText == "busy")
            #expect(error?.description == "unexpected HTTP 503 (4 bytes of body) (3 attempts; no attempts left)")
            #expect(await server.requests.count == 3)
        }
    }

    /// Every way a connection can fail on a GET, one after another, and the data still arrives whole.
    @Test func getSurvivesDropsBeforeAndAfterTheHeadAndMidBody() async throws {
        try await withTestServer { server async throws in
            let body = Data((0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            let whole = ScriptedResponse(headers: ["Content-Type": "application/octet-stream"], body: body)
            await server.script(
                "/file",
                ScriptedResponse(behaviour: .dropConnection),
                ScriptedResponse(body: body, behaviour: .truncateBody(sending: 0)),
                ScriptedResponse(body: body, behaviour: .truncateBody(sending: 20_000)),
                ScriptedResponse(behaviour: .trickle(pieces: [body.prefix(1000), body.dropFirst(1000).prefix(1000)], interval: .milliseconds(10), thenDrop: true)),
                whole)
            let response = try await connection(server, retry: RetryPolicy(maxAttempts: 5, initialBackoff: .milliseconds(10), jitter: .none))
                .send(Request(method: .get, path: "/file"))
            #expect(response.body == body)
            #expect(response.attempts == 5)
            #expect(await server.requests.count == 5)
        }
    }

    @Test func postWithoutIdempotencyKeyIsNeverSentTwice() async throws {
        try await withTestServer { server async throws in
            let faults: [(String, ScriptedResponse)] = [
                ("/unavailable", ScriptedResponse(status: 503)),
                ("/limited", ScriptedResponse(status: 429, headers: ["Retry-After": "0"])),
                ("/dropped", ScriptedResponse(behaviour: .dropConnection)),
                ("/headOnly", ScriptedResponse(body: Data("{}".utf8), behaviour: .truncateBody(sending: 0))),
                ("/midBody", ScriptedResponse(body: Data(repeating: 0x20, count: 10_000), behaviour: .truncateBody(sending: 100))),
            ]
            for (path, fault) in faults {
                await server.script(path, fault, .json(Self.json))
                var request = Request(method: .post, path: path)
                request.jsonBody(["name": "once"])
                let error = await clientError { _ = try await connection(server).send(request).throwAsGeneratedCodeDoes(self.connection(server)) }
                guard case .gaveUp(1, .notIdempotent(.post), _)? = error else {
                    Issue.record("\(path): expected gaveUp notIdempotent, got \(String(describing: error))")
                    continue
                }
                #expect(await server.requests.filter { $0.path == path }.count == 1, "\(path)")
            }
        }
    }

    @Test func postWithAnIdempotencyKeyIsRetriedWithTheSameKeyAndBody() async throws {
        try await withTestServer { server async throws in
            await server.script("/runs", ScriptedResponse(status: 503), ScriptedResponse(behaviour: .dropConnection), .json(Self.json, status: 201))
            var request = Request(method: .post, path: "/runs")
            request.header("Idempotency-Key", "key-1")
            request.jsonBody(["task": "hello"])
            let response = try await connection(server).send(request)
            #expect(response.status == 201)
            let requests = await server.requests
            #expect(requests.count == 3)
            #expect(requests.allSatisfy { $0.header("Idempotency-Key") == "key-1" && $0.text == #"{"task":"hello"}"# })
        }
    }

    /// Nothing reached the server, so even a POST is safe to send again.
    @Test func refusedConnectionsAreRetriedForAnyMethod() async throws {
        let connection = Connection(serverURL: URL(string: "http://127.0.0.1:1")!, configuration: ClientConfiguration(retry: Self.quick))
        let error = await clientError { _ = try await connection.send(Request(method: .post, path: "/jobs")) }
        guard case .gaveUp(3, .attemptLimit, .transport)? = error else {
            Issue.record("expected gaveUp after 3 attempts, got \(String(describing: error))")
            return
        }
    }

    @Test func streamedBodiesAreRetriedOnlyWhenTheyCanBeReplayed() async throws {
        try await withTestServer { server async throws in
            await server.script("/once", ScriptedResponse(status: 503), .json(Self.json))
            let chunks = AsyncStream<Data> { continuation in
                continuation.yield(Data("part one, ".utf8))
                continuation.yield(Data("part two".utf8))
                continuation.finish()
            }
            var streamed = Request(method: .put, path: "/once")
            streamed.body(HTTPBody(chunks), contentType: "text/plain")
            let error = await clientError { _ = try await connection(server).send(streamed).throwAsGeneratedCodeDoes(self.connection(server)) }
            guard case .gaveUp(1, .bodyNotReplayable, .undocumentedStatus(503, _, _))? = error else {
                Issue.record("expected gaveUp bodyNotReplayable, got \(String(describing: error))")
                return
            }
            #expect(await server.requests.map(\.text) == ["part one, part two"])

            let file = FileManager.default.temporaryDirectory.appendingPathComponent("retry-\(UUID().uuidString)")
            try Data("from a file".utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            await server.script("/again", ScriptedResponse(status: 503), .json(Self.json))
            var replayable = Request(method: .put, path: "/again")
            replayable.body(try HTTPBody(contentsOf: file), contentType: "text/plain")
            #expect(try await connection(server).send(replayable).status == 200)
            #expect(await server.requests.filter { $0.path == "/again" }.map(\.text) == ["from a file", "from a file"])
        }
    }

    /// The first answer asks for half a second; the client sleeps exactly that, and the second attempt reaches the
    /// server, which holds its answer. At the 6 s deadline the attempt is cut off and the call ends saying why.
    @Test func theTimeoutCoversEveryAttemptAndWait() async throws {
        try await withTestServer { server async throws in
            await server.script("/slow", ScriptedResponse(status: 503, headers: ["Retry-After": "0.5"]), ScriptedResponse(heldAt: "never"))
            let clock = ManualClock()
            let deadline = clock.now.advanced(by: .seconds(6))
            let connection = connection(server, timeout: .seconds(6), clock: clock)
            let call = Task { await clientError { _ = try await connection.send(Request(method: .get, path: "/slow")) } }
            #expect(await clock.waitForSleepers(1, before: deadline) == [clock.now.advanced(by: .milliseconds(500))])
            clock.advance(by: .milliseconds(500))
            await server.waitForRequests(2)
            // Only the deadline timer of the second attempt sleeps now.
            #expect(await clock.waitForSleepers(1) == [deadline])
            clock.advance(to: deadline)
            let error = await call.value
            guard case .gaveUp(2, .deadline, .timedOut)? = error else {
                Issue.record("expected gaveUp deadline, got \(String(describing: error))")
                return
            }
            #expect(clock.slept == [.milliseconds(500), .milliseconds(5_500)])

            // A wait that would end after the deadline is not begun: the call ends at once with the last answer.
            await server.script("/busy", ScriptedResponse(status: 503, headers: ["Retry-After": "20"]))
            let busyClock = ManualClock()
            let busy = await clientError {
                _ = try await self.connection(server, timeout: .seconds(6), clock: busyClock).send(Request(method: .get, path: "/busy"))
                    .throwAsGeneratedCodeDoes(self.connection(server))
            }
            guard case .gaveUp(1, .deadline, .undocumentedStatus(503, _, _))? = busy else {
                Issue.record("expected gaveUp deadline, got \(String(describing: busy))")
                return
            }
            #expect(busyClock.slept.isEmpty)
        }
    }

    /// The server asks for 30 s; cancelling during that wait ends the call, with nothing more sent. The clock never
    /// moves, so only the cancellation can have ended the wait.
    @Test func cancellingDuringABackoffEndsTheCall() async throws {
        try await withTestServer { server async throws in
            await server.script("/items", ScriptedResponse(status: 503, headers: ["Retry-After": "30"]))
            let clock = ManualClock()
            let deadline = clock.now.advanced(by: .seconds(120))
            let connection = connection(server, timeout: .seconds(120), clock: clock)
            let task = Task { () -> ClientError? in
                do throws(ClientError) {
                    _ = try await connection.send(Request(method: .get, path: "/items"))
                    return nil
                } catch {
                    return error
                }
            }
            #expect(await clock.waitForSleepers(1, before: deadline) == [clock.now.advanced(by: .seconds(30))])
            task.cancel()
            let error = await task.value
            guard case .cancelled? = error else {
                Issue.record("expected cancelled, got \(String(describing: error))")
                return
            }
            #expect(await server.requests.count == 1)
            #expect(clock.slept.isEmpty)
        }
    }

    @Test func credentialsAreAppliedOnEveryAttemptAndOnlyOnTheServersOrigin() async throws {
        try await withTestServer { home async throws in
            try await withTestServer { elsewhere async throws in
                await home.script("/items", ScriptedResponse(status: 503), ScriptedResponse(behaviour: .dropConnection), .json(Self.json))
                await elsewhere.script("/next", ScriptedResponse(status: 503), .json(Self.json))
                let connection = connection(home, credentials: ["b": .bearer("t0k3n")])
                var request = Request(method: .get, path: "/items")
                request.security = [["b"]]
                _ = try await connection.send(request)
                #expect(await home.requests.map { $0.header("Authorization") } == Array(repeating: "Bearer t0k3n", count: 3))

                var link = Request(method: .get, link: elsewhere.url.absoluteString + "/next")
                link.security = [["b"]]
                _ = try await connection.send(link)
                #expect(await elsewhere.requests.map { $0.header("Authorization") } == [nil, nil])
            }
        }
    }

    @Test func middlewaresSeeEveryAttempt() async throws {
        actor Seen: ClientMiddleware {
            var count = 0
            func intercept(_ request: TransportRequest, next: @Sendable (TransportRequest) async throws -> TransportResponse) async throws -> TransportResponse {
                count += 1
                return try await next(request)
            }
        }
        try await withTestServer { server async throws in
            await server.script("/items", ScriptedResponse(status: 504), .json(Self.json))
            let seen = Seen()
            let configuration = ClientConfiguration(middlewares: [seen], retry: Self.quick)
            _ = try await Connection(serverURL: server.url, configuration: configuration).send(Request(method: .get, path: "/items"))
            #expect(await seen.count == 2)
        }
    }

    @Test func statusesOutsideTheSetAndPolicyNeverAreSentOnce() async throws {
        try await withTestServer { server async throws in
            await server.script("/teapot", .text("no", status: 418))
            let teapot = try await connection(server).send(Request(method: .get, path: "/teapot"))
            #expect(teapot.status == 418 && teapot.attempts == 1)

            await server.script("/busy", ScriptedResponse(status: 503))
            let once = try await connection(server, retry: .never).send(Request(method: .get, path: "/busy"))
            #expect(once.status == 503)
            // Without retries, the error is the plain answer.
            guard case .undocumentedStatus(503, _, _) = self.connection(server, retry: .never).undocumentedError(once) else {
                Issue.record("expected a plain undocumentedStatus")
                return
            }
            let custom = RetryPolicy(retryableStatuses: [418], initialBackoff: .milliseconds(10), jitter: .none)
            await server.script("/teapot", .text("no", status: 418), .json(Self.json))
            #expect(try await connection(server, retry: custom).send(Request(method: .get, path: "/teapot")).status == 200)
            #expect(await server.requests.filter { $0.path == "/busy" }.count == 1)
        }
    }

    @Test func streamedCallsAreRetriedUntilAHeadArrives() async throws {
        try await withTestServer { server async throws in
            await server.script("/events", ScriptedResponse(status: 503), ScriptedResponse(behaviour: .dropConnection), ScriptedResponse(body: Data("streamed".utf8), chunked: true))
            let response = try await connection(server).stream(Request(method: .get, path: "/events"))
            // libcurl sends a GET again by itself when a reused connection closes before any answer, unseen by the
            // policy: the server counts every attempt, the response only those the policy made.
            #expect(await server.requests.count == 3)
            #expect((2...3).contains(response.attempts))
            #expect(try await response.body.collect(upTo: 100) == Data("streamed".utf8))
        }
    }

    /// Many calls at once against a server that fails most of them in every way it can: every GET gets its exact
    /// data, and no POST without a key is received twice. The script injects 56 faults (six for each of 8 GETs, one
    /// for each of 8 POSTs) and the calls survive all of them.
    @Test func aBarrageOfFaults() async throws {
        try await withTestServer { server async throws in
            let retry = RetryPolicy(maxAttempts: 7, initialBackoff: .milliseconds(5), maxBackoff: .milliseconds(40))
            // No timeout: however loaded the machine, every call comes through.
            let connection = connection(server, retry: retry, timeout: nil)
            for index in 0..<8 {
                let body = Data("row \(index) ".utf8 + Array(repeating: UInt8(0x61 + index), count: 5_000))
                await server.script(
                    "/get/\(index)",
                    ScriptedResponse(status: 503, headers: ["Retry-After": "0"]),
                    ScriptedResponse(behaviour: .dropConnection),
                    ScriptedResponse(status: 429, headers: ["RateLimit-Reset": "0"]),
                    ScriptedResponse(body: body, behaviour: .truncateBody(sending: 0)),
                    ScriptedResponse(body: body, behaviour: .truncateBody(sending: 2_500)),
                    ScriptedResponse(status: 502),
                    ScriptedResponse(headers: ["Content-Type": "text/plain"], body: body, chunked: true))
                await server.script("/post/\(index)", ScriptedResponse(status: 503))
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        let response = try await connection.send(Request(method: .get, path: "/get/\(index)"))
                        #expect(response.body == Data("row \(index) ".utf8 + Array(repeating: UInt8(0x61 + index), count: 5_000)))
                        // libcurl may resend the dropped GET itself (see `streamedCallsAreRetriedUntilAHeadArrives`).
                        #expect((6...7).contains(response.attempts))
                    }
                    group.addTask {
                        var post = Request(method: .post, path: "/post/\(index)")
                        post.textBody("once")
                        let answer = try await connection.send(post)
                        #expect(answer.status == 503 && answer.attempts == 1)
                    }
                }
                try await group.waitForAll()
            }
            let requests = await server.requests
            for index in 0..<8 {
                #expect(requests.filter { $0.path == "/get/\(index)" }.count == 7)
                #expect(requests.filter { $0.path == "/post/\(index)" }.count == 1)
            }
        }
    }
}

private extension Response {
    /// Throws what generated code throws for an undocumented status, so a test sees what callers see.
    func throwAsGeneratedCodeDoes(_ connection: Connection) throws(ClientError) {
        throw connection.undocumentedError(self)
    }
}

private extension Array {
    var only: Element? { count == 1 ? first : nil }
}
