import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default transport. It drives a data task through a delegate rather than `data(for:)` so it can
/// stop reading as soon as a body passes `maxResponseBytes`, enforce a deadline on the whole exchange,
/// and refuse cross-origin redirects, identically on Apple platforms and on Linux.
public final class URLSessionTransport: HTTPTransport {
    /// Shared so every client built with the default configuration reuses one connection pool.
    public static let shared = URLSessionTransport()

    private let session: URLSession
    private let delegate: SessionDelegate

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
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        urlRequest.httpBody = request.body
        // URLSession's own timeout is per read and only the backstop for the whole-exchange deadline
        // below. Whole seconds, because FoundationNetworking truncates it and fires at once below 1 s.
        urlRequest.timeoutInterval = request.timeout.map { (Self.seconds($0) + 1).rounded(.up) } ?? 7 * 24 * 3600

        let task = session.dataTask(with: urlRequest)
        let exchange = Exchange(limit: request.maxResponseBytes, task: task)
        delegate.register(exchange, for: task)
        // A task cancelled before it was resumed never reports completion, so its entry goes here.
        defer { delegate.unregister(task) }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                exchange.start(continuation, timeout: request.timeout)
            }
        } onCancel: {
            exchange.finish(.failure(CancellationError()))
        }
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}

/// One request in flight. Whichever of completion, cancellation, the deadline or the size limit
/// comes first decides the outcome; the others find it settled and do nothing.
private final class Exchange: Sendable {
    private struct State {
        var continuation: CheckedContinuation<TransportResponse, any Error>?
        var outcome: Result<TransportResponse, any Error>?
        var response: HTTPURLResponse?
        var body = Data()
        var deadline: Task<Void, Never>?
    }

    let limit: Int
    private let task: URLSessionTask
    private let state = Locked(State())

    init(limit: Int, task: URLSessionTask) {
        self.limit = limit
        self.task = task
    }

    func start(_ continuation: CheckedContinuation<TransportResponse, any Error>, timeout: Duration?) {
        let settled: Result<TransportResponse, any Error>? = state.withLock { state in
            if let outcome = state.outcome { return outcome }
            state.continuation = continuation
            if let timeout {
                state.deadline = Task { [weak self] in
                    guard (try? await Task.sleep(for: timeout)) != nil else { return }
                    self?.finish(.failure(ClientError.timedOut))
                }
            }
            return nil
        }
        if let settled {
            continuation.resume(with: settled)
        } else {
            task.resume()
        }
    }

    func finish(_ outcome: Result<TransportResponse, any Error>) {
        let settled: (CheckedContinuation<TransportResponse, any Error>?, Task<Void, Never>?)? = state.withLock { state in
            guard state.outcome == nil else { return nil }
            state.outcome = outcome
            defer { state.continuation = nil }
            return (state.continuation, state.deadline)
        }
        guard let (continuation, deadline) = settled else { return }
        deadline?.cancel()
        if case .failure = outcome { task.cancel() }
        continuation?.resume(with: outcome)
    }

    /// False when the announced length already exceeds the limit.
    func received(_ response: HTTPURLResponse) -> Bool {
        state.withLock { $0.response = response }
        if response.expectedContentLength > Int64(limit) {
            finish(.failure(ClientError.responseTooLarge(limit: limit)))
            return false
        }
        return true
    }

    func received(_ data: Data) {
        let tooLarge = state.withLock { state in
            state.body.append(data)
            return state.body.count > limit
        }
        if tooLarge { finish(.failure(ClientError.responseTooLarge(limit: limit))) }
    }

    func completed(error: (any Error)?) {
        let (response, body) = state.withLock { ($0.response, $0.body) }
        if let error {
            finish(.failure(Self.clientError(for: error)))
        } else if let response {
            var headers = HeaderFields()
            for (name, value) in response.allHeaderFields {
                headers.add("\(name)", "\(value)")
            }
            finish(.success(TransportResponse(status: response.statusCode, headers: headers, body: body)))
        } else {
            finish(.failure(ClientError.transport("the server sent no HTTP response")))
        }
    }

    private static func clientError(for error: any Error) -> any Error {
        guard let error = error as? URLError else { return ClientError.transport(error.localizedDescription) }
        let reason: String
        switch error.code {
        case .timedOut: return ClientError.timedOut
        case .cancelled: return CancellationError()
        case .cannotConnectToHost: reason = "could not connect to the server"
        case .networkConnectionLost: reason = "the connection was lost before the response was complete"
        case .cannotFindHost, .dnsLookupFailed: reason = "the server's host name could not be resolved"
        case .notConnectedToInternet: reason = "there is no network connection"
        case .badServerResponse: reason = "the server's response was malformed"
        case .secureConnectionFailed: reason = "the TLS connection could not be established"
        default: reason = error.localizedDescription
        }
        return ClientError.transport("\(reason) (URLError \(error.code.rawValue))")
    }
}

private final class SessionDelegate: NSObject, URLSessionDataDelegate, Sendable {
    private let exchanges = Locked([Int: Exchange]())

    func register(_ exchange: Exchange, for task: URLSessionTask) {
        exchanges.withLock { $0[task.taskIdentifier] = exchange }
    }

    func unregister(_ task: URLSessionTask) {
        _ = exchanges.withLock { $0.removeValue(forKey: task.taskIdentifier) }
    }

    private func exchange(for task: URLSessionTask) -> Exchange? {
        exchanges.withLock { $0[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        guard let http = response as? HTTPURLResponse, let exchange = exchange(for: dataTask) else {
            return completionHandler(.cancel)
        }
        completionHandler(exchange.received(http) ? .allow : .cancel)
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
