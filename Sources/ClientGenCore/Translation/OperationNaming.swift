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

    /// `202` → `accepted`: the case of an `Output` enum that a status returns.
    static func statusCaseName(_ status: Response.Status) -> String {
        switch status {
        case .code(let code): statusCaseNames[code] ?? "status\(code)"
        case .range(let digit): digit == 2 ? "success" : "status\(digit)XX"
        case .default: "other"
        }
    }

    private static let statusCaseNames: [Int: String] = [
        200: "ok", 201: "created", 202: "accepted", 203: "nonAuthoritativeInformation", 204: "noContent",
        205: "resetContent", 206: "partialContent", 207: "multiStatus", 208: "alreadyReported", 226: "imUsed",
    ]

    /// `application/vnd.github.v3.star+json` → `Star`, `application/json+sarif` → `Sarif`: what names the method
    /// that asks for a media type of its own. The vendor tree, the vendor's name and version numbers say nothing
    /// about what the type holds and are left out.
    static func mediaTypeSuffix(_ contentType: String) -> String {
        let base = MediaTypeName.base(contentType)
        let subtype = base.split(separator: "/").dropFirst().first.map(String.init) ?? base
        let parts = subtype.split(separator: "+").map(String.init)
        var name = parts.first == "json" && parts.count > 1 ? parts[1] : parts.first ?? ""
        for tree in ["vnd.", "x-", "prs."] where name.hasPrefix(tree) {
            name.removeFirst(tree.count)
        }
        var words = name.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" }).map(String.init)
            .filter { word in !(word.first == "v" && word.dropFirst().allSatisfy(\.isNumber) && word.count > 1) && !word.allSatisfy(\.isNumber) }
        if words.count > 1 { words.removeFirst() }
        let suffix = Naming.typeName(words.joined(separator: " "))
        return suffix.isEmpty ? "Alternative" : suffix
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
        let type = MediaTypeName.base(contentType)
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

    /// The media type a whole body is best read as, leaving streams aside; of JSON types, plain `application/json`.
    static func preferred(_ content: [MediaType]) -> (MediaType, BodyKind)? {
        func key(_ entry: (MediaType, BodyKind)) -> (Int, Int) {
            (entry.1.rank, MediaTypeName.base(entry.0.contentType) == "application/json" ? 0 : 1)
        }
        return content.map { ($0, BodyKind(contentType: $0.contentType)) }.filter { !$0.1.isStream }.min { key($0) < key($1) }
    }

    /// The stream media type a body is best read as.
    static func preferredStream(_ content: [MediaType]) -> (MediaType, BodyKind)? {
        content.map { ($0, BodyKind(contentType: $0.contentType)) }.filter(\.1.isStream).min { $0.1.rank < $1.1.rank }
    }
}

enum MediaTypeName {
    /// `Application/JSON; charset=utf-8` → `application/json`.
    static func base(_ contentType: String) -> String {
        contentType.split(separator: ";").first.map { String($0).trimmingWhitespace.lowercased() } ?? ""
    }
}
