/// What the templates render: text made from a `SwiftModule` in one step by `ViewModelBuilder`, so the
/// templates only lay it out. The keys a template may use are listed in `ViewModel+Keys.swift`.
public struct ModuleViewModel: Sendable {
    public var moduleName: String
    public var files: [FileViewModel]
}

public struct FileViewModel: Sendable {
    public var name: String
    /// `client`, `operations` or `types`: the template that lays the file out.
    public var template: String
    public var specName: String
    public var imports: [String]
    public var client: ClientViewModel?
    public var operations: [OperationViewModel]
    public var declarations: [DeclarationViewModel]
}

public struct ClientViewModel: Sendable {
    public var access: String
    public var docLines: [String]
    public var credentials: [CredentialViewModel]
    public var initParameters: [ParameterViewModel]
}

public struct CredentialViewModel: Sendable {
    /// The scheme's name as a string literal.
    public var schemeName: String
    public var parameterName: String
    /// The runtime `Credential` built from the parameter value `$0`.
    public var expression: String
}

public struct ParameterViewModel: Sendable {
    public var name: String
    public var type: String
    public var defaultValue: String?
    public var isLast: Bool

    /// `limit: Int? = nil`
    var declaration: String {
        defaultValue.map { "\(name): \(type) = \($0)" } ?? "\(name): \(type)"
    }
}

public struct OperationViewModel: Sendable {
    public var access: String
    public var name: String
    public var docLines: [String]
    public var deprecated: Bool
    public var parameters: [ParameterViewModel]
    public var parametersMultiline: Bool
    /// `runId: String, f: ResponseFormat? = nil`: ready-made, as a struct's initializer's are, since a lookup per
    /// parameter and part was a sixth of generating a spec of a thousand operations.
    public var parameterList: String
    /// The same, one per line, with commas.
    public var parameterLines: [String]
    public var returnType: String?
    public var method: String
    /// The path template as a string literal.
    public var path: String
    /// `let`, or `var` when the request is changed after it is made: an unmutated `var` is a warning.
    public var requestBinding: String
    /// One line each: `request.path("run_id", runId)`, `request.query("f", f)`.
    public var requestLines: [String]
    /// `[["apiKeyHeader"], ["apiKeyQuery"]]`, or nil when the operation needs no credentials.
    public var security: String?
    public var responseCases: [ResponseCaseViewModel]
    public var undocumentedDefault: Bool
    /// `send`, which reads the whole body, or `stream`, which hands it on as it arrives.
    public var sendMethod: String
    /// What the switch's `default` does with a status the spec does not document.
    public var undocumentedStatement: String
    public var isFirst = false
    /// `id: id, page: page`: how helpers call the operation with their own parameters.
    public var callArguments: String
    public var pagination: PaginationViewModel?
    public var wait: WaitViewModel?
    public var flows: [FlowViewModel] = []
}

/// A method that submits work, waits for it and reads its results (`x-clientgen-flow`), and its rows variant.
public struct FlowViewModel: Sendable {
    public var name: String
    public var docLines: [String]
    public var parameters: [ParameterViewModel]
    public var returnType: String
    /// `executeQuery(queryId: queryId)`
    public var submitCall: String
    /// Binds the handle from `submitted`.
    public var handleLine: String
    /// The wait and the reading of the results, one statement a line, indented from the method body.
    public var bodyLines: [String]
    /// `cancelExecution(executionId: executionId)`, when cancelling the calling task cancels the work.
    public var cancelCall: String?
    public var rows: FlowRowsViewModel?
}

/// The rows variant of a flow: the same steps, then the results' rows as they arrive.
public struct FlowRowsViewModel: Sendable {
    public var name: String
    public var docLines: [String]
    public var returnType: String
    public var bodyLines: [String]
}

/// A method that returns every page of an operation's results, following the next-page link the server sends.
public struct PaginationViewModel: Sendable {
    public var name: String
    /// `previous.links?.next`
    public var nextLink: String
    public var nextLinkDescription: String
    /// Header, cookie, accept and security lines repeated on requests for later pages.
    public var requestLines: [String]
}

/// A method that repeats an operation until its result says the work is done.
public struct WaitViewModel: Sendable {
    public var name: String
    public var summary: String
    public var parameters: [ParameterViewModel]
    public var callArguments: String
    /// `result.data.status`, switched over when success values are given.
    public var subject: String?
    public var successPatterns: String?
    public var failurePatterns: String?
    /// `ClientError.waitFailed(result: result, message: result.error?.message)`: what a failed result throws.
    public var failureError: String
    /// The statuses that mean "not ready yet", and what their body must say for that; empty when no error does.
    public var notReadyCases: [NotReadyCaseViewModel]
}

/// A case of the switch over an attempt's error status that tells whether the error means "not ready yet".
public struct NotReadyCaseViewModel: Sendable {
    /// `404, 409`
    public var statuses: String
    /// `true`, or a test of the documented body: `error.body(as: NotFound.self)?.error == "not finished"`.
    public var condition: String
}

public struct ResponseCaseViewModel: Sendable {
    /// `200`, `200..<300`, or nil for `default`.
    public var pattern: String?
    public var statement: String
}

public enum DeclarationViewModel: Sendable {
    case structure(StructViewModel)
    case enumeration(EnumViewModel)
    case union(UnionViewModel)
    case alias(AliasViewModel)
    case form(FormViewModel)
    case output(OutputViewModel)
}

/// The enum a method returns when its successes carry bodies of different types.
public struct OutputViewModel: Sendable {
    public var access: String
    public var name: String
    public var docLines: [String]
    public var cases: [OutputCaseViewModel]
}

public struct OutputCaseViewModel: Sendable {
    public var name: String
    /// The type of the status's body; nil for a status without one.
    public var payload: String?
    public var docLines: [String]
}

public struct StructViewModel: Sendable {
    public var access: String
    public var name: String
    public var docLines: [String]
    public var deprecated: Bool
    /// Each property's doc comment, attributes and declaration, one lookup per line rather than several per
    /// property: structs hold most of a large spec's code, and template lookups dominate rendering time.
    public var propertyLines: [String]
    /// `_parent: Indirect<Node?>`: the private storage behind properties not stored directly.
    public var storage: [String]
    public var additionalProperties: AdditionalPropertiesViewModel?
    public var hasCodingKeys: Bool
    /// `id, amountCaptured = "amount_captured"`: coding keys packed several to a line.
    public var codingKeyLines: [String]
    public var initIsMultiline: Bool
    /// `name: String, limit: Int? = nil`, for an initializer that fits on one line.
    public var initParameterList: String
    /// One parameter per line, each but the last followed by a comma.
    public var initParameterLines: [String]
    public var assignments: [String]
    /// Set when synthesized decoding cannot serve: defaults for absent keys, or extra keys collected.
    public var customDecoding: Bool
    public var decodeStatements: [String]
    /// Set when synthesized encoding cannot serve: extra keys written, or `null` kept for required nullable keys.
    public var customEncoding: Bool
    public var encodeStatements: [String]
}

public struct AdditionalPropertiesViewModel: Sendable {
    public var name: String
    public var valueType: String
}

public struct EnumViewModel: Sendable {
    public var access: String
    public var name: String
    public var docLines: [String]
    public var deprecated: Bool
    public var rawType: String
    public var cases: [EnumCaseViewModel]
    /// `active, inProgress, canceled`: case names packed several to a line.
    public var caseLines: [String]
}

public struct EnumCaseViewModel: Sendable {
    public var name: String
    public var rawLiteral: String
}

public struct UnionViewModel: Sendable {
    public var access: String
    public var name: String
    public var docLines: [String]
    public var deprecated: Bool
    public var indirect: Bool
    public var cases: [UnionCaseViewModel]
    /// The discriminator property's name as a string literal.
    public var discriminator: String?
    public var discriminatorMappings: [DiscriminatorMappingViewModel]
    /// Cases of values that are not objects, tried before the discriminator is read.
    public var valueCases: [UnionCaseViewModel]
    /// Whether the case is the one, of those that decode, declaring most of the value's keys.
    public var mostKeys: Bool
}

public struct UnionCaseViewModel: Sendable {
    public var name: String
    public var type: String
    public var isFirst: Bool
    /// `["url", "method"]`: the keys `mostKeys` counts for the case.
    public var distinctKeys: String
}

public struct DiscriminatorMappingViewModel: Sendable {
    /// `"cat", "Cat"`: every discriminator value that selects the case.
    public var valueLiterals: String
    public var caseName: String
    public var caseType: String
}

public struct AliasViewModel: Sendable {
    public var access: String
    public var name: String
    public var docLines: [String]
    public var type: String
}

/// A struct holding the parts of a multipart body, and the `form` that writes them.
public struct FormViewModel: Sendable {
    public var access: String
    public var name: String
    public var docLines: [String]
    public var propertyLines: [String]
    public var initIsMultiline: Bool
    public var initParameterList: String
    public var initParameterLines: [String]
    public var assignments: [String]
    /// Statements adding each part to `form`.
    public var partLines: [String]
}
