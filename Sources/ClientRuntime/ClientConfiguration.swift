import Foundation

/// Everything about how a client talks HTTP that is not part of the API itself.
public struct ClientConfiguration: Sendable {
    public var transport: any HTTPTransport
    /// Outermost first: the first middleware sees the request first and the response last.
    public var middlewares: [any ClientMiddleware]
    /// For the whole exchange, including reading the body; nil waits forever.
    public var timeout: Duration?
    /// Protects the app from a runaway or hostile response filling memory.
    public var maxResponseBytes: Int
    /// Sent as `User-Agent` unless a request sets its own; nil sends the transport's default.
    public var userAgent: String?
    /// Called for every decode, so a client can adjust key or date strategies without subclassing.
    public var makeDecoder: @Sendable () -> JSONDecoder
    /// How streamed responses (events, JSON lines, rows) are read.
    public var streaming: StreamingOptions

    public init(
        transport: any HTTPTransport = URLSessionTransport.shared,
        middlewares: [any ClientMiddleware] = [],
        timeout: Duration? = .seconds(60),
        maxResponseBytes: Int = 100 * 1024 * 1024,
        userAgent: String? = "ClientRuntime",
        makeDecoder: @escaping @Sendable () -> JSONDecoder = JSONCoding.makeDecoder,
        streaming: StreamingOptions = StreamingOptions()
    ) {
        self.transport = transport
        self.middlewares = middlewares
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        self.userAgent = userAgent
        self.makeDecoder = makeDecoder
        self.streaming = streaming
    }
}
