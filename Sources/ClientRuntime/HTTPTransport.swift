import Foundation

/// A fully built HTTP request as it goes onto the wire: what middlewares inspect and transports send.
public struct TransportRequest: Sendable {
    public var method: HTTPMethod
    public var url: URL
    public var headers: HeaderFields
    public var body: HTTPBody?
    /// What is left of the call's timeout, reading the body included; nil means no limit. The connection enforces
    /// it on its clock, cancelling the exchange when it runs out: a transport needs no timer of its own, and may size
    /// its own limits from it (`URLSessionTransport` sets its idle timeout from it).
    public var timeout: Duration?
    /// How much of a response body a buffered call keeps; a transport that buffers bodies itself should stop
    /// reading beyond it and throw `ClientError.responseTooLarge`.
    public var maxResponseBytes: Int

    public init(method: HTTPMethod, url: URL, headers: HeaderFields = [:], body: HTTPBody? = nil, timeout: Duration? = nil, maxResponseBytes: Int = .max) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }
}

/// An HTTP response as a transport returns it: the head as soon as it arrives, the body as it streams in.
public struct TransportResponse: Sendable {
    public var status: Int
    public var headers: HeaderFields
    public var body: HTTPBody

    public init(status: Int, headers: HeaderFields = [:], body: HTTPBody = HTTPBody(Data())) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response whose whole body is already in memory, as a simple transport or a test returns it.
    public init(status: Int, headers: HeaderFields = [:], body: Data) {
        self.init(status: status, headers: headers, body: HTTPBody(body))
    }
}

/// What actually moves bytes. Swappable so apps can bring their own HTTP stack and tests can run
/// without one. A transport may return the body whole (`TransportResponse(status:headers:body: Data)`) or as
/// it streams in. Implementations should throw `ClientError.timedOut` or `.transport`, and `CancellationError`
/// when the calling task is cancelled, also from the body's iterator: the call's timeout ends an exchange by
/// cancelling it, so a transport that ignores cancellation holds the call past its timeout.
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
