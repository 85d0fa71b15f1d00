import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One request in flight on `URLSessionTransport`: the response head goes to the caller of `send` as soon as it
/// arrives, and the body to whoever reads it, through a buffer of bounded size. Whichever of completion, failure
/// or cancellation comes first settles the exchange; the others find it settled. The call's timeout is not the
/// exchange's: the connection races it on its clock and cancels the exchange when it runs out.
final class Exchange: Sendable {
    private struct State {
        var head: CheckedContinuation<TransportResponse, any Error>?
        var headDelivered = false
        var buffer = ResponseBuffer()
        /// Set once the transfer is over: nil for a complete body, or why it failed.
        var ending: (any Error)??
        var reader: CheckedContinuation<Void, Never>?
        var response: HTTPURLResponse?
        var suspended = false
    }

    private let task: URLSessionTask
    /// Where the task is started, paused and cancelled: FoundationNetworking runs those synchronously on its work
    /// queue, and a thread of the cooperative pool should not wait for that.
    private let control = DispatchQueue(label: "ClientRuntime.Exchange")
    private let upload: (any BodyUpload)?
    private let onEnd: @Sendable () -> Void
    private let state = Locked(State())

    init(task: URLSessionTask, upload: (any BodyUpload)?, onEnd: @escaping @Sendable () -> Void) {
        self.task = task
        self.upload = upload
        self.onEnd = onEnd
    }

    func start(_ continuation: CheckedContinuation<TransportResponse, any Error>) {
        let settled: (any Error)?? = state.withLock { state in
            if let ending = state.ending { return .some(ending ?? ClientError.transport("the exchange ended before it started")) }
            state.head = continuation
            return nil
        }
        if let settled {
            continuation.resume(throwing: settled ?? CancellationError())
            onEnd()
        } else {
            upload?.start()
            control.async { [task] in task.resume() }
        }
    }

    /// Ends the exchange with `error` unless it already ended, and stops the transfer. What arrived before a
    /// transfer failed is still read before the error; after cancellation nobody will read it.
    func fail(_ error: any Error, keepingBuffered: Bool = false) {
        guard let (head, reader) = end(with: error, discarding: !keepingBuffered) else { return }
        control.async { [task] in task.cancel() }
        upload?.cancel()
        head?.resume(throwing: error)
        reader?.resume()
        onEnd()
    }

    /// Records the ending; returns who is waiting for it, or nil when the exchange had already ended.
    private func end(with error: (any Error)?, discarding: Bool) -> (CheckedContinuation<TransportResponse, any Error>?, CheckedContinuation<Void, Never>?)? {
        state.withLock { state in
            guard state.ending == nil else { return nil }
            state.ending = .some(error)
            if discarding { state.buffer.discard() }
            defer {
                state.head = nil
                state.reader = nil
            }
            return (state.head, state.reader)
        }
    }

    func received(_ response: HTTPURLResponse) {
        var headers = HeaderFields()
        for (name, value) in response.allHeaderFields {
            headers.add("\(name)", "\(value)")
        }
        let length: HTTPBody.Length = response.expectedContentLength >= 0 ? .known(response.expectedContentLength) : .unknown
        let reader = BodyReader(self)
        let head = state.withLock { state -> CheckedContinuation<TransportResponse, any Error>? in
            state.response = response
            state.headDelivered = true
            defer { state.head = nil }
            return state.head
        }
        head?.resume(returning: TransportResponse(
            status: response.statusCode, headers: headers,
            body: HTTPBody(SingleUseChunks(next: reader.next), length: length)
        ))
    }

    func received(_ data: Data) {
        let (reader, suspend): (CheckedContinuation<Void, Never>?, Bool) = state.withLock { state in
            guard state.ending == nil else { return (nil, false) }
            state.buffer.append(data)
            let suspend = ResponseBuffer.pausesTransfers && !state.suspended && state.buffer.isFull
            if suspend { state.suspended = true }
            defer { state.reader = nil }
            return (state.reader, suspend)
        }
        if suspend { control.async { [task] in task.suspend() } }
        reader?.resume()
    }

    func completed(error: (any Error)?) {
        let failure: (any Error)? = state.withLock { state in
            if let error { return Self.failure(for: error, headArrived: state.headDelivered) }
            return state.response == nil ? TransportFailure(.awaitingResponse, "the server sent no HTTP response") : nil
        }
        if let failure {
            fail(failure, keepingBuffered: true)
            return
        }
        guard let (_, reader) = end(with: nil, discarding: false) else { return }
        reader?.resume()
        upload?.cancel()
        onEnd()
    }

    /// The next chunk of the body, nil at its end; waits while nothing is buffered.
    func nextChunk() async throws -> Data? {
        while true {
            try Task.checkCancellation()
            enum Step { case chunk(Data, resume: Bool), end, failure(any Error), wait }
            let step: Step = state.withLock { state in
                do {
                    if let chunk = try state.buffer.take() {
                        let resume = state.suspended && state.buffer.isLow
                        if resume { state.suspended = false }
                        return .chunk(chunk, resume: resume)
                    }
                } catch {
                    return .failure(ClientError.transport("the buffered body could not be read back: \(error)"))
                }
                switch state.ending {
                case .some(nil):
                    return .end
                case .some(let error?): return .failure(error)
                case nil: return .wait
                }
            }
            switch step {
            case .chunk(let chunk, let resume):
                if resume { control.async { [task] in task.resume() } }
                return chunk
            case .end:
                return nil
            case .failure(let error):
                throw error
            case .wait:
                await withTaskCancellationHandler {
                    await withCheckedContinuation { continuation in
                        let ready = state.withLock { state -> Bool in
                            if state.ending != nil || !state.buffer.isEmpty { return true }
                            state.reader = continuation
                            return false
                        }
                        if ready { continuation.resume() }
                    }
                } onCancel: {
                    self.fail(CancellationError())
                }
            }
        }
    }

    /// A reader that goes away before the body ended stops the transfer: nobody will read the rest.
    func abandon() {
        let ended = state.withLock { $0.ending != nil }
        if !ended { fail(CancellationError()) }
    }

    /// What the caller sees of a failed task: a timeout, a cancellation, or a `TransportFailure` that says how far
    /// the exchange got, so the retry policy can tell whether the server may have seen the request.
    static func failure(for error: any Error, headArrived: Bool) -> any Error {
        guard let error = error as? URLError else {
            return TransportFailure(headArrived ? .receivingBody : .awaitingResponse, error.localizedDescription)
        }
        let reason: String
        var connected = true
        switch error.code {
        case .timedOut: return ClientError.timedOut
        case .cancelled: return CancellationError()
        case .cannotConnectToHost: reason = "could not connect to the server"; connected = false
        case .networkConnectionLost: reason = "the connection was lost before the response was complete"
        case .cannotFindHost, .dnsLookupFailed: reason = "the server's host name could not be resolved"; connected = false
        case .notConnectedToInternet: reason = "there is no network connection"; connected = false
        case .badServerResponse: reason = "the server's response was malformed"
        case .secureConnectionFailed: reason = "the TLS connection could not be established"; connected = false
        default: reason = error.localizedDescription
        }
        let stage: TransportFailure.Stage = headArrived ? .receivingBody : connected ? .awaitingResponse : .connecting
        return TransportFailure(stage, "\(reason) (URLError \(error.code.rawValue))")
    }
}

/// A request body that a producer feeds to URLSession while the exchange runs.
protocol BodyUpload: Sendable {
    func start()
    func cancel()
}

/// What a response body's chunks are read through; when the body is dropped unread, the transfer stops.
private final class BodyReader: Sendable {
    private let exchange: Exchange

    init(_ exchange: Exchange) {
        self.exchange = exchange
    }

    deinit {
        exchange.abandon()
    }

    func next() async throws -> Data? {
        try await exchange.nextChunk()
    }
}
