import Foundation

/// What `FaultServer` does with one request: answer it, or fail in one of the ways networks and servers fail.
public enum Fault: Sendable {
    /// A complete answer, kept alive for the next request.
    case respond(status: Int, headers: [String: String], body: Data)
    /// Reads the request, then closes the connection without a byte of answer: a crash or a proxy giving up.
    case dropBeforeHead
    /// Sends the head (announcing the whole body) and closes before any of the body.
    case dropAfterHead(body: Data)
    /// Sends the head and `sending` bytes of the body, then resets the connection (a TCP RST, not a clean close).
    case resetMidBody(body: Data, sending: Int)
    /// Answers `status` with `Retry-After` as an HTTP-date this long after the answer is sent.
    case retryAfterDate(status: Int, after: Duration)
    /// A complete answer whose body arrives in `pieces` parts, `interval` apart: slow, not broken.
    case trickle(body: Data, pieces: Int, interval: Duration)

    public static func json(_ text: String, status: Int = 200) -> Fault {
        .respond(status: status, headers: ["Content-Type": "application/json"], body: Data(text.utf8))
    }

    public static func status(_ status: Int, headers: [String: String] = [:]) -> Fault {
        .respond(status: status, headers: headers, body: Data())
    }

    /// Whether the step keeps the request from succeeding: every step but a success, and a trickle, is a fault.
    public var isFault: Bool {
        switch self {
        case .respond(let status, _, _): !(200..<300).contains(status)
        case .trickle: false
        case .dropBeforeHead, .dropAfterHead, .resetMidBody, .retryAfterDate: true
        }
    }
}

/// One request as `FaultServer` read it.
public struct FaultRequest: Sendable {
    public let method: String
    public let path: String
    public let headers: [String: String]
    public let body: Data
    public let receivedAt: ContinuousClock.Instant
    /// Which connection it came on: counting them shows whether a connection was reused.
    public let connection: Int

    public func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}
