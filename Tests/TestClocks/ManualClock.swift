import Foundation

/// A clock whose time stands still until the test moves it, for `ClientConfiguration(clock:)` and `poll(clock:)`.
/// A client's waits and timeouts then pass exactly when, and exactly as far as, the test says, so a test states
/// what the client waited instead of timing it: however loaded the machine, no wait ends early or late.
///
/// `sleep(until:)` registers a sleeper; `advance(by:)` and `advance(to:)` wake every sleeper whose deadline has come,
/// in deadline order; `waitForSleepers` suspends until the client has gone to sleep; `slept` lists what was slept.
public final class ManualClock: Clock, @unchecked Sendable {
    public typealias Duration = Swift.Duration

    /// A point on the clock: how long after the clock's start.
    public struct Instant: InstantProtocol, CustomStringConvertible {
        public var offset: Duration

        public init(offset: Duration) {
            self.offset = offset
        }

        public func advanced(by duration: Duration) -> Instant {
            Instant(offset: offset + duration)
        }

        public func duration(to other: Instant) -> Duration {
            other.offset - offset
        }

        public static func < (lhs: Instant, rhs: Instant) -> Bool {
            lhs.offset < rhs.offset
        }

        public var description: String { "\(offset)" }
    }

    private struct Sleeper {
        var id: Int
        var deadline: Instant
        var duration: Duration
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct Waiter {
        var id: Int
        var count: Int
        var before: Instant?
        var continuation: CheckedContinuation<[Instant], Never>
    }

    private let lock = NSLock()
    private var current = Instant(offset: .zero)
    private var sleepers: [Sleeper] = []
    private var waiters: [Waiter] = []
    private var ended: [Duration] = []
    private var lastID = 0

    public init() {}

    public var now: Instant { lock.withLock { current } }

    public var minimumResolution: Duration { .zero }

    /// How long each sleep that ran to its deadline lasted, in the order they ended; a cancelled sleep is not in it.
    public var slept: [Duration] { lock.withLock { ended } }

    /// When the sleepers asleep now wake, earliest first: empty once nothing is left waiting on the clock.
    public var deadlines: [Instant] { lock.withLock { asleep(before: nil) } }

    /// Returns once the clock has been advanced to `deadline`, at once when it has already passed. A cancelled
    /// sleeper is removed and throws `CancellationError` at once, as `ContinuousClock`'s do.
    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let id = lock.withLock { () -> Int in
            lastID += 1
            return lastID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Start { case cancelled, due, asleep([(CheckedContinuation<[Instant], Never>, [Instant])]) }
                let start = lock.withLock { () -> Start in
                    // Checked under the lock the cancellation handler takes, so a cancellation is never missed.
                    if Task.isCancelled { return .cancelled }
                    if deadline <= current {
                        ended.append(.zero)
                        return .due
                    }
                    sleepers.append(Sleeper(id: id, deadline: deadline, duration: current.duration(to: deadline), continuation: continuation))
                    return .asleep(satisfiedWaiters())
                }
                switch start {
                case .cancelled: continuation.resume(throwing: CancellationError())
                case .due: continuation.resume()
                case .asleep(let waiters): waiters.forEach { $0.resume(returning: $1) }
                }
            }
        } onCancel: {
            let sleeper = lock.withLock { () -> Sleeper? in
                guard let index = sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time on by `duration`, waking every sleeper whose deadline has come.
    public func advance(by duration: Duration) {
        advance(to: now.advanced(by: duration))
    }

    /// Moves time on to `instant` (never back), waking every sleeper whose deadline has come, earliest first.
    public func advance(to instant: Instant) {
        let due = lock.withLock { () -> [Sleeper] in
            current = max(current, instant)
            let due = sleepers.filter { $0.deadline <= current }.sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
            sleepers.removeAll { $0.deadline <= current }
            ended += due.map(\.duration)
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Returns once at least `count` sleepers are waiting, with their deadlines, earliest first. Given `before`, it
    /// counts only sleepers whose deadline is before it: a call's deadline timer sleeps until the call's timeout,
    /// and every wait under that timeout ends before it. Suspends on a continuation that the sleepers' arrival
    /// resumes; cancelling the waiting task returns at once, with the deadlines there are.
    @discardableResult
    public func waitForSleepers(_ count: Int, before: Instant? = nil) async -> [Instant] {
        let id = lock.withLock { () -> Int in
            lastID += 1
            return lastID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<[Instant], Never>) in
                let ready = lock.withLock { () -> [Instant]? in
                    let deadlines = asleep(before: before)
                    if Task.isCancelled || deadlines.count >= count { return deadlines }
                    waiters.append(Waiter(id: id, count: count, before: before, continuation: continuation))
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let waiter = lock.withLock { () -> (Waiter, [Instant])? in
                guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
                let waiter = waiters.remove(at: index)
                return (waiter, asleep(before: waiter.before))
            }
            if let (waiter, deadlines) = waiter { waiter.continuation.resume(returning: deadlines) }
        }
    }

    /// The waiters that the sleepers now asleep satisfy, removed, with what each returns; called with the lock held.
    private func satisfiedWaiters() -> [(CheckedContinuation<[Instant], Never>, [Instant])] {
        var satisfied: [(CheckedContinuation<[Instant], Never>, [Instant])] = []
        waiters.removeAll { waiter in
            let deadlines = asleep(before: waiter.before)
            guard deadlines.count >= waiter.count else { return false }
            satisfied.append((waiter.continuation, deadlines))
            return true
        }
        return satisfied
    }

    /// The deadlines of the sleepers asleep, earliest first, those at or after `before` left out.
    private func asleep(before: Instant?) -> [Instant] {
        sleepers.map(\.deadline).filter { before == nil || $0 < before! }.sorted()
    }
}
