/// Thrown by a generated `waitFor…` method when the awaited result reports failure (a query that `failed`):
/// the result is kept so the caller can read the server's own account of what went wrong.
public struct WaitFailure<Result: Sendable>: Error, Sendable, CustomStringConvertible {
    public let result: Result
    /// The server's own message, where the spec says the result carries one (`x-clientgen-wait`'s `message`).
    public let message: String?

    public init(_ result: Result, message: String? = nil) {
        self.result = result
        self.message = message
    }

    public var description: String {
        message.map { "the awaited operation reported failure: \($0)" } ?? "the awaited operation reported failure"
    }
}
