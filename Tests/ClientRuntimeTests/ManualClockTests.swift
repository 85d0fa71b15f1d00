import Testing
import TestClocks

/// The test clock the timing tests stand on: time moves only when advanced, sleepers wake at their deadlines in
/// order, cancellation is prompt, and waiting for sleepers suspends until they arrive.
@Suite struct ManualClockTests {
    @Test func sleepersWakeOnlyWhenTimeReachesTheirDeadlinesEarliestFirst() async throws {
        let clock = ManualClock()
        let start = clock.now
        let late = Task { try await clock.sleep(until: start.advanced(by: .seconds(3))) }
        let early = Task { try await clock.sleep(for: .seconds(1)) }
        #expect(await clock.waitForSleepers(2) == [start.advanced(by: .seconds(1)), start.advanced(by: .seconds(3))])

        clock.advance(by: .milliseconds(999))
        #expect(clock.slept.isEmpty)
        #expect(clock.deadlines == [start.advanced(by: .seconds(1)), start.advanced(by: .seconds(3))], "nobody woke before the deadline")
        clock.advance(by: .milliseconds(1))
        try await early.value
        #expect(clock.slept == [.seconds(1)])

        clock.advance(to: start.advanced(by: .seconds(10)))
        try await late.value
        #expect(clock.slept == [.seconds(1), .seconds(3)])
        #expect(clock.now == start.advanced(by: .seconds(10)))
        clock.advance(to: start)
        #expect(clock.now == start.advanced(by: .seconds(10)), "time never goes back")
    }

    /// Two sleepers woken by one advance are listed by deadline, not by when they went to sleep.
    @Test func oneAdvanceWakesEveryDueSleeperInDeadlineOrder() async throws {
        let clock = ManualClock()
        let second = Task { try await clock.sleep(for: .seconds(2)) }
        await clock.waitForSleepers(1)
        let first = Task { try await clock.sleep(for: .milliseconds(500)) }
        await clock.waitForSleepers(2)
        clock.advance(by: .seconds(5))
        try await first.value
        try await second.value
        #expect(clock.slept == [.milliseconds(500), .seconds(2)])
    }

    @Test func aDeadlineAlreadyPassedReturnsAtOnce() async throws {
        let clock = ManualClock()
        try await clock.sleep(until: clock.now)
        try await clock.sleep(for: .zero)
        #expect(clock.slept == [.zero, .zero])
    }

    @Test func aCancelledSleeperThrowsAtOnceAndIsForgotten() async throws {
        let clock = ManualClock()
        let sleeper = Task { try await clock.sleep(for: .seconds(60)) }
        await clock.waitForSleepers(1)
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.deadlines.isEmpty)
        clock.advance(by: .seconds(60))
        #expect(clock.slept.isEmpty)

        let cancelledFirst = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await clock.sleep(for: .seconds(1))
        }
        await #expect(throws: CancellationError.self) { try await cancelledFirst.value }
    }

    @Test func waitingForSleepersSuspendsUntilTheyArrive() async throws {
        let clock = ManualClock()
        let start = clock.now
        let waiting = Task { await clock.waitForSleepers(2) }
        let sleepers = [Task { try await clock.sleep(for: .seconds(2)) }, Task { try await clock.sleep(for: .seconds(1)) }]
        #expect(await waiting.value == [start.advanced(by: .seconds(1)), start.advanced(by: .seconds(2))])
        clock.advance(by: .seconds(2))
        for sleeper in sleepers { try await sleeper.value }
    }

    /// `before` leaves out the sleepers that wake at or after it: a call's deadline timer, beside its backoff.
    @Test func waitingCanLeaveOutSleepersThatWakeLater() async throws {
        let clock = ManualClock()
        let start = clock.now
        let timer = Task { try await clock.sleep(for: .seconds(30)) }
        let backoff = Task { try await clock.sleep(for: .seconds(1)) }
        await clock.waitForSleepers(2)
        #expect(await clock.waitForSleepers(1, before: start.advanced(by: .seconds(30))) == [start.advanced(by: .seconds(1))])
        timer.cancel()
        clock.advance(by: .seconds(1))
        try await backoff.value
    }

    @Test func cancellingAWaitForSleepersReturnsAtOnce() async {
        let clock = ManualClock()
        let waiting = Task { await clock.waitForSleepers(1) }
        waiting.cancel()
        #expect(await waiting.value.isEmpty)
    }
}
