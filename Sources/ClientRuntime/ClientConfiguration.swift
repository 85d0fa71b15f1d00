import Foundation

/// Everything about how a client talks HTTP that is not part of the API itself.
public struct ClientConfiguration: Sendable {
    public var transport: any HTTPTransport
    /// Outermost first: the first middleware sees the request first and the response last. Each attempt the retry
    /// policy makes passes through them.
    public var middlewares: [any ClientMiddleware]
    /// For the whole call: every attempt, the waits between them and reading the body; nil waits forever. The
    /// connection enforces it on `clock`.
    public var timeout: Duration?
    /// Protects the app from a runaway or hostile response filling memory.
    public var maxResponseBytes: Int
    /// Sent as `User-Agent` unless a request sets its own; nil sends the transport's default.
    public var userAgent: String?
    /// Called for every decode, so a client can adjust key or date strategies without subclassing.
    public var makeDecoder: @Sendable () -> JSONDecoder
    /// How streamed responses (events, JSON lines, rows) are read.
    public var streaming: StreamingOptions
    /// When failed calls are sent again; `.never` sends each once.
    public var retry: RetryPolicy
    /// Sent with every request that does not set the header itself: a trace ID, or an `Idempotency-Key` for calls
    /// made through `client.with(headers:)`.
    public var headers: HeaderFields
    /// What every wait and limit of a call is measured on: retry backoffs, the timeout, polling pauses, event stream
    /// reconnections. A test passes a clock it advances itself, so time passes exactly when and as far as it says;
    /// an app may pass its own (one that keeps counting while the device sleeps, say).
    public var clock: any Clock<Duration>

    public init(
        transport: any HTTPTransport = URLSessionTransport.shared,
        middlewares: [any ClientMiddleware] = [],
        timeout: Duration? = .seconds(60),
        maxResponseBytes: Int = 100 * 1024 * 1024,
        userAgent: String? = "ClientRuntime",
        makeDecoder: @escaping @Sendable () -> JSONDecoder = JSONCoding.makeDecoder,
        streaming: StreamingOptions = StreamingOptions(),
        retry: RetryPolicy = .default,
        headers: HeaderFields = [:],
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.transport = transport
        self.middlewares = middlewares
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        self.userAgent = userAgent
        self.makeDecoder = makeDecoder
        self.streaming = streaming
        self.retry = retry
        self.headers = headers
        self.clock = clock
    }
}
