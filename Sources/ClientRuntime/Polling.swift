/// Thrown by `poll` when the result was still not ready at the deadline.
public struct PollingTimeout: Error, Sendable, CustomStringConvertible {
    public let timeout: Duration
    public let attempts: Int

    public var description: String { "still not ready after \(timeout) (\(attempts) attempts)" }
}

/// Repeats `attempt` until it returns a value (nil means "not ready yet"). The first pause is `interval` and each
/// later one half as long again, up to four times `interval`: a quick job is seen at once and a long query is not
/// asked about every two seconds for ten minutes. The last attempt happens at the deadline; cancellation stops the
/// wait immediately. The pauses and the deadline are measured on `clock`: a test passes one it advances itself.
public func poll<T: Sendable>(
    every interval: Duration,
    timeout: Duration,
    clock: any Clock<Duration> = ContinuousClock(),
    until attempt: @Sendable () async throws -> T?
) async throws -> T {
    try await poll(every: interval, timeout: timeout, clock: clock, retryingOn: { _ in false }, until: attempt)
}

/// Like `poll(every:timeout:until:)`, for APIs that say "not ready" with an error — typically a 404
/// or 409 until a job finishes: errors for which `isNotReady` returns true count as nil, any other
/// error ends polling. `retryingOn: { ($0 as? ClientError)?.status == 404 }`.
public func poll<T: Sendable>(
    every interval: Duration,
    timeout: Duration,
    clock: any Clock<Duration> = ContinuousClock(),
    retryingOn isNotReady: @Sendable (any Error) -> Bool,
    until attempt: @Sendable () async throws -> T?
) async throws -> T {
    try await repeatUntilReady(
        every: interval, timeout: timeout, clock: clock,
        isNotReady: { !($0 is CancellationError) && isNotReady($0) },
        attempt: attempt,
        cancelled: { CancellationError() },
        timedOut: { PollingTimeout(timeout: timeout, attempts: $0) }
    )
}

extension Connection {
    /// What generated `waitFor…` methods run: `poll`, with every failure a `ClientError`. Each attempt is a call under
    /// the retry policy, so a 503 while waiting is retried like any other; `isNotReady` picks the errors that mean
    /// "not ready yet" (a 404 until a run finishes), and any other ends the wait. The pauses and the deadline are
    /// measured on the configuration's clock.
    public func poll<T: Sendable>(
        every interval: Duration,
        timeout: Duration,
        notReadyWhen isNotReady: (ClientError) -> Bool = { _ in false },
        until attempt: () async throws(ClientError) -> T?
    ) async throws(ClientError) -> T {
        try await repeatUntilReady(
            every: interval, timeout: timeout, clock: configuration.clock,
            isNotReady: { error in
                if case .cancelled = error { false } else { isNotReady(error) }
            },
            attempt: attempt,
            cancelled: { .cancelled },
            timedOut: { .waitTimedOut(timeout: timeout, attempts: $0) }
        )
    }
}

/// The loop both kinds of polling share, over whatever error type their attempts throw.
private func repeatUntilReady<T, Failure: Error, C: Clock>(
    every interval: Duration,
    timeout: Duration,
    clock: C,
    isNotReady: (Failure) -> Bool,
    attempt: () async throws(Failure) -> T?,
    cancelled: () -> Failure,
    timedOut: (_ attempts: Int) -> Failure
) async throws(Failure) -> T where C.Duration == Duration {
    let deadline = clock.now.advanced(by: timeout)
    var attempts = 0
    var pause = interval
    while true {
        if Task.isCancelled { throw cancelled() }
        attempts += 1
        do {
            if let value = try await attempt() { return value }
        } catch where isNotReady(error) {
            // Not ready yet; fall through to wait.
        }
        let now = clock.now
        guard now < deadline else { throw timedOut(attempts) }
        do {
            try await clock.sleep(until: min(now.advanced(by: pause), deadline), tolerance: nil)
        } catch {
            throw cancelled()
        }
        pause = min(pause * 1.5, interval * 4)
    }
}
