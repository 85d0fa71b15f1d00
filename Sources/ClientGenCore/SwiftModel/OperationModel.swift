/// One method on `Client`: its parameters, how they go into the request, and what each status returns or throws.
public struct OperationModel: Sendable {
    public var name: String
    public var summary: String?
    public var description: String?
    public var deprecated: Bool
    public var method: HTTPMethod
    /// The path template as the spec writes it.
    public var path: String
    /// Required parameters (and a required body) first, then optional ones, each group in spec order.
    public var parameters: [OperationParameter]
    /// Media types the client accepts, in the order the responses list them.
    public var accept: [String]
    /// Alternatives of scheme names, any one of which satisfies the operation; nil when it needs no credentials.
    public var security: [[String]]?
    /// The type a successful call returns; nil for none.
    public var returnType: SwiftType?
    public var responseCases: [ResponseCase]
    /// Set when no case covers `default`: undocumented statuses throw.
    public var throwsUndocumented: Bool
    /// Whether the response body is read whole before the status is handled, or handed on as it streams in.
    public var transfer: Transfer
    /// What the method returns, for its doc comment, when that needs saying.
    public var returns: String?
    public var pagination: PaginationModel?
    public var wait: WaitModel?
    /// `x-clientgen-flow` methods, which start with this operation.
    public var flows: [FlowModel] = []
}

public struct OperationParameter: Sendable {
    public var label: String
    /// Optional for optional parameters.
    public var type: SwiftType
    public var defaultValue: SwiftValue?
    /// The parameter's line in the method's doc comment: the spec's description, or what the value is for.
    public var documentation: String
    public var location: Location

    public enum Location: Sendable, Hashable {
        /// `style` and `explode` are set only where they differ from what the runtime does without them.
        case path(name: String, style: Parameter.Style?, explode: Bool?)
        case query(name: String, style: Parameter.Style?, explode: Bool?)
        case header(name: String)
        /// A query parameter or header the spec gives as JSON (`content: application/json`).
        case jsonQuery(name: String)
        case jsonHeader(name: String)
        case cookie(name: String)
        case body(BodyEncoding)
    }

    public var isOptional: Bool { type.isOptional }
}

/// How a request body is written.
public enum BodyEncoding: Sendable, Hashable {
    case json
    /// Fields styled by the request body's encoding, by property name; unlisted ones in the default style.
    case form([String: FieldStyle])
    /// `multipart/form-data` from a generated form struct (`fromForm`), or from a `MultipartForm` the caller built.
    case multipart(fromForm: Bool)
    case text(contentType: String)
    case binary(contentType: String)

    public struct FieldStyle: Sendable, Hashable {
        public var style: Parameter.Style
        public var explode: Bool?
    }
}

/// One `case` of the status switch: the statuses it matches (nil for `default`) and what it does.
public struct ResponseCase: Sendable, Hashable {
    public var statuses: [StatusMatch]?
    public var action: ResponseAction
}

public enum Transfer: Sendable, Hashable {
    case buffered
    case streamed
}

public enum StatusMatch: Sendable, Hashable {
    case code(Int)
    /// `2XX`, by its leading digit.
    case range(Int)

    func matches(_ status: Int) -> Bool {
        switch self {
        case .code(let code): code == status
        case .range(let digit): status / 100 == digit
        }
    }
}

public enum ResponseAction: Sendable, Hashable {
    /// Returns nothing: the operation has no result.
    case returnVoid
    /// A documented success without a body, of an operation whose other successes have one.
    case returnNil
    case decodeJSON(SwiftType)
    case returnText
    case returnData
    /// Throws `ClientError.documentedStatus` with the body decoded as this type.
    case throwDocumented(SwiftType)
    /// Returns the events of an event stream, their data decoded as this type, or as text for nil.
    case returnEvents(SwiftType?)
    /// Returns the items of a JSON Lines (or JSON text sequence) response.
    case returnJSONStream(SwiftType, recordSeparated: Bool)
    /// Returns the body as it streams in.
    case returnBody
    /// Returns the elements of the array at a JSON pointer, decoded as this type as they arrive; with `nextLink`
    /// (a JSON pointer to each page's link to the next), the rows of every page.
    case returnJSONRows(SwiftType, pointer: String, nextLink: String?)
    /// Returns the records of a CSV body as they arrive.
    case returnCSVRows
    /// Returns a case of the operation's `Output` enum (its successes carry different bodies), holding what `body`
    /// returns: a decoded value, text, bytes, or nothing for `.returnVoid`.
    indirect case returnOutput(caseName: String, body: ResponseAction)
}
