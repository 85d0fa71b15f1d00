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
    /// The body is read after the call returns, still under the call's timeout.
    func reading<C>(within deadline: Deadline<C>) -> StreamedResponse {
        let reads = DeadlineBoundedReads(ChunkIterator(body), deadline: deadline)
        var bounded = StreamedResponse(
            status: status, headers: headers, body: HTTPBody(SingleUseChunks(next: reads.next), length: body.length),
            url: url, method: method)
        bounded.attempts = attempts
        bounded.retryStop = retryStop
        return bounded
    }
}

/// The reads of a streamed body under the call's deadline. One task sleeps until the deadline for the whole body
/// and cancels the read in progress when it passes, rather than each read racing a sleep of its own: a gigabyte
/// comes in some 45,000 reads, and a timer each made reading it a quarter slower.
final class DeadlineBoundedReads<C: Clock>: Sendable where C.Duration == Duration {
    private struct State {
        var watcher: Task<Void, Never>?
        var reading: Task<Data?, any Error>?
        var expired = false
        var finished = false
    }

    private let chunks: ChunkIterator
    private let deadline: Deadline<C>
    /// What the watcher holds: not `self`, so a body dropped unread ends its watcher.
    private let state = Locked(State())

    init(_ chunks: ChunkIterator, deadline: Deadline<C>) {
        self.chunks = chunks
        self.deadline = deadline
    }

    deinit {
        state.withLock { $0.watcher }?.cancel()
    }

    /// The next chunk, or `ClientError.timedOut` once the deadline has passed. Cancelling the calling task cancels
    /// the read, and what comes out is the read's cancellation, never a timeout.
    func next() async throws -> Data? {
        let read = Task { [chunks] in try await chunks.next() }
        let expired = state.withLock { state -> Bool in
            if state.watcher == nil, !state.finished { state.watcher = watch() }
            state.reading = read
            return state.expired
        }
        if expired {
            read.cancel()
            throw ClientError.timedOut
        }
        do {
            let chunk = try await withTaskCancellationHandler { try await read.value } onCancel: { read.cancel() }
            state.withLock { $0.reading = nil }
            if chunk == nil { finish() }
            return chunk
        } catch {
            let expired = state.withLock { state -> Bool in
                state.reading = nil
                return state.expired
            }
            finish()
            if expired, !Task.isCancelled { throw ClientError.timedOut }
            throw error
        }
    }

    private func watch() -> Task<Void, Never> {
        Task { [state, deadline] in
            do {
                try await deadline.clock.sleep(until: deadline.instant, tolerance: nil)
            } catch {
                return
            }
            let reading = state.withLock { state -> Task<Data?, any Error>? in
                state.expired = true
                return state.reading
            }
            reading?.cancel()
        }
    }

    /// The body ended, or failed: nothing is left for the deadline to stop.
    private func finish() {
        let watcher = state.withLock { state -> Task<Void, Never>? in
            state.finished = true
            return state.watcher
        }
        watcher?.cancel()
    }
}
