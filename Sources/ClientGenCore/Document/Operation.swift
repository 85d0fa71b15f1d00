public enum HTTPMethod: String, Sendable, CaseIterable {
    case get, put, post, delete, options, head, patch, trace
}

public struct Operation: Sendable {
    public var source: SourceRange
    public var path: String
    public var method: HTTPMethod
    public var operationId: String?
    public var summary: String?
    public var description: String?
    public var tags: [String] = []
    /// Path-level parameters merged with the operation's own (the operation's win on the same name and `in`).
    public var parameters: [Parameter] = []
    public var requestBody: RequestBody?
    /// In the order written; `default` and ranges such as `2XX` included.
    public var responses: [Response] = []
    /// Nil when the operation does not say, so the document's global requirement applies.
    public var security: [SecurityRequirement]?
    public var deprecated = false
    /// `x-swift-name`: the method's name, replacing the one derived from `operationId` or the path.
    public var swiftName: String?
    public var extensions: [String: SpecExtension] = [:]

    public init(source: SourceRange, path: String, method: HTTPMethod) {
        self.source = source
        self.path = path
        self.method = method
    }
}

public struct Parameter: Sendable {
    public enum Location: String, Sendable, CaseIterable {
        case path, query, header, cookie
    }

    public enum Style: String, Sendable {
        case matrix, label, form, simple, spaceDelimited, pipeDelimited, deepObject
    }

    public var source: SourceRange
    public var name: String
    public var location: Location
    public var required: Bool
    public var description: String?
    public var deprecated = false
    public var style: Style?
    public var explode: Bool?
    /// The schema, or the schema of the single `content` entry for parameters written that way.
    public var schema: Schema?
    /// The media type of a parameter written in the `content` form (e.g. `application/json`); nil for `schema`.
    public var contentType: String?
    public var example: JSONLiteral?
    /// `x-swift-name`: the argument label, replacing the one derived from `name`.
    public var swiftName: String?
    public var extensions: [String: SpecExtension] = [:]

    public init(source: SourceRange, name: String, location: Location, required: Bool) {
        self.source = source
        self.name = name
        self.location = location
        self.required = required
    }
}

public struct MediaType: Sendable {
    /// The media type as written, e.g. `application/json` or `text/csv; charset=utf-8`.
    public var contentType: String
    public var schema: Schema?
    /// OpenAPI 3.2's schema of each item of a sequential media type (events, JSON Lines).
    public var itemSchema: Schema?
    public var example: JSONLiteral?
    /// How each property of a multipart or form body is encoded, by property name.
    public var encoding: [String: Encoding] = [:]

    public init(contentType: String, schema: Schema? = nil, example: JSONLiteral? = nil) {
        self.contentType = contentType
        self.schema = schema
        self.example = example
    }

    /// An Encoding Object: a part's media type and headers in multipart, a field's style in a form.
    public struct Encoding: Sendable {
        public var source: SourceRange
        public var contentType: String?
        public var headers: [Header] = []
        public var style: Parameter.Style?
        public var explode: Bool?
        public var allowReserved = false

        public init(source: SourceRange) {
            self.source = source
        }
    }
}

public struct RequestBody: Sendable {
    public var source: SourceRange
    public var description: String?
    public var required: Bool
    public var content: [MediaType]

    public init(source: SourceRange, description: String? = nil, required: Bool = false, content: [MediaType] = []) {
        self.source = source
        self.description = description
        self.required = required
        self.content = content
    }
}

public struct Response: Sendable {
    public enum Status: Hashable, Sendable, CustomStringConvertible {
        case code(Int)
        /// `2XX`: the leading digit.
        case range(Int)
        case `default`

        public var description: String {
            switch self {
            case .code(let code): String(code)
            case .range(let digit): "\(digit)XX"
            case .default: "default"
            }
        }

        public var isSuccess: Bool {
            switch self {
            case .code(let code): (200..<300).contains(code)
            case .range(let digit): digit == 2
            case .default: false
            }
        }
    }

    public var source: SourceRange
    public var status: Status
    public var description: String?
    public var content: [MediaType]
    public var headers: [Header]

    public init(source: SourceRange, status: Status, description: String? = nil, content: [MediaType] = [], headers: [Header] = []) {
        self.source = source
        self.status = status
        self.description = description
        self.content = content
        self.headers = headers
    }
}

public struct Header: Sendable {
    public var name: String
    public var description: String?
    public var required: Bool
    public var schema: Schema?

    public init(name: String, description: String? = nil, required: Bool = false, schema: Schema? = nil) {
        self.name = name
        self.description = description
        self.required = required
        self.schema = schema
    }
}
