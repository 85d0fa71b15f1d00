import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An HTTP/1.1 server on 127.0.0.1 written on plain sockets, so a test decides exactly what reaches the wire: when a
/// connection closes, whether it closes or resets, how much of a head or body went out first. `TestServer` (FlyingFox)
/// answers well-formed exchanges; this one breaks them on purpose. Each connection has a thread, requests on it are
/// answered in turn (keep-alive), and every request is recorded before its scripted step is taken.
public final class FaultServer: @unchecked Sendable {
    public let url: URL
    private let listener: Int32
    private let lock = NSLock()
    private var scripts: [String: [Fault]] = [:]
    private var recorded: [FaultRequest] = []
    private var faultsServed = 0
    private var connections = 0
    private var open: Set<Int32> = []
    private var stopped = false
    private var waiters: [Int: (count: Int, path: String, continuation: CheckedContinuation<[FaultRequest], Never>)] = [:]
    private var lastWaiter = 0

    public init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw URLError(.cannotConnectToHost) }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0 && listen(listener, 64) == 0
                    && getsockname(listener, socketAddress, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw URLError(.cannotConnectToHost)
        }
        self.listener = listener
        url = URL(string: "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))")!
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Steps for requests to `path`, taken in order; the last repeats. Unscripted paths answer `200 {}`.
    public func script(_ path: String, _ steps: Fault...) {
        script(path, steps)
    }

    public func script(_ path: String, _ steps: [Fault]) {
        lock.withLock { scripts[path] = steps }
    }

    public var requests: [FaultRequest] { lock.withLock { recorded } }

    /// Returns once `count` requests to `path` have arrived, with them; suspends until their arrival resumes it.
    /// Cancelling the waiting task returns at once with what has arrived, so a test's time limit can end it.
    @discardableResult
    public func waitForRequests(_ count: Int, to path: String) async -> [FaultRequest] {
        let id = lock.withLock { () -> Int in
            lastWaiter += 1
            return lastWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let arrived = lock.withLock { () -> [FaultRequest]? in
                    let arrived = recorded.filter { $0.path == path }
                    if arrived.count >= count || Task.isCancelled { return arrived }
                    waiters[id] = (count, path, continuation)
                    return nil
                }
                if let arrived { continuation.resume(returning: arrived) }
            }
        } onCancel: {
            let ended = lock.withLock { () -> (CheckedContinuation<[FaultRequest], Never>, [FaultRequest])? in
                guard let waiter = waiters.removeValue(forKey: id) else { return nil }
                return (waiter.continuation, recorded.filter { $0.path == waiter.path })
            }
            if let (continuation, arrived) = ended { continuation.resume(returning: arrived) }
        }
    }

    /// How many scripted faults the server has served: every step that is not a success.
    public var faultsInjected: Int { lock.withLock { faultsServed } }

    /// Closes the listening socket and every open connection.
    public func stop() {
        let sockets = lock.withLock { () -> [Int32] in
            stopped = true
            return Array(open)
        }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for socket in sockets { shutdown(socket, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            let number = lock.withLock { () -> Int? in
                guard !stopped else { return nil }
                connections += 1
                open.insert(client)
                return connections
            }
            guard let number else {
                close(client)
                return
            }
            var noDelay: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            let thread = Thread { [self] in
                serve(client, connection: number)
                _ = lock.withLock { open.remove(client) }
            }
            thread.start()
        }
    }

    /// Answers requests on one connection until the client closes it or a step does.
    private func serve(_ socket: Int32, connection: Int) {
        var reader = RequestReader(socket: socket)
        while let request = reader.next(connection: connection) {
            let (step, satisfied) = lock.withLock { () -> (Fault, [(CheckedContinuation<[FaultRequest], Never>, [FaultRequest])]) in
                var scripted = Fault.json("{}")
                if var queue = scripts[request.path], let first = queue.first {
                    scripted = first
                    if queue.count > 1 {
                        queue.removeFirst()
                        scripts[request.path] = queue
                    }
                }
                let (step, wait, date) = scripted.sent(at: Date())
                var request = request
                request.fault = scripted.isFault
                request.askedWait = wait
                request.askedUntil = date
                recorded.append(request)
                if scripted.isFault { faultsServed += 1 }
                var satisfied: [(CheckedContinuation<[FaultRequest], Never>, [FaultRequest])] = []
                for (id, waiter) in waiters {
                    let arrived = recorded.filter { $0.path == waiter.path }
                    guard arrived.count >= waiter.count else { continue }
                    waiters[id] = nil
                    satisfied.append((waiter.continuation, arrived))
                }
                return (step, satisfied)
            }
            for (continuation, arrived) in satisfied { continuation.resume(returning: arrived) }
            guard perform(step, on: socket) else { break }
        }
        close(socket)
    }

    /// Writes what `step` says; false when the connection is closed or reset.
    private func perform(_ step: Fault, on socket: Int32) -> Bool {
        switch step {
        case .respond(let status, let headers, let body):
            return write(socket, head(status, headers, length: body.count) + body)
        case .dropBeforeHead:
            return false
        case .dropAfterHead(let body):
            _ = write(socket, head(200, [:], length: body.count))
            return false
        case .resetMidBody(let body, let sending):
            _ = write(socket, head(200, [:], length: body.count) + body.prefix(sending))
            // A zero linger makes close send RST: the client sees "connection reset", not an orderly end.
            var linger = linger(l_onoff: 1, l_linger: 0)
            setsockopt(socket, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
            return false
        case .retryAfterDate:
            preconditionFailure("sent(at:) makes a date answer a plain one")
        case .trickle(let body, let pieces, let interval):
            guard write(socket, head(200, [:], length: body.count)) else { return false }
            let size = max(1, (body.count + pieces - 1) / max(pieces, 1))
            var offset = 0
            while offset < body.count {
                Thread.sleep(forTimeInterval: Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18)
                let end = min(body.count, offset + size)
                guard write(socket, body[offset..<end]) else { return false }
                offset = end
            }
            return true
        }
    }

    private func head(_ status: Int, _ headers: [String: String], length: Int) -> Data {
        var text = "HTTP/1.1 \(status) Scripted\r\nContent-Length: \(length)\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return Data((text + "\r\n").utf8)
    }

    private func write(_ socket: Int32, _ data: some DataProtocol) -> Bool {
        let bytes = Array(data)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }
}

/// Reads HTTP/1.1 requests off a socket: the head up to the blank line, then a `Content-Length` body. Answers
/// `Expect: 100-continue`, which libcurl sends before larger bodies and otherwise waits a second for.
private struct RequestReader {
    let socket: Int32
    var buffer = Data()

    mutating func next(connection: Int) -> FaultRequest? {
        let separator = Data("\r\n\r\n".utf8)
        var headEnd = buffer.range(of: separator)
        while headEnd == nil {
            guard fill() else { return nil }
            headEnd = buffer.range(of: separator)
        }
        let headText = String(decoding: buffer[..<headEnd!.lowerBound], as: UTF8.self)
        buffer = Data(buffer[headEnd!.upperBound...])
        var lines = headText.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name }?.value }
        if header("expect")?.lowercased() == "100-continue" {
            let continueLine = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
            _ = continueLine.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
        let length = header("content-length").flatMap { Int($0) } ?? 0
        while buffer.count < length {
            guard fill() else { return nil }
        }
        let body = Data(buffer.prefix(length))
        buffer = Data(buffer.dropFirst(length))
        let target = String(requestLine[1])
        return FaultRequest(
            method: String(requestLine[0]), path: String(target.prefix { $0 != "?" }), headers: headers, body: body,
            connection: connection)
    }

    private mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }
}

/// Runs `body` with a fresh fault server and stops it afterwards, even when `body` throws.
public func withFaultServer(_ body: (FaultServer) async throws -> Void) async throws {
    let server = try FaultServer()
    defer { server.stop() }
    try await body(server)
}
