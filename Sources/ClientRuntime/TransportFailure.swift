/// A failed exchange, with how far it got: what a transport throws so that the retry policy knows whether the
/// request may have reached the server. `Connection` reports it to callers as `ClientError.transport`.
public struct TransportFailure: Error, Sendable, CustomStringConvertible {
    public enum Stage: Sendable, Hashable {
        /// No connection was made (refused, no route, DNS, TLS): the server cannot have seen the request.
        case connecting
        /// The request was being sent or answered, and no response head arrived.
        case awaitingResponse
        /// The response head arrived, and the body broke off.
        case receivingBody
    }

    public var stage: Stage
    public var message: String

    public init(_ stage: Stage, _ message: String) {
        self.stage = stage
        self.message = message
    }

    public var description: String { message }
}
