import Foundation

/// An answer the retry loop hands back: it records how many attempts it took, and why the loop stopped when the
/// policy would have retried it.
protocol RetriedAnswer: Sendable {
    var status: Int { get }
    var headers: HeaderFields { get }
    var attempts: Int { get set }
    var retryStop: RetryStop? { get set }
    /// The answer as the caller gets it, whatever of it is still to be read kept under the call's deadline.
    func reading<C>(within deadline: Deadline<C>) -> Self
}

extension Response: RetriedAnswer {}
extension StreamedResponse: RetriedAnswer {}

extension Connection {
    private enum Decision {
        case retry(after: Duration)
        case stop(RetryStop)
    }

    /// Runs `attempt` until it brings an answer or failure the policy does not retry, or the policy stops. Each
    /// attempt races what is left of the call's timeout, and a wait that would outlast it is not begun.
    func retrying<Answer: RetriedAnswer>(
        _ request: Request,
        _ attempt: @escaping @Sendable (TransportRequest) async throws -> Answer
    ) async throws(ClientError) -> Answer {
        try await retrying(request, on: configuration.clock, attempt)
    }

    /// `retrying(_:_:)` with the configuration's clock opened, so instants keep their clock's type.
    private func retrying<C: Clock, Answer: RetriedAnswer>(
        _ request: Request,
        on clock: C,
        _ attempt: @escaping @Sendable (TransportRequest) async throws -> Answer
    ) async throws(ClientError) -> Answer where C.Duration == Duration {
        var outgoing = try outgoing(request)
        let policy = configuration.retry
        let deadline = configuration.timeout.map { Deadline(clock: clock, instant: clock.now.advanced(by: $0)) }
        var attempts = 0
        while true {
            attempts += 1
            if attempts > 1, let deadline {
                outgoing.timeout = clock.now.duration(to: deadline.instant)
            }
            let decision: Decision
            do {
                let sent = outgoing
                var answer = if let deadline {
                    try await deadline.race { try await attempt(sent) }
                } else {
                    try await attempt(sent)
                }
                answer.attempts = attempts
                guard policy.maxAttempts > 1, policy.retryableStatuses.contains(answer.status) else {
                    return deadline.map(answer.reading(within:)) ?? answer
                }
                let requested = RequestedWait.from(answer.headers, status: answer.status)
                decision = decide(outgoing, reachedServer: true, attempts: attempts, requested: requested, deadline: deadline)
                if case .stop(let reason) = decision {
                    answer.retryStop = reason
                    return deadline.map(answer.reading(within:)) ?? answer
                }
            } catch {
                let failure = mapped(error)
                let stage: TransportFailure.Stage
                switch (error, failure) {
                case (_, .cancelled): throw .cancelled
                case (_, .timedOut) where attempts > 1: throw .gaveUp(attempts: attempts, reason: .deadline, last: .timedOut)
                case (let transport as TransportFailure, _): stage = transport.stage
                case (_, .transport): stage = .awaitingResponse
                default: throw failure
                }
                guard policy.maxAttempts > 1 else { throw failure }
                decision = decide(outgoing, reachedServer: stage != .connecting, attempts: attempts, requested: nil, deadline: deadline)
                if case .stop(let reason) = decision { throw .gaveUp(attempts: attempts, reason: reason, last: failure) }
            }
            if case .retry(let wait) = decision {
                do {
                    try await clock.sleep(for: wait)
                } catch {
                    throw .cancelled
                }
            }
        }
    }

    /// Whether a request whose attempt failed in a way the policy retries is sent again, and after what wait.
    private func decide<C>(
        _ outgoing: TransportRequest, reachedServer: Bool, attempts: Int, requested: Duration?, deadline: Deadline<C>?
    ) -> Decision {
        let policy = configuration.retry
        if let body = outgoing.body, !body.isReplayable { return .stop(.bodyNotReplayable) }
        if reachedServer, !outgoing.maySendTwice {
            return .stop(.notIdempotent(outgoing.method))
        }
        if attempts >= policy.maxAttempts { return .stop(.attemptLimit) }
        if let requested, requested > policy.maxWait { return .stop(.waitTooLong(requested: requested)) }
        let wait = requested ?? policy.backoff(beforeRetry: attempts)
        if let deadline, deadline.clock.now.advanced(by: wait) >= deadline.instant { return .stop(.deadline) }
        return .retry(after: wait)
    }
}
