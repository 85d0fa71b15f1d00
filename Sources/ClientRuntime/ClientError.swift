import Foundation

/// The one error type generated clients throw. Their methods declare `throws(ClientError)`, so a `catch` knows
/// the type and a `switch` over it is exhaustive. Cancellation is a case too, so no other error reaches callers.
///
/// A response's status, headers and body are kept (`status`, `headers`, `rawBody`, `bodyText`) but never written
/// into `description`: a server may echo the request's credentials in a body, and descriptions end up in logs.
public enum ClientError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible, LocalizedError {
    /// The request could not be built (unencodable parameter, header with a line break, unfilled path
    /// placeholder); nothing was sent.
    case invalidRequest(String)
    /// The connection failed (refused, reset, dropped mid-body, TLS); the string describes the cause.
    case transport(String)
    /// No complete response arrived within the configured timeout.
    case timedOut
    /// The calling task was cancelled; the transfer, or the wait between attempts, stopped at once.
    case cancelled
    /// The server answered with a status the API documents as an error; `body` is the decoded value.
    case documentedStatus(status: Int, body: any Sendable, rawBody: Data, headers: HeaderFields)
    /// The server answered with a status the API does not document.
    case undocumentedStatus(status: Int, rawBody: Data, headers: HeaderFields)
    /// The server answered with a status the API documents as an error, and its body is not what the API says.
    case undecodableErrorBody(DecodingFailure)
    /// A successful response's body is not what the API says.
    case decoding(DecodingFailure)
    /// The body was not in the media type the operation expects (e.g. an HTML error page from a proxy).
    case unexpectedContentType(expected: String, received: String?)
    /// The response body exceeded `ClientConfiguration.maxResponseBytes`; reading stopped there.
    case responseTooLarge(limit: Int)
    /// A streamed response broke its format: invalid UTF-8 in an event stream, an event or item over
    /// `StreamingOptions.maxItemBytes`, or a stream that ended inside an event. Everything before it was delivered.
    case malformedStream(String)
    /// A `waitFor…` method still had no result when its timeout ran out.
    case waitTimedOut(timeout: Duration, attempts: Int)
    /// A `waitFor…` method's result reported failure (a query that `failed`); `result(as:)` reads it. `message` is the
    /// server's own account, where the spec says the result carries one (`x-clientgen-wait`'s `message`).
    case waitFailed(result: any Sendable, message: String?)
    /// The call failed in a way the retry policy retries (a connection failure, a 503), and was not sent again:
    /// `attempts` were made, `reason` says why there was no other, and `last` is how the last attempt failed.
    indirect case gaveUp(attempts: Int, reason: RetryStop, last: ClientError)

    /// How the last attempt failed: `last` of `gaveUp`, and the error itself otherwise.
    public var lastAttempt: ClientError {
        if case .gaveUp(_, _, let last) = self { last.lastAttempt } else { self }
    }

    /// The HTTP status when the server answered at all.
    public var status: Int? {
        switch lastAttempt {
        case .documentedStatus(let status, _, _, _), .undocumentedStatus(let status, _, _): status
        case .decoding(let failure), .undecodableErrorBody(let failure): failure.status
        default: nil
        }
    }

    /// The response's headers when the server answered.
    public var headers: HeaderFields? {
        switch lastAttempt {
        case .documentedStatus(_, _, _, let headers), .undocumentedStatus(_, _, let headers): headers
        case .decoding(let failure), .undecodableErrorBody(let failure): failure.headers
        default: nil
        }
    }

    /// The undecoded body the server sent, when it answered.
    public var rawBody: Data? {
        switch lastAttempt {
        case .documentedStatus(_, _, let data, _), .undocumentedStatus(_, let data, _): data
        case .decoding(let failure), .undecodableErrorBody(let failure): failure.rawBody
        default: nil
        }
    }

    /// The body the server sent as text, in the charset its Content-Type names (UTF-8 when none, with invalid bytes
    /// replaced): made only when asked, and never part of `description`.
    public var bodyText: String? {
        guard let rawBody else { return nil }
        let encoding = headers?["content-type"].flatMap(MediaType.charset(of:)) ?? .utf8
        return String(data: rawBody, encoding: encoding) ?? String(decoding: rawBody, as: UTF8.self)
    }

    /// The decoded error body of a documented status, if it is a `T`. `errorBody(as:)` says why when it is not.
    public func body<T>(as type: T.Type = T.self) -> T? {
        if case .documentedStatus(_, let body, _, _) = lastAttempt { body as? T } else { nil }
    }

    /// The result a `waitFor…` method found to report failure, if it is a `T`.
    public func result<T>(as type: T.Type = T.self) -> T? {
        if case .waitFailed(let result, _) = lastAttempt { result as? T } else { nil }
    }

    /// The error body as a `Body`, or why there is none: the status is documented with another type, is not
    /// documented, or its body did not decode, or the server never answered.
    public func errorBody<Body>(as type: Body.Type = Body.self) -> ErrorBody<Body> {
        switch lastAttempt {
        case .documentedStatus(_, let body, _, _): (body as? Body).map(ErrorBody.body) ?? .documentedAsOtherType(String(describing: Swift.type(of: body)))
        case .undocumentedStatus(let status, _, _): .undocumented(status: status)
        case .decoding(let failure), .undecodableErrorBody(let failure): .undecodable(failure)
        default: .noResponse
        }
    }

    public var description: String {
        switch self {
        case .invalidRequest(let reason): "invalid request: \(reason)"
        case .transport(let cause): "connection failed: \(cause)"
        case .timedOut: "the request timed out"
        case .cancelled: "the call was cancelled"
        case .documentedStatus(let status, let body, let data, _): "HTTP \(status) with a \(type(of: body)) body (\(data.count) bytes)"
        case .undocumentedStatus(let status, let data, _): "unexpected HTTP \(status) (\(data.count) bytes of body)"
        case .undecodableErrorBody(let failure): failure.description(of: "the documented error body")
        case .decoding(let failure): failure.description
        case .unexpectedContentType(let expected, let received): "expected \(expected) but the response is \(received ?? "untyped")"
        case .responseTooLarge(let limit): "the response is larger than the \(limit)-byte limit"
        case .malformedStream(let reason): "the streamed response is malformed: \(reason)"
        case .waitTimedOut(let timeout, let attempts): "still not ready after \(timeout) (\(attempts) attempts)"
        // The message is the server's sentence for the failure, written for people to read, unlike a body.
        case .waitFailed(let result, let message?): "the awaited operation reported failure (a \(type(of: result))): \(message)"
        case .waitFailed(let result, nil): "the awaited operation reported failure (a \(type(of: result)))"
        case .gaveUp(let attempts, let reason, let last):
            "\(last.description) (\(attempts) \(attempts == 1 ? "attempt" : "attempts"); \(reason))"
        }
    }

    public var debugDescription: String { "ClientError: \(description)" }

    public var errorDescription: String? { description }

    /// The first 200 characters of a body, for `DecodingFailure.bodySnippet`: enough to recognise an error page.
    static func snippet(of data: Data) -> String {
        let text = String(decoding: data.prefix(800), as: UTF8.self)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}

/// What `ClientError.errorBody(as:)` found: the body, or which of the reasons there is none.
public enum ErrorBody<Body> {
    case body(Body)
    /// The status is documented, with a body of the named type.
    case documentedAsOtherType(String)
    /// The API does not document the status.
    case undocumented(status: Int)
    /// The body did not decode as the API says it should.
    case undecodable(DecodingFailure)
    /// The server never answered: the call failed before or without a response.
    case noResponse
}

extension ErrorBody: Sendable where Body: Sendable {}
