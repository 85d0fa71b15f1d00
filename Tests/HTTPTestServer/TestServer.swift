import FlyingFox
import FlyingSocks
import Foundation

/// One request exactly as it reached the server: the raw request target (still percent-encoded, not
/// normalized), every header, and the body bytes.
public struct RecordedRequest: Sendable {
    public let method: String
    /// The request target as sent: `/runs/a%2Fb/results?f=json`.
    public let target: String
    public let headers: [(name: String, value: String)]
    public let body: Data

    public var path: String { String(target.prefix { $0 != "?" }) }

    /// The raw query without the `?`, or "" when there is none.
    public var query: String {
        target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) } ?? ""
    }

    /// All values of a header joined by `, `, matched case-insensitively.
    public func header(_ name: String) -> String? {
        let values = headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// What the server does for one request.
public struct ScriptedResponse: Sendable {
    public enum Behaviour: Sendable {
        case respond
        /// Reads the request, then closes the socket without answering.
        case dropConnection
        /// Announces `body.count` bytes in Content-Length, sends only `sending` of them, then closes.
        case truncateBody(sending: Int)
        /// Sends the body in pieces with chunked transfer encoding, waiting `interval` before each piece, and
        /// then ends the body, or closes the socket mid-body when `thenDrop` is set.
        case trickle(pieces: [Data], interval: Duration, thenDrop: Bool)
        /// Sends `first` with chunked transfer encoding, then waits until the test calls `open(gate)` before
        /// sending `rest`: what a client does before the gate opens cannot depend on the rest of the body.
        case gated(first: Data, gate: String, rest: Data)
    }

    public var status: Int
    public var headers: [String: String]
    public var body: Data
    /// Holds the answer until the test calls `open(gate)`: a server that never answers while the client's clock
    /// runs out, or while the client is cancelled.
    public var heldAt: String?
    /// Sends the body with chunked transfer encoding, so the client cannot know its length up front.
    public var chunked: Bool
    public var behaviour: Behaviour

    public init(
        status: Int = 200, headers: [String: String] = [:], body: Data = Data(), heldAt: String? = nil,
        chunked: Bool = false, behaviour: Behaviour = .respond
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.heldAt = heldAt
        self.chunked = chunked
        self.behaviour = behaviour
    }

    /// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), as HTTP dates are sent.
    public static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    public static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> ScriptedResponse {
        ScriptedResponse(status: status, headers: headers.merging(["Content-Type": "application/json"]) { mine, _ in mine }, body: Data(text.utf8))
    }

    public static func text(_ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8") -> ScriptedResponse {
        ScriptedResponse(status: status, headers: ["Content-Type": contentType], body: Data(text.utf8))
    }
}

/// A real HTTP server on 127.0.0.1 with an ephemeral port, for end-to-end tests of the runtime and of
/// generated clients: it records every request and plays scripted responses per path.
public final class TestServer: Sendable {
    public let url: URL
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    private let state: Script

    /// Starts listening; call `stop()` when done (tests use `withTestServer`, which does).
    public static func start() async throws -> TestServer {
        let state = Script()
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 60, logger: .disabled, handler: ClosureHTTPHandler { request in
            try await state.handle(request)
        })
        let task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port) = await server.listeningAddress else {
            throw URLError(.cannotConnectToHost)
        }
        return TestServer(url: URL(string: "http://127.0.0.1:\(port)")!, server: server, task: task, state: state)
    }

    private init(url: URL, server: HTTPServer, task: Task<Void, any Error>, state: Script) {
        self.url = url
        self.server = server
        self.task = task
        self.state = state
    }

    /// Responses for requests whose raw path is `path` (or any path for "*"), used in order; the last
    /// one repeats. Without a script the server answers `200` with `{}`.
    public func script(_ path: String = "*", _ responses: ScriptedResponse...) async {
        await state.set(responses, for: path)
    }

    public var requests: [RecordedRequest] {
        get async { await state.requests }
    }

    /// Returns once `count` requests to `path` (to any path when nil) have arrived, with them. Suspends until their
    /// arrival resumes it: a test waits for the client's request instead of polling for it.
    @discardableResult
    public func waitForRequests(_ count: Int, to path: String? = nil) async -> [RecordedRequest] {
        await state.waitForRequests(count, to: path)
    }

    /// Lets responses waiting at `gate` go on.
    public func open(_ gate: String) async {
        await state.gates.gate(gate).open()
    }

    /// Opens every gate first: a response still waiting at one (a test that failed before opening it) would keep
    /// its connection, and the stop, waiting forever.
    public func stop() async {
        await state.gates.openAll()
        await server.stop()
        task.cancel()
    }
}

/// Runs `body` with a fresh server and stops it afterwards, even when `body` throws.
public func withTestServer(_ body: (TestServer) async throws -> Void) async throws {
    let server = try await TestServer.start()
    do {
        try await body(server)
        await server.stop()
    } catch {
        await server.stop()
        throw error
    }
}

private actor Script {
    private var scripts: [String: [ScriptedResponse]] = [:]
    private(set) var requests: [RecordedRequest] = []
    private var waiters: [Int: (count: Int, path: String?, continuation: CheckedContinuation<[RecordedRequest], Never>)] = [:]
    private var lastWaiter = 0
    let gates = Gates()

    /// Cancelling the waiting task returns at once with what has arrived, so a test's time limit can end it.
    func waitForRequests(_ count: Int, to path: String?) async -> [RecordedRequest] {
        lastWaiter += 1
        let id = lastWaiter
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let arrived = requests(to: path)
                if arrived.count >= count || Task.isCancelled {
                    continuation.resume(returning: arrived)
                } else {
                    waiters[id] = (count, path, continuation)
                }
            }
        } onCancel: {
            Task { await self.stopWaiting(id) }
        }
    }

    private func stopWaiting(_ id: Int) {
        guard let waiter = waiters.removeValue(forKey: id) else { return }
        waiter.continuation.resume(returning: requests(to: waiter.path))
    }

    private func requests(to path: String?) -> [RecordedRequest] {
        requests.filter { path == nil || $0.path == path }
    }

    func set(_ responses: [ScriptedResponse], for path: String) {
        scripts[path] = responses
    }

    private func next(for path: String) -> ScriptedResponse {
        let key = scripts[path] != nil ? path : "*"
        guard var queue = scripts[key], let first = queue.first else { return .json("{}") }
        if queue.count > 1 {
            queue.removeFirst()
            scripts[key] = queue
        }
        return first
    }

    func handle(_ request: HTTPRequest) async throws -> HTTPResponse {
        let recorded = RecordedRequest(
            method: request.method.rawValue,
            target: request.target.rawValue,
            headers: request.headers.map { (name: $0.key.rawValue, value: $0.value) },
            body: try await request.bodyData)
        requests.append(recorded)
        for (id, waiter) in waiters {
            let arrived = requests(to: waiter.path)
            guard arrived.count >= waiter.count else { continue }
            waiters[id] = nil
            waiter.continuation.resume(returning: arrived)
        }
        let scripted = next(for: recorded.path)
        if let gate = scripted.heldAt {
            await gates.gate(gate).wait()
        }
        var headers = HTTPHeaders()
        for (name, value) in scripted.headers {
            headers[HTTPHeader(name)] = value
        }
        let status = HTTPStatusCode(scripted.status, phrase: "Scripted")
        switch scripted.behaviour {
        case .respond where scripted.chunked:
            let bytes = ScriptedBytes(bytes: Array(scripted.body), failsAtEnd: false)
            return HTTPResponse(statusCode: status, headers: headers, body: HTTPBodySequence(from: bytes))
        case .respond:
            return HTTPResponse(statusCode: status, headers: headers, body: scripted.body)
        case .dropConnection:
            // FlyingFox asks a WebSocket handler for its frames before writing the 101 response;
            // failing there makes it close the socket having written nothing.
            return HTTPResponse(webSocket: RefusingWebSocket())
        case .gated(let first, let gate, let rest):
            let waiting = await gates.gate(gate)
            let bytes = GatedBytes(first: Array(first), gate: waiting, rest: Array(rest))
            return HTTPResponse(statusCode: status, headers: headers, body: HTTPBodySequence(from: bytes))
        case .trickle(let pieces, let interval, let thenDrop):
            let bytes = TrickledBytes(pieces: pieces, interval: interval, failsAtEnd: thenDrop)
            return HTTPResponse(statusCode: status, headers: headers, body: HTTPBodySequence(from: bytes))
        case .truncateBody(let sending):
            let bytes = ScriptedBytes(bytes: Array(scripted.body.prefix(sending)), failsAtEnd: true)
            return HTTPResponse(statusCode: status, headers: headers, body: HTTPBodySequence(from: bytes, count: scripted.body.count))
        }
    }
}

private struct RefusingWebSocket: WSHandler {
    func makeFrames(for client: AsyncThrowingStream<WSFrame, any Error>) async throws -> AsyncStream<WSFrame> {
        throw URLError(.networkConnectionLost)
    }
}

/// Yields the given bytes, then ends, or fails so the server aborts the response mid-body and
/// closes the socket.
private struct ScriptedBytes: AsyncBufferedSequence, AsyncBufferedIteratorProtocol {
    typealias Element = UInt8
    let bytes: [UInt8]
    let failsAtEnd: Bool
    var offset = 0

    init(bytes: [UInt8], failsAtEnd: Bool) {
        self.bytes = bytes
        self.failsAtEnd = failsAtEnd
    }

    func makeAsyncIterator() -> ScriptedBytes { self }

    mutating func next() async throws -> UInt8? {
        guard offset < bytes.count else { return try end() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
        guard offset < bytes.count else { return try end() }
        let end = Swift.min(bytes.count, offset + Swift.max(count, 1))
        defer { offset = end }
        return Array(bytes[offset..<end])
    }

    private func end<T>() throws -> T? {
        if failsAtEnd { throw URLError(.networkConnectionLost) }
        return nil
    }
}

/// Yields each piece after a pause, then ends, or fails so the server closes the socket mid-body.
private struct TrickledBytes: AsyncBufferedSequence, AsyncBufferedIteratorProtocol {
    typealias Element = UInt8
    var pieces: [Data]
    let interval: Duration
    let failsAtEnd: Bool
    var current: [UInt8] = []

    init(pieces: [Data], interval: Duration, failsAtEnd: Bool) {
        self.pieces = pieces
        self.interval = interval
        self.failsAtEnd = failsAtEnd
    }

    func makeAsyncIterator() -> TrickledBytes { self }

    mutating func next() async throws -> UInt8? {
        try await nextBuffer(suggested: 1)?.first
    }

    mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
        if current.isEmpty {
            guard !pieces.isEmpty else {
                if failsAtEnd { throw URLError(.networkConnectionLost) }
                return nil
            }
            try await Task.sleep(for: interval)
            current = Array(pieces.removeFirst())
        }
        let chunk = Array(current.prefix(Swift.max(count, 1)))
        current.removeFirst(chunk.count)
        return chunk
    }
}

/// Named gates that gated responses wait at until the test opens them.
actor Gates {
    private var gates: [String: Gate] = [:]

    func gate(_ name: String) -> Gate {
        if let gate = gates[name] { return gate }
        let gate = Gate()
        gates[name] = gate
        return gate
    }

    func openAll() async {
        for gate in gates.values { await gate.open() }
    }
}

actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func open() {
        isOpen = true
        waiting.forEach { $0.resume() }
        waiting = []
    }

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }
}

/// Yields `first`, waits for the gate, then yields `rest`.
private struct GatedBytes: AsyncBufferedSequence, AsyncBufferedIteratorProtocol {
    typealias Element = UInt8
    var first: [UInt8]
    let gate: Gate
    var rest: [UInt8]
    var waited = false

    init(first: [UInt8], gate: Gate, rest: [UInt8]) {
        self.first = first
        self.gate = gate
        self.rest = rest
    }

    func makeAsyncIterator() -> GatedBytes { self }

    mutating func next() async throws -> UInt8? {
        try await nextBuffer(suggested: 1)?.first
    }

    mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
        if !first.isEmpty {
            defer { first = [] }
            return first
        }
        if !waited {
            await gate.wait()
            waited = true
        }
        guard !rest.isEmpty else { return nil }
        defer { rest = [] }
        return rest
    }
}
