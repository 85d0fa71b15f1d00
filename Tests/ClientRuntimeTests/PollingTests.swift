import ClientRuntime
import Foundation
import HTTPTestServer
import TestClocks
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

    /// Pauses of 50 and 75 ms, then one cut short at the 200 ms deadline, where the fourth and last attempt is made.
    @Test(.timeLimit(.minutes(1))) func timesOutWithTheAttemptCount() async throws {
        let counter = Counter()
        let clock = ManualClock()
        let polling = Task {
            try await poll(every: .milliseconds(50), timeout: .milliseconds(200), clock: clock) { () -> Int? in
                _ = await counter.increment()
                return nil
            }
        }
        for pause in [Duration.milliseconds(50), .milliseconds(75), .milliseconds(75)] {
            #expect(await clock.waitForSleepers(1) == [clock.now.advanced(by: pause)])
            clock.advance(by: pause)
        }
        do {
            _ = try await polling.value
            Issue.record("expected PollingTimeout")
        } catch let timeout as PollingTimeout {
            #expect(timeout.attempts == 4)
            #expect(await counter.value == 4)
            #expect(timeout.timeout == .milliseconds(200))
        }
        #expect(clock.slept == [.milliseconds(50), .milliseconds(75), .milliseconds(75)])
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
            let notFinished: @Sendable (ClientError) -> Bool = { $0.status == 404 && $0.body(as: Problem.self)?.detail == "running" }
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

            // On a clock the test moves: attempts at 0, 1 s and the 2 s deadline, then the wait ends.
            await server.script("/result", running)
            let clock = ManualClock()
            let waiting = connection.configured(ClientConfiguration(timeout: .seconds(30), clock: clock))
            let late = Task {
                await clientError {
                    _ = try await waiting.poll(every: .seconds(1), timeout: .seconds(2), notReadyWhen: notFinished) { () throws(ClientError) -> Result? in
                        let response = try await waiting.send(Request(method: .get, path: "/result"))
                        throw waiting.documentedError(Problem.self, from: response)
                    }
                }
            }
            // The pauses end before the poll's deadline, and long before each request's 30 s deadline timer.
            for pause in [Duration.seconds(1), .seconds(1)] {
                #expect(await clock.waitForSleepers(1, before: clock.now.advanced(by: .seconds(30))) == [clock.now.advanced(by: pause)])
                clock.advance(by: pause)
            }
            guard case .waitTimedOut(let timeout, let attempts)? = await late.value else {
                Issue.record("expected waitTimedOut, got \(String(describing: await late.value))")
                return
            }
            #expect(timeout == .seconds(2) && attempts == 3)
            #expect(await server.requests.count == 8)
        }
    }

    /// Cancelled during its first ten-minute pause, on a clock that never moves: only the cancellation can end it.
    @Test(.timeLimit(.minutes(1))) func typedPollingEndsWithCancelled() async throws {
        let clock = ManualClock()
        let connection = Connection(serverURL: URL(string: "http://127.0.0.1:1")!, configuration: ClientConfiguration(clock: clock))
        let task = Task { () -> ClientError? in
            do throws(ClientError) {
                _ = try await connection.poll(every: .seconds(600), timeout: .seconds(3600)) { () throws(ClientError) -> Int? in nil }
                return nil
            } catch {
                return error
            }
        }
        await clock.waitForSleepers(1)
        task.cancel()
        guard case .cancelled? = await task.value else { Issue.record("expected cancelled"); return }
        #expect(clock.slept.isEmpty)
    }

    @Test(.timeLimit(.minutes(1))) func cancellationStopsWaiting() async throws {
        let clock = ManualClock()
        let counter = Counter()
        let task = Task {
            try await poll(every: .seconds(600), timeout: .seconds(3600), clock: clock) { () -> Int? in
                _ = await counter.increment()
                return nil
            }
        }
        await clock.waitForSleepers(1)
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        #expect(await counter.value == 1)
        #expect(clock.slept.isEmpty)
    }

    /// The pause after each attempt grows by half up to four times `every`: 40, 60, 90, 135, then 160 ms each time.
    @Test(.timeLimit(.minutes(1))) func pausesGrowByHalfUpToFourTimesTheInterval() async throws {
        let clock = ManualClock()
        let counter = Counter()
        let polling = Task {
            try await poll(every: .milliseconds(40), timeout: .seconds(60), clock: clock) { () -> Int? in
                await counter.increment() == 11 ? 11 : nil
            }
        }
        let pauses: [Duration] = [40, 60, 90, 135, 160, 160, 160, 160, 160, 160].map { .milliseconds($0) }
        for pause in pauses {
            #expect(await clock.waitForSleepers(1) == [clock.now.advanced(by: pause)])
            clock.advance(by: pause)
        }
        #expect(try await polling.value == 11)
        #expect(clock.slept == pauses)
    }
}
