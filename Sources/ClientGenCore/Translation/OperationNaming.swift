/// Names for operations and the types lifted out of them.
enum OperationNaming {
    /// `x-swift-name`, else the `operationId` without a FastAPI-style suffix, else method and path.
    static func name(of configured: ConfiguredOperation) -> String {
        if let name = configured.swiftName { return name }
        let operation = configured.operation
        if let operationId = operation.operationId {
            return Naming.memberName(trimmingFastAPISuffix(operationId, path: operation.path, method: operation.method))
        }
        let segments = operation.path.split(separator: "/").map { segment -> String in
            segment.hasPrefix("{") ? "by " + segment.dropFirst().dropLast() : String(segment)
        }
        return Naming.memberName(([operation.method.rawValue] + segments).joined(separator: " "))
    }

    /// FastAPI derives `operationId`s as `{function}{path with non-word characters as _}_{method}`:
    /// `get_query_run_results_api_v1_explorer_query_runs__run_id__results_get`. The suffix only repeats the
    /// path and method, so it is dropped when it is exactly that.
    static func trimmingFastAPISuffix(_ operationId: String, path: String, method: HTTPMethod) -> String {
        let pathPart = String(path.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        let suffix = pathPart + "_" + method.rawValue
        guard operationId.count > suffix.count, operationId.hasSuffix(suffix) else { return operationId }
        return String(operationId.dropLast(suffix.count))
    }

    /// `404` → `NotFound`: names the type of an inline error body.
    static func statusName(_ status: Response.Status) -> String {
        switch status {
        case .code(let code): statusNames[code] ?? "Status\(code)"
        case .range(let digit): digit == 2 ? "Response" : "Status\(digit)XX"
        case .default: "Default"
        }
    }

    private static let statusNames: [Int: String] = [
        200: "Response", 201: "Created", 202: "Accepted", 203: "NonAuthoritative", 206: "PartialContent",
        400: "BadRequest", 401: "Unauthorized", 402: "PaymentRequired", 403: "Forbidden", 404: "NotFound",
        405: "MethodNotAllowed", 406: "NotAcceptable", 409: "Conflict", 410: "Gone", 412: "PreconditionFailed",
        413: "ContentTooLarge", 415: "UnsupportedMediaType", 422: "UnprocessableContent", 429: "TooManyRequests",
        500: "InternalServerError", 501: "NotImplemented", 502: "BadGateway", 503: "ServiceUnavailable",
        504: "GatewayTimeout",
    ]
}

/// How a body's media type is carried: decoded JSON, form fields, text, raw bytes, or a stream of items.
enum BodyKind: Equatable {
    case json
    case form
    case multipart
    case text
    case binary
    case eventStream
    case jsonLines
    case jsonSequence

    init(contentType: String) {
        let type = contentType.split(separator: ";").first.map { String($0).trimmingWhitespace.lowercased() } ?? ""
        if type == "text/event-stream" {
            self = .eventStream
        } else if Self.jsonLinesTypes.contains(type) {
            self = .jsonLines
        } else if type == "application/json-seq" {
            self = .jsonSequence
        } else if type == "application/json" || type.hasSuffix("+json") || type == "text/json" {
            self = .json
        } else if type == "application/x-www-form-urlencoded" {
            self = .form
        } else if type == "multipart/form-data" {
            self = .multipart
        } else if type.hasPrefix("text/") {
            self = .text
        } else {
            self = .binary
        }
    }

    private static let jsonLinesTypes: Set<String> = [
        "application/jsonl", "application/x-ndjson", "application/jsonlines", "application/x-jsonlines", "application/x-json-stream",
    ]

    /// Items that arrive one by one, read as they do.
    var isStream: Bool {
        switch self {
        case .eventStream, .jsonLines, .jsonSequence: true
        case .json, .form, .multipart, .text, .binary: false
        }
    }

    /// Preference when a body offers several media types: the one that gives the most useful Swift type.
    var rank: Int {
        switch self {
        case .json: 0
        case .form: 1
        case .multipart: 2
        case .text: 3
        case .binary: 4
        case .eventStream: 5
        case .jsonLines: 6
        case .jsonSequence: 7
        }
    }

    /// The media type a whole body is best read as, leaving streams aside.
    static func preferred(_ content: [MediaType]) -> (MediaType, BodyKind)? {
        content.map { ($0, BodyKind(contentType: $0.contentType)) }.filter { !$0.1.isStream }.min { $0.1.rank < $1.1.rank }
    }

    /// The stream media type a body is best read as.
    static func preferredStream(_ content: [MediaType]) -> (MediaType, BodyKind)? {
        content.map { ($0, BodyKind(contentType: $0.contentType)) }.filter(\.1.isStream).min { $0.1.rank < $1.1.rank }
    }
}
