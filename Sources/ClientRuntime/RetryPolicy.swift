import Foundation

/// When a call is sent again after a failure, and how long it waits first. On by default: every vendor of the
/// shipped clients rate-limits with 429 and sheds load with 503, and their own SDKs retry.
///
/// A call is retried when the connection failed, or the server answered one of `retryableStatuses`, and only when
/// sending it again cannot do harm: a request that may have reached the server is sent again only if its method is
/// idempotent or it carries an `Idempotency-Key`, and a request whose body was streamed from a sequence never is.
/// Retries stay inside `ClientConfiguration.timeout`, which covers the whole call. Every wait, and the timeout, is
/// measured on `ClientConfiguration.clock`.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included: 1 sends each request once.
    public var maxAttempts: Int
    public var retryableStatuses: Set<Int>
    /// The bound of the first backoff; each later one doubles, up to `maxBackoff`.
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    /// The longest wait a server may ask for with `Retry-After`, `RateLimit-Reset` or `X-RateLimit-Reset`. A longer
    /// one ends the call at once with the server's answer: sleeping through it would look like a hang.
    public var maxWait: Duration
    public var jitter: Jitter

    public init(
        maxAttempts: Int = 3,
        retryableStatuses: Set<Int> = [408, 429, 502, 503, 504],
        initialBackoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(10),
        maxWait: Duration = .seconds(60),
        jitter: Jitter = .full
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.retryableStatuses = retryableStatuses
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxWait = maxWait
        self.jitter = jitter
    }

    public static let `default` = RetryPolicy()
    /// Every request is sent once.
    public static let never = RetryPolicy(maxAttempts: 1)

    /// Which part of each backoff's bound is waited. Full jitter (a uniform draw between zero and the bound) spreads
    /// out the retries of many clients that failed together, so they do not return together.
    public struct Jitter: Sendable {
        let fraction: @Sendable () -> Double

        /// `fraction` returns the part of the bound to wait, in 0...1; tests pass a fixed one.
        public init(_ fraction: @escaping @Sendable () -> Double) {
            self.fraction = fraction
        }

        public static let full = Jitter { Double.random(in: 0...1) }
        /// The whole bound, every time.
        public static let none = Jitter { 1 }
    }

    /// The wait before retry number `retry` (1 for the first) when the server did not ask for one.
    func backoff(beforeRetry retry: Int) -> Duration {
        let doublings = min(max(retry - 1, 0), 30)
        let bound = min(maxBackoff, initialBackoff * (1 << doublings))
        return bound * min(max(jitter.fraction(), 0), 1)
    }
}

extension HTTPMethod {
    /// The methods RFC 9110 defines as idempotent that APIs use: sending one twice has the effect of sending it once.
    static let idempotent: Set<HTTPMethod> = [.get, .head, .options, .put, .delete]
}

extension TransportRequest {
    /// Whether the server receiving this request twice does no harm: its method is idempotent, or it carries an
    /// `Idempotency-Key` the server uses to recognise the second one.
    var maySendTwice: Bool {
        HTTPMethod.idempotent.contains(method) || headers.contains("Idempotency-Key")
    }
}
