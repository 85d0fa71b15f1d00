import Foundation

/// Why a response body could not be turned into the expected type, with enough context to fix the schema or report
/// the server: where in the document it failed, and the response it came from.
public struct DecodingFailure: Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status of the response that failed to decode, if it came from one.
    public var status: Int?
    /// `results[0].summary.read_rows`; empty when the top-level value was wrong.
    public var codingPath: String
    public var message: String
    /// At most 200 characters of the body, with the connection's secrets redacted; not part of `description`.
    public var bodySnippet: String
    /// The response's headers, when the body came from one.
    public var headers: HeaderFields?
    /// The whole body as received, when it came from a response.
    public var rawBody: Data?

    public init(status: Int?, codingPath: String, message: String, bodySnippet: String, headers: HeaderFields? = nil, rawBody: Data? = nil) {
        self.status = status
        self.codingPath = codingPath
        self.message = message
        self.bodySnippet = bodySnippet
        self.headers = headers
        self.rawBody = rawBody
    }

    /// Names the place and the problem, not the body: bodies may hold what logs must not.
    public var description: String { description(of: "the response") }

    func description(of subject: String) -> String {
        let location = codingPath.isEmpty ? "at the top level" : "at \(codingPath)"
        let from = status.map { " (HTTP \($0))" } ?? ""
        return "could not decode \(subject)\(from) \(location): \(message)"
    }
}
