import Foundation

/// The moment a call's timeout runs out, on the connection's clock. Everything the call waits for races it: each
/// attempt, and each read of a streamed body. One mechanism for every transport, so a custom transport need not
/// enforce the timeout itself, and a test clock decides when it passes.
struct Deadline<C: Clock>: Sendable where C.Duration == Duration {
    let clock: C
    let instant: C.Instant

    /// What `work` returns, unless the deadline passes first: then `work` is cancelled and `ClientError.timedOut`
    /// thrown. Cancelling the calling task cancels both, and what comes out is `work`'s cancellation, never a
    /// timeout.
    func race<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Finish<T>.self) { group in
            group.addTask { .done(try await work()) }
            group.addTask {
                try await clock.sleep(until: instant, tolerance: nil)
                return .deadline
            }
            // The loser is cancelled, and the group waits for it to end before returning.
            defer { group.cancelAll() }
            switch try await group.next() {
            case .done(let value)?:
                return value
            case .deadline?, nil:
                if Task.isCancelled { throw CancellationError() }
                throw ClientError.timedOut
            }
        }
    }

    private enum Finish<T: Sendable>: Sendable {
        case done(T)
        case deadline
    }
}

extension Response {
    /// The whole body is read inside the attempt, which the deadline already covers.
    func reading<C>(within deadline: Deadline<C>) -> Response {
        self
    }
}

extension StreamedResponse {
    /// The body is read after the call returns, still under the call's timeout: each read races the deadline.
    func reading<C>(within deadline: Deadline<C>) -> StreamedResponse {
        let chunks = ChunkIterator(body)
        var bounded = StreamedResponse(
            status: status, headers: headers,
            body: HTTPBody(SingleUseChunks(next: { try await deadline.race { try await chunks.next() } }), length: body.length),
            url: url, method: method)
        bounded.attempts = attempts
        bounded.retryStop = retryStop
        return bounded
    }
}
