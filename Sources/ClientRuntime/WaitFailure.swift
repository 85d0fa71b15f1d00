/// Thrown by a generated `waitFor…` method when the awaited result reports failure (a query that `failed`):
/// the result is kept so the caller can read the server's own account of what went wrong.
public struct WaitFailure<Result: Sendable>: Error, Sendable, CustomStringConvertible {
    public let result: Result

    public init(_ result: Result) {
        self.result = result
    }

    public var description: String { "the awaited operation reported failure" }
}
