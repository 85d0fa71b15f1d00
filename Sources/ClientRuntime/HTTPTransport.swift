import Foundation

/// A fully built HTTP request as it goes onto the wire: what middlewares inspect and transports send.
public struct TransportRequest: Sendable, Hashable {
    public var method: HTTPMethod
    public var url: URL
    public var headers: HeaderFields
    public var body: Data?
    /// The whole exchange must finish within this, not just each read; nil means no limit.
    public var timeout: Duration?
    /// Transports stop reading and throw `ClientError.responseTooLarge` beyond this many body bytes.
    public var maxResponseBytes: Int

    public init(method: HTTPMethod, url: URL, headers: HeaderFields = [:], body: Data? = nil, timeout: Duration? = nil, maxResponseBytes: Int = .max) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }
}

/// A complete HTTP response as a transport returns it.
public struct TransportResponse: Sendable, Hashable {
    public var status: Int
    public var headers: HeaderFields
    public var body: Data

    public init(status: Int, headers: HeaderFields = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// What actually moves bytes. Swappable so apps can bring their own HTTP stack and tests can run
/// without one. Implementations should throw `ClientError.timedOut`, `.responseTooLarge` or
/// `.transport`, and `CancellationError` when the calling task is cancelled.
public protocol HTTPTransport: Sendable {
    func send(_ request: TransportRequest) async throws -> TransportResponse
}

/// Sees every outgoing request and its response: for logging, retries, extra headers, metrics.
/// Call `next` zero, one or several times. Credentials are added after the last middleware, so
/// middlewares never see (and cannot log) secrets.
public protocol ClientMiddleware: Sendable {
    func intercept(
        _ request: TransportRequest,
        next: @Sendable (TransportRequest) async throws -> TransportResponse
    ) async throws -> TransportResponse
}
