import Foundation

/// A server's answer, handed to generated code to switch over `status`.
public struct Response: Sendable {
    public let status: Int
    public let headers: HeaderFields
    public let body: Data
    /// The URL requested, without credentials; kept for error messages and logs.
    public let url: URL
    public let method: HTTPMethod
    /// How many times the request was sent to get this answer.
    public internal(set) var attempts = 1
    /// Set when the retry policy would have retried this answer but stopped: errors made from it say why.
    var retryStop: RetryStop?

    public init(status: Int, headers: HeaderFields, body: Data, url: URL, method: HTTPMethod) {
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url
        self.method = method
    }

    /// The media type without parameters, lower-cased (`application/json`), or nil if the server sent none.
    public var mediaType: String? {
        headers["content-type"].map { MediaType.essence(of: $0) }
    }

    /// The body as text, in the charset the Content-Type names (UTF-8 when it names none).
    public func text() throws(ClientError) -> String {
        let contentType = headers["content-type"]
        let encoding = contentType.flatMap(MediaType.charset(of:)) ?? .utf8
        guard let text = String(data: body, encoding: encoding) else {
            throw ClientError.decoding(DecodingFailure(
                status: status, codingPath: "", message: "the body is not valid \(encoding) text",
                bodySnippet: ClientError.snippet(of: body), headers: headers, rawBody: body))
        }
        return text
    }
}

/// A server's answer whose body has not been read: what a streaming call hands on while the body arrives.
public struct StreamedResponse: Sendable {
    public let status: Int
    public let headers: HeaderFields
    public let body: HTTPBody
    /// The URL requested, without credentials; kept for error messages and logs.
    public let url: URL
    public let method: HTTPMethod
    /// How many times the request was sent to get this answer.
    public internal(set) var attempts = 1
    /// Set when the retry policy would have retried this answer but stopped: errors made from it say why.
    var retryStop: RetryStop?

    public init(status: Int, headers: HeaderFields, body: HTTPBody, url: URL, method: HTTPMethod) {
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url
        self.method = method
    }
}

/// Iterates a body from an escaping closure, advancing one iterator in place.
final class ChunkIterator: @unchecked Sendable {
    private var iterator: HTTPBody.Iterator

    init(_ body: HTTPBody) {
        iterator = body.makeAsyncIterator()
    }

    func next() async throws -> Data? {
        try await iterator.next()
    }
}

/// Just enough Content-Type parsing to pick a decoder and a charset.
enum MediaType {
    static func essence(of contentType: String) -> String {
        (contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? contentType)
            .trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// `text/json` too: older servers (ASP.NET Web API among them) still answer with it, and the generator reads
    /// a spec's `text/json` content as JSON.
    static func isJSON(_ contentType: String) -> Bool {
        let essence = essence(of: contentType)
        return essence == "application/json" || essence.hasSuffix("+json") || essence == "text/json"
    }

    static func charset(of contentType: String) -> String.Encoding? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "charset" else { continue }
            switch pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased() {
            case "utf-8", "utf8": return .utf8
            case "utf-16": return .utf16
            case "utf-16le": return .utf16LittleEndian
            case "utf-16be": return .utf16BigEndian
            case "iso-8859-1", "latin1", "iso8859-1": return .isoLatin1
            case "us-ascii", "ascii": return .ascii
            case "windows-1252", "cp1252": return .windowsCP1252
            default: return nil
            }
        }
        return nil
    }
}
