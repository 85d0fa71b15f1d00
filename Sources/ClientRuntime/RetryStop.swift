/// Why a call that failed in a way the retry policy retries was not sent again.
public enum RetryStop: Sendable, Hashable, CustomStringConvertible {
    /// `RetryPolicy.maxAttempts` were made.
    case attemptLimit
    /// The server asked to wait longer than `RetryPolicy.maxWait`.
    case waitTooLong(requested: Duration)
    /// The wait would have ended after the call's timeout, or the timeout ran out during an attempt.
    case deadline
    /// The request may have reached the server, and its method is not idempotent nor does it carry an
    /// `Idempotency-Key`: sending it again might do twice what it asks.
    case notIdempotent(HTTPMethod)
    /// The request body was streamed from a sequence that cannot be read again.
    case bodyNotReplayable

    public var description: String {
        switch self {
        case .attemptLimit: "no attempts left"
        case .waitTooLong(let requested): "the server asked to wait \(requested), longer than the retry policy's maxWait"
        case .deadline: "the call's timeout ran out"
        case .notIdempotent(let method): "not retried: a \(method) without an Idempotency-Key may have reached the server"
        case .bodyNotReplayable: "not retried: the streamed request body cannot be sent again"
        }
    }
}
