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

    /// The step as it is sent at `now`, with the wait its `Retry-After` asks for and, for a date, the date. An
    /// HTTP-date has whole seconds, so the date is `after` from now rounded up to the next second, and the wait is
    /// exactly until then.
    func sent(at now: Date) -> (step: Fault, askedWait: Duration?, askedUntil: Date?) {
        switch self {
        case .retryAfterDate(let status, let after):
            let target = now.timeIntervalSince1970 + Double(after.components.seconds) + Double(after.components.attoseconds) / 1e18
            let date = Date(timeIntervalSince1970: target.rounded(.up))
            let wait = Duration.milliseconds(Int64((date.timeIntervalSince(now) * 1000).rounded()))
            return (.respond(status: status, headers: ["Retry-After": ScriptedResponse.httpDate(date)], body: Data()), wait, date)
        case .respond(_, let headers, _):
            let value = headers.first { $0.key.lowercased() == "retry-after" }?.value
            return (self, value.flatMap(Double.init).map { .milliseconds(Int64($0 * 1000)) }, nil)
        default:
            return (self, nil, nil)
        }
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
    /// Which connection it came on: counting them shows whether a connection was reused.
    public let connection: Int
    /// Whether the server answered it with a fault.
    public internal(set) var fault = false
    /// The wait the answer asked for with `Retry-After`, in seconds or as a date (until the date, from when the
    /// server sent it).
    public internal(set) var askedWait: Duration?
    /// The date the answer's `Retry-After` named, when it named one.
    public internal(set) var askedUntil: Date?

    /// Whether `wait` is what this answer's `Retry-After` asks of a client that read the answer at some moment
    /// before `seen`: exactly the seconds it names, or for a date, the time from that moment to the date (to the
    /// millisecond, rounded up as clients round it). The client read the answer after the server sent it and before
    /// `seen`, so the wait lies between what is left at `seen` and what was left when it was sent; no tolerance
    /// for a slow machine is needed.
    public func asks(for wait: Duration, readBefore seen: Date) -> Bool {
        guard let askedWait else { return false }
        guard let askedUntil else { return wait == askedWait }
        let leastLeft = Duration.milliseconds(Int64((askedUntil.timeIntervalSince(seen) * 1000).rounded(.down)))
        return wait >= leastLeft && wait <= askedWait + .milliseconds(1)
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}
