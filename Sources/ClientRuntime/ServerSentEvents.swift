import Foundation

/// One server-sent event with its data decoded.
public struct ServerSentEvent<Payload: Sendable>: Sendable {
    /// The event's type: what its `event:` field says, `message` when it has none.
    public var event: String
    /// The last event ID the stream set, as a reconnection would send it in `Last-Event-ID`.
    public var id: String?
    /// The reconnection time this event's `retry:` field set, if it had one.
    public var retry: Duration?
    public var data: Payload

    public init(event: String = "message", id: String? = nil, retry: Duration? = nil, data: Payload) {
        self.event = event
        self.id = id
        self.retry = retry
        self.data = data
    }
}

/// How streamed responses are read: event and item size limits, and reconnection of event streams.
public struct StreamingOptions: Sendable {
    /// A larger event, line or JSON item ends the stream with `ClientError.malformedStream`.
    public var maxItemBytes: Int
    /// Whether a GET event stream reconnects after a dropped connection, sending `Last-Event-ID`, as browsers do.
    public var reconnectsEventStreams: Bool
    /// The wait before reconnecting when the server has not set one with `retry:`, on the configuration's clock.
    public var defaultReconnectionTime: Duration
    /// Reconnections in a row that may fail before the stream gives up.
    public var maxReconnectionAttempts: Int
    /// Event data that ends the stream rather than being decoded (OpenAI sends `data: [DONE]` last).
    public var terminators: Set<String>

    public init(
        maxItemBytes: Int = 16 << 20,
        reconnectsEventStreams: Bool = true,
        defaultReconnectionTime: Duration = .seconds(3),
        maxReconnectionAttempts: Int = 5,
        terminators: Set<String> = ["[DONE]"]
    ) {
        self.maxItemBytes = maxItemBytes
        self.reconnectsEventStreams = reconnectsEventStreams
        self.defaultReconnectionTime = defaultReconnectionTime
        self.maxReconnectionAttempts = maxReconnectionAttempts
        self.terminators = terminators
    }
}

/// The events of a `text/event-stream` response, decoded as they arrive. Iterate it once. A GET stream whose
/// connection drops reconnects with `Last-Event-ID` after the server's `retry:` time, so no event is lost or
/// delivered twice when the server honours the header (`StreamingOptions.reconnectsEventStreams`).
public struct ServerSentEvents<Payload: Sendable>: AsyncSequence, Sendable {
    public typealias Element = ServerSentEvent<Payload>

    private let state: EventStreamState<Payload>

    init(connection: Connection, response: StreamedResponse, request: Request, decode: @escaping @Sendable (String) throws -> Payload) {
        state = EventStreamState(connection: connection, response: response, request: request, decode: decode)
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(state: state)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let state: EventStreamState<Payload>

        public mutating func next() async throws -> ServerSentEvent<Payload>? {
            try await state.next()
        }
    }
}

/// The reading side of an event stream: the parser, the current connection's body, and what a reconnection needs.
final class EventStreamState<Payload: Sendable>: @unchecked Sendable {
    private let connection: Connection
    private let request: Request
    private let decode: @Sendable (String) throws -> Payload
    private let options: StreamingOptions
    private var body: ChunkIterator?
    private var parser: EventStreamParser
    private var pending: [RawServerSentEvent] = []
    /// The next of `pending` to deliver: a chunk holds thousands of small events, and removing each from the
    /// front would move all the others.
    private var head = 0
    /// A fault found after `pending`'s events, thrown once they are delivered.
    private var deferred: (any Error)?
    private var finished = false
    private var failedReconnections = 0
    /// What the server last set with `retry:`, kept across reconnections.
    private var reconnectionTime: Duration?

    init(connection: Connection, response: StreamedResponse, request: Request, decode: @escaping @Sendable (String) throws -> Payload) {
        self.connection = connection
        self.request = request
        self.decode = decode
        options = connection.configuration.streaming
        body = ChunkIterator(response.body)
        parser = EventStreamParser(maxEventBytes: options.maxItemBytes)
    }

    private var reconnects: Bool {
        options.reconnectsEventStreams && request.method == .get
    }

    func next() async throws -> ServerSentEvent<Payload>? {
        while true {
            if finished { return nil }
            if head == pending.count, !pending.isEmpty {
                pending.removeAll(keepingCapacity: true)
                head = 0
            }
            if pending.isEmpty, let deferred {
                finished = true
                throw deferred
            }
            if head < pending.count {
                let raw = pending[head]
                head += 1
                if options.terminators.contains(raw.data) {
                    finished = true
                    return nil
                }
                do {
                    return ServerSentEvent(event: raw.event, id: raw.id, retry: raw.retry, data: try decode(raw.data))
                } catch {
                    finished = true
                    throw error
                }
            }
            guard let body else {
                try await reconnect()
                continue
            }
            do {
                if let chunk = try await body.next() {
                    do {
                        try parser.feed(chunk, into: &pending)
                    } catch {
                        deferred = error
                    }
                    reconnectionTime = parser.reconnectionTime ?? reconnectionTime
                    if !pending.isEmpty { failedReconnections = 0 }
                    continue
                }
                try parser.finish()
                finished = true
            } catch let error as ClientError where reconnects && Self.isDrop(error) {
                self.body = nil
            } catch {
                finished = true
                throw error
            }
        }
    }

    /// A connection that broke, or ended inside an event: what a reconnection mends.
    private static func isDrop(_ error: ClientError) -> Bool {
        switch error {
        case .transport: true
        case .malformedStream(let reason): reason == "the stream ended inside an event"
        default: false
        }
    }

    private func reconnect() async throws {
        guard failedReconnections < options.maxReconnectionAttempts else {
            finished = true
            throw ClientError.transport("the event stream dropped and \(failedReconnections) reconnections failed")
        }
        failedReconnections += 1
        try await connection.configuration.clock.sleep(for: reconnectionTime ?? options.defaultReconnectionTime)
        var again = request
        if let id = parser.lastEventID { again.header("Last-Event-ID", id) }
        let response: StreamedResponse
        do throws(ClientError) {
            response = try await connection.stream(again)
        } catch {
            if case .cancelled = error { throw CancellationError() }
            if Self.isDrop(error.lastAttempt) { return }
            throw error
        }
        switch response.status {
        case 200..<300 where response.status != 204:
            body = ChunkIterator(response.body)
            parser = EventStreamParser(maxEventBytes: options.maxItemBytes, lastEventID: parser.lastEventID)
        case 204:
            // The standard's way for a server to say the stream is over.
            finished = true
        default:
            finished = true
            throw await connection.undocumentedError(response)
        }
    }
}
