import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default transport. It drives tasks through a delegate rather than `data(for:)`, so the body streams in
/// as it arrives, cancellation stops the transfer (which is how the connection ends an exchange at the call's
/// deadline), and redirects to another origin are refused, identically on Apple platforms and on Linux.
///
/// A response body is held in a fixed amount of memory however slowly it is read. On Apple platforms the task
/// is suspended while the buffer is full. FoundationNetworking on Linux cannot pause a transfer (suspending a task
/// removes it from libcurl, which abandons it), so there the excess goes to an unlinked temporary file and is
/// read back in order, and the delegate queue is bounded (`BoundedDelegateQueue`). A request body streamed from a sequence of chunks is likewise written to a temporary file
/// on Linux before it is sent (see `SpooledBody`).
public final class URLSessionTransport: HTTPTransport {
    /// Shared so every client built with the default configuration reuses one connection pool.
    public static let shared = URLSessionTransport()

    private let session: URLSession
    private let delegate: SessionDelegate
    private let configuration: URLSessionConfiguration
    private let delegateQueue: OperationQueue

    /// Cookies and caching are switched off: generated clients set cookies explicitly and an API
    /// response must never come from a cache nobody configured.
    public init(configuration: URLSessionConfiguration = .ephemeral) {
        // A copy, so the caller's configuration object is left as it was.
        let configuration = configuration.copy() as? URLSessionConfiguration ?? .ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        delegate = SessionDelegate()
        #if canImport(Darwin)
        let delegateQueue = OperationQueue()
        delegateQueue.maxConcurrentOperationCount = 1
        #else
        let delegateQueue = BoundedDelegateQueue()
        #endif
        self.configuration = configuration
        self.delegateQueue = delegateQueue
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: delegateQueue)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        try Task.checkCancellation()
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        // URLSession's own timeout is per read, an idle backstop only: the connection enforces the call's timeout
        // on its clock. Whole seconds, because FoundationNetworking truncates it and fires at once below 1 s.
        urlRequest.timeoutInterval = request.timeout.map { (Self.seconds($0) + 1).rounded(.up) } ?? 7 * 24 * 3600

        // A session of its own has no idle connection to reuse; it is invalidated when the exchange ends.
        let ownSession = Self.needsOwnConnection(request)
            ? URLSession(configuration: configuration, delegate: delegate, delegateQueue: delegateQueue) : nil
        let session = ownSession ?? self.session
        let task: URLSessionTask
        var upload: (any BodyUpload)?
        var spooled: URL?
        switch request.body?.source {
        case nil:
            task = session.dataTask(with: urlRequest)
        case .data(let data):
            urlRequest.httpBody = data
            task = session.dataTask(with: urlRequest)
        case .file(let url):
            task = session.uploadTask(with: urlRequest, fromFile: url)
        case .chunks, .repeatable:
            #if canImport(Darwin)
            if case .known(let length)? = request.body?.length, !request.headers.contains("Content-Length") {
                urlRequest.setValue(String(length), forHTTPHeaderField: "Content-Length")
            }
            let streamed = StreamedUpload(body: request.body!)
            urlRequest.httpBodyStream = streamed.inputStream
            upload = streamed
            task = session.dataTask(with: urlRequest)
            #else
            // FoundationNetworking reads a body stream synchronously on the thread that drives every session in
            // the process, so waiting there for a slow producer would stall all other requests. The body is
            // written to a temporary file first and sent from there, like any file.
            let file = try await SpooledBody.write(request.body!)
            spooled = file
            task = session.uploadTask(with: urlRequest, fromFile: file)
            #endif
        }

        let exchange = Exchange(task: task, upload: upload) { [delegate, spooled, ownSession] in
            delegate.unregister(task)
            ownSession?.finishTasksAndInvalidate()
            if let spooled { try? FileManager.default.removeItem(at: spooled) }
        }
        delegate.register(exchange, for: task)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                exchange.start(continuation)
            }
        } onCancel: {
            exchange.fail(CancellationError())
        }
    }

    /// Whether the request must not go out on a reused connection. When a reused connection turns out to have been
    /// closed by the server before any answer, libcurl (FoundationNetworking on Linux) sends the request again by
    /// itself, past the retry policy: a POST without an `Idempotency-Key` would reach the server twice, and a request
    /// with a body hangs until its timeout instead. A fresh connection is never retried that way. Apple's URLSession
    /// reuses connections for every request.
    static func needsOwnConnection(_ request: TransportRequest) -> Bool {
        #if canImport(Darwin)
        false
        #else
        request.body != nil || !request.maySendTwice
        #endif
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}

private final class SessionDelegate: NSObject, URLSessionDataDelegate, Sendable {
    /// By task object rather than `taskIdentifier`, which is unique within one session only.
    private let exchanges = Locked([ObjectIdentifier: Exchange]())

    func register(_ exchange: Exchange, for task: URLSessionTask) {
        exchanges.withLock { $0[ObjectIdentifier(task)] = exchange }
    }

    func unregister(_ task: URLSessionTask) {
        _ = exchanges.withLock { $0.removeValue(forKey: ObjectIdentifier(task)) }
    }

    private func exchange(for task: URLSessionTask) -> Exchange? {
        exchanges.withLock { $0[ObjectIdentifier(task)] }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        guard let http = response as? HTTPURLResponse, let exchange = exchange(for: dataTask) else {
            return completionHandler(.cancel)
        }
        exchange.received(http)
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        exchange(for: dataTask)?.received(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        exchange(for: task)?.completed(error: error)
    }

    /// Redirects within the server's origin are followed; others are handed back as the 3xx
    /// response, because following them would carry the credentials to a host nobody vetted.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        if let from = task.originalRequest?.url, let to = request.url, Connection.sameOrigin(from, to) {
            completionHandler(request)
        } else {
            completionHandler(nil)
        }
    }
}
