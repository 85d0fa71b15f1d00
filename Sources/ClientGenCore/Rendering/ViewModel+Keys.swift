// Every key a template can use, with what it holds: `TemplateChecker` checks templates against these before
// rendering, and `Templates/KEYS.md` is made from them. Keys are read through dictionaries of closures rather than
// `Mirror`, which keeps rendering fast enough for specs with thousands of types.

extension FileViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("specName", "The spec's file name.") { $0.specName },
        .texts("imports", "Modules the file imports; empty for a file with nothing in it.") { $0.imports },
        .context("client", "The `Client` struct, in `Client.swift` only.") { $0.client },
        .contexts("operations", "The operations of this part, sorted by name.") { $0.operations },
        .contexts("declarations", "The types of this part, sorted by name.") { $0.declarations },
        .flag("hasOperations", "Whether this part has operations.") { !$0.operations.isEmpty },
        .flag("hasDeclarations", "Whether this part has types.") { !$0.declarations.isEmpty },
    ])
}

extension ClientViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("access", "`public ` or empty, to prefix declarations.") { $0.access },
        .texts("docLines", "The doc comment, each line as it follows `///`.") { $0.docLines },
        .contexts("initParameters", "The initializer's parameters: server URL, credentials, configuration.") { $0.initParameters },
        .contexts("credentials", "One per security scheme the client can authenticate with.") { $0.credentials },
        .flag("hasCredentials", "Whether any security scheme is supported.") { !$0.credentials.isEmpty },
    ])
}

extension CredentialViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("schemeName", "The security scheme's name as a string literal.") { $0.schemeName },
        .text("parameterName", "The initializer parameter that carries the secret.") { $0.parameterName },
        .text("expression", "The runtime `Credential` made from the parameter's value `$0`.") { $0.expression },
    ])
}

extension ParameterViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("name", "The label, escaped when it is a keyword.") { $0.name },
        .text("type", "The Swift type.") { $0.type },
        .optionalText("defaultValue", "The default value, when the parameter has one.") { $0.defaultValue },
        .flag("isLast", "Whether this is the last parameter.") { $0.isLast },
    ])
}

extension OperationViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("access", "`public ` or empty, to prefix declarations.") { $0.access },
        .text("name", "The method's name.") { $0.name },
        .text("operationName", "The method's name, also inside `pagination` and `wait`, whose own `name` is the helper's.") { $0.name },
        .texts("docLines", "The doc comment, each line as it follows `///`.") { $0.docLines },
        .flag("deprecated", "Whether the spec deprecates the operation.") { $0.deprecated },
        .contexts("parameters", "The method's parameters: required ones first.", custom: true) { $0.parameters },
        .flag("parametersMultiline", "Whether the parameters take a line each.") { $0.parametersMultiline },
        .text("parameterList", "The method's parameters on one line.") { $0.parameterList },
        .texts("parameterLines", "The method's parameters, one per line with commas.") { $0.parameterLines },
        .optionalText("returnType", "What a successful call returns; absent when it returns nothing.") { $0.returnType },
        .text("method", "The HTTP method, lower-case: a case of `HTTPMethod`.") { $0.method },
        .text("path", "The path template as a string literal.") { $0.path },
        .text("requestBinding", "`let`, or `var` when request lines follow.") { $0.requestBinding },
        .texts("requestLines", "Statements that put the parameters and body into `request`.") { $0.requestLines },
        .optionalText("security", "The security requirements as an array literal; absent when none apply.") { $0.security },
        .contexts("responseCases", "The cases of the switch over the response status.") { $0.responseCases },
        .flag("undocumentedDefault", "Whether the switch needs a `default` that throws for undocumented statuses.") { $0.undocumentedDefault },
        .text("sendMethod", "`send`, which reads the whole response body, or `stream`, which hands it on as it arrives.") { $0.sendMethod },
        .text("undocumentedStatement", "What `default` does with an undocumented status.") { $0.undocumentedStatement },
        .flag("isFirst", "Whether this is the first operation of its file.") { $0.isFirst },
        .text("callArguments", "`id: id, page: page`: how a helper passes its parameters on to the method.") { $0.callArguments },
        .context("pagination", "The method that returns every page, when the spec asks for one.") { $0.pagination },
        .context("wait", "The method that polls until the result is ready, when the spec asks for one.") { $0.wait },
        .contexts("flows", "Methods that start with this operation, wait and read the results (`x-clientgen-flow`).") { $0.flows },
    ])
}

extension FlowViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("name", "The flow method's name.") { $0.name },
        .texts("docLines", "The doc comment, each line as it follows `///`.") { $0.docLines },
        .contexts("parameters", "The submit operation's parameters, then the results' optional ones.") { $0.parameters },
        .text("returnType", "What the flow returns: the results, or their rows.") { $0.returnType },
        .text("submitCall", "The call that submits the work.") { $0.submitCall },
        .text("handleLine", "The statement that binds the handle from `submitted`.") { $0.handleLine },
        .texts("bodyLines", "The wait and the reading of the results, indented from the method body.") { $0.bodyLines },
        .optionalText("cancelCall", "The call that cancels the work when the calling task is cancelled; absent when the spec names none.") { $0.cancelCall },
        .context("rows", "The rows variant, when the results stream as rows.") { $0.rows },
    ])
}

extension FlowRowsViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("name", "The rows variant's name.") { $0.name },
        .texts("docLines", "The doc comment, each line as it follows `///`.") { $0.docLines },
        .text("returnType", "The rows sequence type.") { $0.returnType },
        .texts("bodyLines", "The wait and the call that streams the rows, indented from the method body.") { $0.bodyLines },
    ])
}

extension PaginationViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("name", "The pages method's name.") { $0.name },
        .text("nextLink", "The expression reading the next page's link from `previous`.") { $0.nextLink },
        .text("nextLinkDescription", "The link's path in the response as the spec wrote it.") { $0.nextLinkDescription },
        .texts("requestLines", "Statements repeated on the request for each later page: headers, cookies, accept, credentials.") { $0.requestLines },
    ])
}

extension WaitViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("name", "The wait method's name.") { $0.name },
        .text("summary", "One sentence saying what the method waits for.") { $0.summary },
        .contexts("parameters", "The method's parameters: the operation's, less any page token.") { $0.parameters },
        .text("callArguments", "How the method passes its parameters on to the operation.") { $0.callArguments },
        .optionalText("subject", "The expression the result is switched over, when the wait looks into the result.") { $0.subject },
        .optionalText("successPatterns", "The case patterns of a finished result.") { $0.successPatterns },
        .optionalText("failurePatterns", "The case patterns of a failed result.") { $0.failurePatterns },
        .text("failureError", "The error a failed result throws, with the server's message when the spec says where it is.") { $0.failureError },
        .contexts("notReadyCases", "The cases of the switch over an attempt's error status that tell \"not ready yet\".") { $0.notReadyCases },
        .flag("hasNotReadyCases", "Whether any error means \"not ready yet\".") { !$0.notReadyCases.isEmpty },
    ])
}

extension NotReadyCaseViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("statuses", "The statuses the case matches: `404, 409`.") { $0.statuses },
        .text("condition", "`true`, or the test of the documented error body that means \"not ready yet\".") { $0.condition },
    ])
}

extension ResponseCaseViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .optionalText("pattern", "The statuses the case matches (`200`, `400, 404`, `500..<600`); absent for `default`.") { $0.pattern },
        .text("statement", "What the case does: return the decoded body, or throw.") { $0.statement },
    ])
}

extension DeclarationViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .context("structure", "Present when the type is a struct.") { if case .structure(let value) = $0 { value } else { nil } },
        .context("enumeration", "Present when the type is an enum of raw values.") { if case .enumeration(let value) = $0 { value } else { nil } },
        .context("union", "Present when the type is an enum of alternative types.") { if case .union(let value) = $0 { value } else { nil } },
        .context("alias", "Present when the type is a typealias.") { if case .alias(let value) = $0 { value } else { nil } },
        .context("form", "Present when the type holds the parts of a multipart body.") { if case .form(let value) = $0 { value } else { nil } },
        .context("output", "Present when the type is what a method returns for successes of different types.") { if case .output(let value) = $0 { value } else { nil } },
    ])
}

extension OutputViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("access", "`public ` or empty, to prefix declarations.") { $0.access },
        .text("name", "The type's name.") { $0.name },
        .texts("docLines", "The doc comment, each line as it follows `///`.") { $0.docLines },
        .contexts("cases", "One case per documented success status.") { $0.cases },
    ])
}

extension OutputCaseViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("name", "The case's name.") { $0.name },
        .optionalText("payload", "The type of the status's body, when it has one.") { $0.payload },
        .texts("docLines", "The case's doc comment: the status and the response's description.") { $0.docLines },
    ])
}

extension StructViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("access", "`public ` or empty, to prefix declarations.") { $0.access },
        .text("name", "The type's name.") { $0.name },
        .texts("docLines", "The doc comment, each line as it follows `///`.") { $0.docLines },
        .flag("deprecated", "Whether the spec deprecates the type (the doc comment says so too).", custom: true) { $0.deprecated },
        .texts("propertyLines", "Each property's doc comment, attributes and declaration.") { $0.propertyLines },
        .texts("storage", "Private stored properties behind deprecated and recursive ones.") { $0.storage },
        .context("additionalProperties", "The property holding members the schema does not name, when it has one.") { $0.additionalProperties },
        .flag("hasCodingKeys", "Whether the struct declares `CodingKeys`.") { $0.hasCodingKeys },
        .texts("codingKeyLines", "The coding keys, several to a line.") { $0.codingKeyLines },
        .flag("initIsMultiline", "Whether the initializer's parameters take a line each.") { $0.initIsMultiline },
        .text("initParameterList", "The initializer's parameters on one line.") { $0.initParameterList },
        .texts("initParameterLines", "The initializer's parameters, one per line with commas.") { $0.initParameterLines },
        .texts("assignments", "The initializer's statements.") { $0.assignments },
        .flag("customDecoding", "Whether the struct needs its own `init(from:)`.") { $0.customDecoding },
        .texts("decodeStatements", "The statements of `init(from:)`.") { $0.decodeStatements },
        .flag("customEncoding", "Whether the struct needs its own `encode(to:)`.") { $0.customEncoding },
        .texts("encodeStatements", "The statements of `encode(to:)`.") { $0.encodeStatements },
    ])
}

extension AdditionalPropertiesViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("name", "The property's name.") { $0.name },
        .text("valueType", "The type of each extra member's value.") { $0.valueType },
    ])
}

extension EnumViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("access", "`public ` or empty, to prefix declarations.") { $0.access },
        .text("name", "The type's name.") { $0.name },
        .texts("docLines", "The doc comment, each line as it follows `///`.") { $0.docLines },
        .flag("deprecated", "Whether the spec deprecates the type (the doc comment says so too).", custom: true) { $0.deprecated },
        .text("rawType", "`String` or `Int`.") { $0.rawType },
        .contexts("cases", "The cases, in the order the spec lists the values.") { $0.cases },
        .texts("caseLines", "The case names, several to a line.") { $0.caseLines },
    ])
}

extension EnumCaseViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("name", "The case's name, escaped when it is a keyword.") { $0.name },
        .text("rawLiteral", "The raw value as a literal.") { $0.rawLiteral },
    ])
}

extension UnionViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("access", "`public ` or empty, to prefix declarations.") { $0.access },
        .text("name", "The type's name.") { $0.name },
        .texts("docLines", "The doc comment, each line as it follows `///`.") { $0.docLines },
        .flag("deprecated", "Whether the spec deprecates the type (the doc comment says so too).", custom: true) { $0.deprecated },
        .flag("indirect", "Whether the enum holds itself, directly or through other types.") { $0.indirect },
        .contexts("cases", "One case per alternative type.") { $0.cases },
        .optionalText("discriminator", "The discriminating property's name as a string literal, when there is one.") { $0.discriminator },
        .contexts("discriminatorMappings", "Which discriminator values select which case.") { $0.discriminatorMappings },
        .contexts("valueCases", "With a discriminator: the cases of values that are not objects, tried before it is read.") { $0.valueCases },
        .flag("mostKeys", "Whether a value takes the case, of those that decode, that declares most of its keys.") { $0.mostKeys },
    ])
}

extension UnionCaseViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("name", "The case's name.") { $0.name },
        .text("type", "The type of the case's value.") { $0.type },
        .flag("isFirst", "Whether this is the first case.") { $0.isFirst },
        .text("distinctKeys", "The keys `mostKeys` counts for the case, as an array literal.") { $0.distinctKeys },
    ])
}

extension DiscriminatorMappingViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("valueLiterals", "Every discriminator value that selects the case, as string literals.") { $0.valueLiterals },
        .text("caseName", "The case they select.") { $0.caseName },
        .text("caseType", "The case's type.") { $0.caseType },
    ])
}

extension AliasViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("access", "`public ` or empty, to prefix declarations.") { $0.access },
        .text("name", "The alias's name.") { $0.name },
        .texts("docLines", "The doc comment, each line as it follows `///`.") { $0.docLines },
        .text("type", "The type it names.") { $0.type },
    ])
}

extension FormViewModel: TemplateContext {
    public static let templateKeys = TemplateKeys<Self>([
        .text("access", "`public ` or empty, to prefix declarations.") { $0.access },
        .text("name", "The type's name.") { $0.name },
        .texts("docLines", "The doc comment, each line as it follows `///`.") { $0.docLines },
        .texts("propertyLines", "Each property's doc comment and declaration.") { $0.propertyLines },
        .flag("initIsMultiline", "Whether the initializer's parameters take a line each.") { $0.initIsMultiline },
        .text("initParameterList", "The initializer's parameters on one line.") { $0.initParameterList },
        .texts("initParameterLines", "The initializer's parameters, one per line with commas.") { $0.initParameterLines },
        .texts("assignments", "The initializer's statements.") { $0.assignments },
        .texts("partLines", "Statements adding each property's part to `form`.") { $0.partLines },
    ])
}
