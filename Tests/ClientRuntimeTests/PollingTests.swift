import ClientRuntime
import Foundation
import HTTPTestServer
import Testing

private actor Counter {
    private(set) var value = 0
    func increment() -> Int {
        value += 1
        return value
    }
}

@Suite struct PollingTests {
    @Test func returnsTheFirstReadyValue() async throws {
        let counter = Counter()
        // The timeout only bounds a hang: the value is ready on the third attempt, 20 ms in.
        let result = try await poll(every: .milliseconds(10), timeout: .seconds(60)) {
            await counter.increment() >= 3 ? "done" : nil
        }
        #expect(result == "done")
        #expect(await counter.value == 3)
    }

    /// The deadline bounds the number of attempts, however slow the machine; the time limit only catches a hang.
    @Test(.timeLimit(.minutes(1))) func timesOutWithTheAttemptCount() async throws {
        let counter = Counter()
        do {
            _ = try await poll(every: .milliseconds(50), timeout: .milliseconds(200)) { () -> Int? in
                _ = await counter.increment()
                return nil
            }
            Issue.record("expected PollingTimeout")
        } catch let timeout as PollingTimeout {
            #expect(timeout.attempts == (await counter.value))
            #expect(timeout.attempts >= 2)
            #expect(timeout.attempts <= 5, "200 ms at most allows the first attempt, three after 50 ms waits and one at the deadline")
            #expect(timeout.timeout == .milliseconds(200))
        }
    }

    @Test func notReadyErrorsAreRetriedOthersAreNot() async throws {
        try await withTestServer { server async throws in
            await server.script("/result", .json(#"{"detail":"running"}"#, status: 404), .json(#"{"detail":"running"}"#, status: 404), .json(#"{"rows":5}"#))
            struct Result: Decodable, Sendable { var rows: Int }
            let connection = Connection(serverURL: server.url)
            let fetch: @Sendable () async throws -> Result? = {
                let response = try await connection.send(Request(method: .get, path: "/result"))
                guard response.status == 200 else { throw connection.undocumentedError(response) }
                return try connection.decode(Result.self, from: response)
            }
            let result = try await poll(every: .milliseconds(10), timeout: .seconds(60), retryingOn: { ($0 as? ClientError)?.status == 404 }, until: fetch)
            #expect(result.rows == 5)
            #expect(await server.requests.count == 3)

            await server.script("/result", .json(#"{"detail":"nope"}"#, status: 500))
            let error = await clientError {
                _ = try await poll(every: .milliseconds(10), timeout: .seconds(60), retryingOn: { ($0 as? ClientError)?.status == 404 }, until: fetch)
            }
            #expect(error?.status == 500)
        }
    }

    /// What generated `waitFor…` methods run: the same loop with every failure a `ClientError`.
    @Test func typedPollingTellsNotReadyFromGone() async throws {
        try await withTestServer { server async throws in
            struct Result: Decodable, Sendable { var rows: Int }
            struct Problem: Decodable, Sendable { var detail: String }
            let connection = Connection(serverURL: server.url)
            @Sendable func fetch() async throws(ClientError) -> Result {
                let response = try await connection.send(Request(method: .get, path: "/result"))
                switch response.status {
                case 200: return try connection.decode(Result.self, from: response)
                case 404: throw connection.documentedError(Problem.self, from: response)
                default: throw connection.undocumentedError(response)
                }
            }
            let notFinished: (ClientError) -> Bool = { $0.status == 404 && $0.body(as: Problem.self)?.detail == "running" }
            let running = ScriptedResponse.json(#"{"detail":"running"}"#, status: 404)
            await server.script("/result", running, running, .json(#"{"rows":5}"#))
            let result = try await connection.poll(every: .milliseconds(10), timeout: .seconds(60), notReadyWhen: notFinished) { () throws(ClientError) in
                try await fetch()
            }
            #expect(result.rows == 5)

            await server.script("/result", running, .json(#"{"detail":"deleted"}"#, status: 404))
            let gone = await clientError {
                _ = try await connection.poll(every: .milliseconds(10), timeout: .seconds(60), notReadyWhen: notFinished) { () throws(ClientError) in
                    try await fetch()
                }
            }
            #expect(gone?.body(as: Problem.self)?.detail == "deleted")
            #expect(await server.requests.count == 5)

            await server.script("/result", running)
            let late = await clientError {
                _ = try await connection.poll(every: .milliseconds(50), timeout: .seconds(2), notReadyWhen: notFinished) { () throws(ClientError) in
                    try await fetch()
                }
            }
            guard case .waitTimedOut(let timeout, let attempts)? = late else { Issue.record("expected waitTimedOut, got \(String(describing: late))"); return }
            #expect(timeout == .seconds(2) && attempts >= 2)
        }
    }

    @Test func typedPollingEndsWithCancelled() async throws {
        let connection = Connection(serverURL: URL(string: "http://127.0.0.1:1")!)
        let task = Task { () -> ClientError? in
            do throws(ClientError) {
                _ = try await connection.poll(every: .seconds(600), timeout: .seconds(3600)) { () throws(ClientError) -> Int? in nil }
                return nil
            } catch {
                return error
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        guard case .cancelled? = await task.value else { Issue.record("expected cancelled"); return }
    }

    /// Without cancellation the wait lasts an hour; any prompt end proves it was cancelled.
    @Test func cancellationStopsWaiting() async throws {
        let started = ContinuousClock.now
        let task = Task {
            try await poll(every: .seconds(600), timeout: .seconds(3600)) { () -> Int? in nil }
        }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    /// The pause after each attempt grows by half up to four times `every`: 40, 60, 90, 135, then 160 ms. Sleeps never
    /// end early, so each gap is at least its pause; without the cap the tenth would be over 1.5 s.
    @Test func pausesGrowByHalfUpToFourTimesTheInterval() async throws {
        let times = TimeLog()
        let result = try await poll(every: .milliseconds(40), timeout: .seconds(60)) { () -> Int? in
            await times.append(ContinuousClock.now)
            return await times.count == 11 ? 11 : nil
        }
        #expect(result == 11)
        let stamps = await times.stamps
        let gaps = zip(stamps.dropFirst(), stamps).map { ($0 - $1) / .milliseconds(1) }
        let pauses: [Double] = [40, 60, 90, 135, 160, 160, 160, 160, 160, 160]
        for (gap, pause) in zip(gaps, pauses) {
            #expect(gap >= pause * 0.98, "a gap of \(gap) ms, shorter than the \(pause) ms pause")
        }
        #expect(gaps[9] < 1200, "the tenth gap (\(gaps[9]) ms) is not capped")
    }
}

private actor TimeLog {
    private(set) var stamps: [ContinuousClock.Instant] = []
    var count: Int { stamps.count }

    func append(_ instant: ContinuousClock.Instant) {
        stamps.append(instant)
    }
}
