import Foundation

/// Why a response body could not be turned into the expected type, with enough context to fix the
/// schema or report the server: where in the document it failed and what the body looked like.
public struct DecodingFailure: Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status of the response that failed to decode, if it came from one.
    public var status: Int?
    /// `results[0].summary.read_rows`; empty when the top-level value was wrong.
    public var codingPath: String
    public var message: String
    /// At most 200 characters of the body.
    public var bodySnippet: String

    public init(status: Int?, codingPath: String, message: String, bodySnippet: String) {
        self.status = status
        self.codingPath = codingPath
        self.message = message
        self.bodySnippet = bodySnippet
    }

    public var description: String {
        let location = codingPath.isEmpty ? "at the top level" : "at \(codingPath)"
        let from = status.map { " (HTTP \($0))" } ?? ""
        return "could not decode the response\(from) \(location): \(message); body starts: \(bodySnippet)"
    }
}

/// The one error type generated clients throw, so callers can `catch let error as ClientError` and
/// switch over every way a call can fail. Cancellation is deliberately not a case: it surfaces as
/// `CancellationError` like everywhere else in Swift concurrency.
public enum ClientError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible, LocalizedError {
    /// The request could not be built (unencodable parameter, header with a line break, unfilled path
    /// placeholder); nothing was sent.
    case invalidRequest(String)
    /// The connection failed (refused, reset, dropped mid-body, TLS); the string describes the cause.
    case transport(String)
    /// No complete response arrived within the configured timeout.
    case timedOut
    /// The server answered with a status the API documents as an error; `body` is the decoded value.
    case documentedStatus(status: Int, body: any Sendable, rawBody: Data, headers: HeaderFields)
    /// The server answered with a status the API does not document.
    case undocumentedStatus(status: Int, rawBody: Data, headers: HeaderFields)
    case decoding(DecodingFailure)
    /// The body was not in the media type the operation expects (e.g. an HTML error page from a proxy).
    case unexpectedContentType(expected: String, received: String?)
    /// The response body exceeded `ClientConfiguration.maxResponseBytes`; reading stopped there.
    case responseTooLarge(limit: Int)
    /// A streamed response broke its format: invalid UTF-8 in an event stream, an event or item over
    /// `StreamingOptions.maxItemBytes`, or a stream that ended inside an event. Everything before it was delivered.
    case malformedStream(String)

    /// The HTTP status when the server answered at all.
    public var status: Int? {
        switch self {
        case .documentedStatus(let status, _, _, _), .undocumentedStatus(let status, _, _): status
        case .decoding(let failure): failure.status
        default: nil
        }
    }

    /// The decoded error body of a documented status, if it is a `T`.
    public func body<T>(as type: T.Type = T.self) -> T? {
        if case .documentedStatus(_, let body, _, _) = self { body as? T } else { nil }
    }

    /// The undecoded body the server sent, for statuses.
    public var rawBody: Data? {
        switch self {
        case .documentedStatus(_, _, let data, _), .undocumentedStatus(_, let data, _): data
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .invalidRequest(let reason): "invalid request: \(reason)"
        case .transport(let cause): "connection failed: \(cause)"
        case .timedOut: "the request timed out"
        // Bodies stay out of descriptions: a server may echo the request's credentials in an error body, and
        // descriptions end up in logs. Read them through `body(as:)` and `rawBody`.
        case .documentedStatus(let status, let body, let data, _): "HTTP \(status) with a \(type(of: body)) body (\(data.count) bytes)"
        case .undocumentedStatus(let status, let data, _): "unexpected HTTP \(status) (\(data.count) bytes of body)"
        case .decoding(let failure): failure.description
        case .unexpectedContentType(let expected, let received): "expected \(expected) but the response is \(received ?? "untyped")"
        case .responseTooLarge(let limit): "the response is larger than the \(limit)-byte limit"
        case .malformedStream(let reason): "the streamed response is malformed: \(reason)"
        }
    }

    public var debugDescription: String { "ClientError: \(description)" }

    public var errorDescription: String? { description }

    /// The first 200 characters of a body, for messages: enough to recognise an error page.
    static func snippet(of data: Data) -> String {
        let text = String(decoding: data.prefix(800), as: UTF8.self)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
