/// Thrown by `poll` when the result was still not ready at the deadline.
public struct PollingTimeout: Error, Sendable, CustomStringConvertible {
    public let timeout: Duration
    public let attempts: Int

    public var description: String { "still not ready after \(timeout) (\(attempts) attempts)" }
}

/// Repeats `attempt` every `interval` until it returns a value (nil means "not ready yet").
/// The last attempt happens at the deadline; cancellation stops the wait immediately.
public func poll<T: Sendable>(
    every interval: Duration,
    timeout: Duration,
    until attempt: @Sendable () async throws -> T?
) async throws -> T {
    try await poll(every: interval, timeout: timeout, retryingOn: { _ in false }, until: attempt)
}

/// Like `poll(every:timeout:until:)`, for APIs that say "not ready" with an error — typically a 404
/// or 409 until a job finishes: errors for which `isNotReady` returns true count as nil, any other
/// error ends polling. `retryingOn: { ($0 as? ClientError)?.status == 404 }`.
public func poll<T: Sendable>(
    every interval: Duration,
    timeout: Duration,
    retryingOn isNotReady: @Sendable (any Error) -> Bool,
    until attempt: @Sendable () async throws -> T?
) async throws -> T {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var attempts = 0
    while true {
        try Task.checkCancellation()
        attempts += 1
        do {
            if let value = try await attempt() { return value }
        } catch where !(error is CancellationError) && isNotReady(error) {
            // Not ready yet; fall through to wait.
        }
        let now = clock.now
        guard now < deadline else { throw PollingTimeout(timeout: timeout, attempts: attempts) }
        try await clock.sleep(until: min(now + interval, deadline))
    }
}
