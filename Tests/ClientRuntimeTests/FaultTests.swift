import ClientRuntime
import Foundation
import HTTPTestServer
import TestClocks
import Testing

/// The retry policy against `FaultServer`, which breaks exchanges on the wire: connections dropped before and
/// after the response head, reset mid-body, bodies trickled, 503 with `Retry-After: 1`, 429 with an HTTP-date.
/// The server counts every request it receives and every fault it serves.
@Suite struct FaultTests {
    /// Nine attempts: the eight faults a GET meets, then its data. Short backoffs, jittered as by default.
    private static let patient = RetryPolicy(maxAttempts: 9, initialBackoff: .milliseconds(10), maxBackoff: .milliseconds(80))

    /// Every way a GET can fail, rotated so concurrent calls meet them in different orders.
    private static func faults(for body: Data, rotation: Int) -> [Fault] {
        let all: [Fault] = [
            .dropBeforeHead, .dropAfterHead(body: body), .resetMidBody(body: body, sending: body.count / 2),
            .status(503, headers: ["Retry-After": "1"]), .retryAfterDate(status: 429, after: .seconds(1)),
            .status(502), .status(504), .status(408),
        ]
        let shift = rotation % all.count
        return Array(all[shift...] + all[..<shift])
    }

    /// Bytes that differ at every offset and between calls, so a body stitched from two attempts cannot pass.
    private static func payload(_ seed: Int, size: Int) -> Data {
        var state = UInt64(seed + 1) &* 0x9E37_79B9_7F4A_7C15
        return Data((0..<size).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        })
    }

    private enum Outcome {
        case data(Data)
        case failed(ClientError)
    }

    /// Sends `request` and reads the answer as generated code does: a 2xx body, or the error for any other status.
    private static func call(_ connection: Connection, _ request: Request) async -> Outcome {
        do throws(ClientError) {
            let response = try await connection.send(request)
            guard (200..<300).contains(response.status) else { return .failed(connection.undocumentedError(response)) }
            return .data(response.body)
        } catch {
            return .failed(error)
        }
    }

    /// One run: 12 GETs meet eight faults each and get exactly their data; PUTs with a body and POSTs with an
    /// `Idempotency-Key` are sent again with the same body; POSTs without a key meet one fault each and are
    /// received once. Prints the number of faults the run injects and how many the calls came through as they
    /// should: retried to the right answer, or for an unkeyed POST, reported without a second send.
    @Test func oneRunOfEveryFault() async throws {
        try await withFaultServer { server in
            // No timeout, and real but short waits: however loaded the machine, every call comes through.
            let connection = Connection(serverURL: server.url, configuration: ClientConfiguration(timeout: nil, retry: Self.patient))
            var expected: [String: Data] = [:]
            var requests: [(path: String, request: Request)] = []

            for index in 0..<12 {
                let body = Self.payload(index, size: 16_384 * (1 + index % 4))
                let path = "/data/\(index)"
                server.script(path, Self.faults(for: body, rotation: index) + [.trickle(body: body, pieces: 4, interval: .milliseconds(10))])
                expected[path] = body
                requests.append((path, Request(method: .get, path: path)))
            }
            for index in 0..<4 {
                let path = "/put/\(index)"
                let stored = Self.payload(100 + index, size: 8_192)
                server.script(path, .dropBeforeHead, .resetMidBody(body: stored, sending: 100), .status(503, headers: ["Retry-After": "0"]),
                              .respond(status: 200, headers: [:], body: stored))
                var put = Request(method: .put, path: path)
                put.body(HTTPBody(stored), contentType: "application/octet-stream")
                expected[path] = stored
                requests.append((path, put))
            }
            for index in 0..<4 {
                let path = "/keyed/\(index)"
                let created = Data(#"{"run":"\#(index)"}"#.utf8)
                server.script(path, .dropBeforeHead, .dropAfterHead(body: created), .retryAfterDate(status: 429, after: .zero),
                              .respond(status: 201, headers: [:], body: created))
                var post = Request(method: .post, path: path)
                post.header("Idempotency-Key", "key-\(index)")
                post.jsonBody(["task": "hello \(index)"])
                expected[path] = created
                requests.append((path, post))
            }
            let unkeyed = Self.faults(for: Data(repeating: 0x2A, count: 4_096), rotation: 0)
            for (index, fault) in unkeyed.enumerated() {
                let path = "/once/\(index)"
                server.script(path, fault, .json(#"{"created":true}"#))
                var post = Request(method: .post, path: path)
                post.jsonBody(["attempt": index])
                requests.append((path, post))
            }

            let outcomes = await withTaskGroup(of: (String, Outcome).self) { group in
                for (path, request) in requests {
                    group.addTask { (path, await Self.call(connection, request)) }
                }
                var outcomes: [String: Outcome] = [:]
                for await (path, outcome) in group { outcomes[path] = outcome }
                return outcomes
            }

            let received = server.requests
            var survived = 0
            for (path, outcome) in outcomes {
                let sent = received.filter { $0.path == path }
                let faults = sent.filter(\.fault).count
                if path.hasPrefix("/once/") {
                    // A POST without a key that may have reached the server is never sent again.
                    guard case .failed(let error) = outcome, case .gaveUp(1, .notIdempotent(.post), _) = error else {
                        Issue.record("\(path): expected gaveUp notIdempotent, got \(outcome)")
                        continue
                    }
                    #expect(sent.count == 1, "\(path) was received \(sent.count) times")
                    if sent.count == 1 { survived += faults }
                } else {
                    guard case .data(let data) = outcome else {
                        Issue.record("\(path): expected its data, got \(outcome)")
                        continue
                    }
                    #expect(data == expected[path], "\(path): \(data.count) bytes, expected \(expected[path]?.count ?? 0)")
                    #expect(Set(sent.map(\.body)).count == 1, "\(path): every attempt carries the same body")
                    #expect(Set(sent.map { $0.header("Idempotency-Key") }).count == 1)
                    if data == expected[path] { survived += faults }
                }
            }
            let injected = server.faultsInjected
            #expect(injected == 12 * 8 + 4 * 3 + 4 * 3 + unkeyed.count, "every scripted fault was served")
            #expect(survived == injected)
            print("fault tests: \(injected) faults injected, \(survived) survived (\(requests.count) calls over \(Set(received.map(\.connection)).count) connections; \(unkeyed.count) POSTs without an Idempotency-Key reported their fault and were received once)")
        }
    }

    /// `Retry-After: 1` twice and HTTP-dates half a minute away twice, in one call, on a clock the test advances.
    /// At each answer the client goes to sleep for exactly what was asked (for a date, the time from when it read
    /// the answer to the date), the server sees no retry until the clock has moved that far, and the backoffs of
    /// 40 s, the policy's own, never come into it. The dates are far enough ahead that however late a loaded machine
    /// reads the answer, they have not passed (a date already past asks for no wait at all).
    @Test(.timeLimit(.minutes(1))) func retryAfterIsHonouredExactly() async throws {
        try await withFaultServer { server in
            let seconds = Fault.status(503, headers: ["Retry-After": "1"])
            let date = Fault.retryAfterDate(status: 429, after: .seconds(30))
            server.script("/paced", seconds, date, seconds, date, .json(#"{"ok":true}"#))
            let slow = RetryPolicy(maxAttempts: 5, initialBackoff: .seconds(40), maxBackoff: .seconds(40), jitter: .none)
            let clock = ManualClock()
            let timeout = Duration.seconds(300)
            let deadline = clock.now.advanced(by: timeout)
            let connection = Connection(serverURL: server.url, configuration: ClientConfiguration(timeout: timeout, retry: slow, clock: clock))
            let call = Task { try await connection.send(Request(method: .get, path: "/paced")) }

            var waits: [Duration] = []
            for answered in 1...4 {
                // The waits end before the call's deadline; its deadline timer sleeps until it.
                let wake = try #require(await clock.waitForSleepers(1, before: deadline).first)
                let seen = Date()
                let received = server.requests
                #expect(received.count == answered, "no retry before the clock moved")
                let wait = clock.now.duration(to: wake)
                let asked = try #require(received.last)
                #expect(asked.asks(for: wait, readBefore: seen), "asked for \(String(describing: asked.askedWait)), slept \(wait)")
                waits.append(wait)
                clock.advance(to: wake)
            }
            let response = try await call.value
            #expect(response.body == Data(#"{"ok":true}"#.utf8))
            #expect(server.requests.count == 5)
            #expect(clock.slept == waits)
            #expect(waits[0] == .seconds(1) && waits[2] == .seconds(1))
        }
    }

    /// However the time goes, the call ends inside its timeout and says why. `/busy` asks for a second each time:
    /// the fourth answer comes at 3 s, a fourth wait would end past the 3.5 s timeout, so it is not begun and the
    /// call ends with that answer. `/slow` fails twice, then its body trickles for half a minute: the deadline
    /// cancels that attempt at exactly 3.5 s.
    @Test(.timeLimit(.minutes(1))) func theWholeCallStaysInsideItsTimeout() async throws {
        try await withFaultServer { server in
            let body = Self.payload(7, size: 3_000)
            server.script("/busy", .status(503, headers: ["Retry-After": "1"]))
            server.script("/slow", .dropBeforeHead, .status(503, headers: ["Retry-After": "1"]), .trickle(body: body, pieces: 30, interval: .seconds(1)))
            let retry = RetryPolicy(maxAttempts: 30, initialBackoff: .milliseconds(10), jitter: .none)
            let timeout = Duration.milliseconds(3_500)

            let busyClock = ManualClock()
            let busyDeadline = busyClock.now.advanced(by: timeout)
            // A transport each, so each call starts on a connection of its own.
            let busyConnection = Connection(serverURL: server.url, configuration: ClientConfiguration(transport: URLSessionTransport(), timeout: timeout, retry: retry, clock: busyClock))
            let busyCall = Task { await Self.call(busyConnection, Request(method: .get, path: "/busy")) }
            for _ in 1...3 {
                let wake = try #require(await busyClock.waitForSleepers(1, before: busyDeadline).first)
                #expect(busyClock.now.duration(to: wake) == .seconds(1))
                busyClock.advance(to: wake)
            }
            guard case .failed(.gaveUp(4, .deadline, .undocumentedStatus(503, _, _))) = await busyCall.value else {
                Issue.record("expected gaveUp after 4 attempts at the deadline with the last 503, got \(await busyCall.value)")
                return
            }
            #expect(server.requests.filter { $0.path == "/busy" }.count == 4)
            #expect(busyClock.slept == [.seconds(1), .seconds(1), .seconds(1)])
            #expect(busyClock.now < busyDeadline, "the call ended without its clock reaching the timeout")

            let slowClock = ManualClock()
            let slowDeadline = slowClock.now.advanced(by: timeout)
            let slowConnection = Connection(serverURL: server.url, configuration: ClientConfiguration(transport: URLSessionTransport(), timeout: timeout, retry: retry, clock: slowClock))
            let slowCall = Task { await Self.call(slowConnection, Request(method: .get, path: "/slow")) }
            for wait in [Duration.milliseconds(10), .seconds(1)] {
                let wake = try #require(await slowClock.waitForSleepers(1, before: slowDeadline).first)
                #expect(slowClock.now.duration(to: wake) == wait)
                slowClock.advance(to: wake)
            }
            await server.waitForRequests(3, to: "/slow")
            // The third attempt is reading the trickle; only its deadline timer sleeps.
            #expect(await slowClock.waitForSleepers(1) == [slowDeadline])
            slowClock.advance(to: slowDeadline)
            guard case .failed(.gaveUp(3, .deadline, .timedOut)) = await slowCall.value else {
                Issue.record("expected gaveUp after 3 attempts at the deadline, timed out, got \(await slowCall.value)")
                return
            }
            #expect(slowClock.slept == [.milliseconds(10), .seconds(1), .milliseconds(2_490)])
        }
    }

    /// The server asks for two minutes, or the policy's own backoff is two minutes: cancelling during either wait
    /// ends the call with `ClientError.cancelled`, and nothing more is sent. The clock never moves, so nothing but
    /// the cancellation can have ended the wait.
    @Test(.timeLimit(.minutes(1))) func cancellingDuringABackoffEndsTheCall() async throws {
        try await withFaultServer { server in
            server.script("/asked", .status(503, headers: ["Retry-After": "120"]))
            server.script("/backoff", .status(502))
            let retry = RetryPolicy(initialBackoff: .seconds(120), maxBackoff: .seconds(120), maxWait: .seconds(300), jitter: .none)
            let clock = ManualClock()
            let deadline = clock.now.advanced(by: .seconds(600))
            let connection = Connection(serverURL: server.url, configuration: ClientConfiguration(timeout: .seconds(600), retry: retry, clock: clock))
            for path in ["/asked", "/backoff"] {
                let task = Task { () -> ClientError? in
                    do throws(ClientError) {
                        _ = try await connection.send(Request(method: .get, path: path))
                        return nil
                    } catch {
                        return error
                    }
                }
                #expect(await clock.waitForSleepers(1, before: deadline) == [clock.now.advanced(by: .seconds(120))], "\(path)")
                task.cancel()
                let error = await task.value
                guard case .cancelled? = error else {
                    Issue.record("\(path): expected cancelled, got \(String(describing: error))")
                    continue
                }
                #expect(server.requests.filter { $0.path == path }.count == 1)
            }
            #expect(clock.slept.isEmpty)
        }
    }
}
