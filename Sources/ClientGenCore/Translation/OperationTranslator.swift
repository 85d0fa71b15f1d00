/// Turns one operation into a method on `Client`: its name, labelled parameters, where each goes in the
/// request, and how each documented status is answered.
struct OperationTranslator {
    let document: Document
    let diagnostics: DiagnosticCollector

    /// The method, a variant that streams the response when the spec offers one, and a variant for each further JSON
    /// media type of another type (named by `suffix`); the variants' names are claimed later, with the helpers', so
    /// that they never take an operation's.
    /// `reservedLabels`: the names the method's body declares or uses (see `bodyNames`), which no parameter may
    /// take.
    func translate(_ operation: Operation, name: String, reservedLabels: Set<String> = bodyNames(pagination: false, wait: false), schemas: inout SchemaTranslator) -> (
        method: OperationModel, streaming: OperationModel?, alternatives: [(suffix: String, method: OperationModel)]
    ) {
        let typePrefix = Naming.typeName(name)
        var labels = NameScope(reserved: reservedLabels)
        var required: [OperationParameter] = []
        var optional: [OperationParameter] = []

        for parameter in operation.parameters where !Self.isIgnoredHeader(parameter) {
            let label = labels.claim(parameter.swiftName ?? Naming.memberName(parameter.name))
            let usage = parameter.schema.map { schemas.usage(of: $0, suggestedName: typePrefix + Naming.typeName(parameter.name)) }
                ?? TypeUsage(.string)
            let location = Self.location(of: parameter)
            let documentation = Self.documentation(parameter.description) ?? "The `\(parameter.name)` \(Self.noun(for: parameter.location))."
            if parameter.required || parameter.location == .path {
                required.append(OperationParameter(label: label, type: usage.type, documentation: documentation, location: location))
            } else {
                let schemaDefault = parameter.schema.flatMap { $0.defaultValue ?? schemas.resolve($0)?.defaultValue }
                optional.append(OperationParameter(
                    label: label, type: usage.type.optional,
                    defaultValue: schemaDefault.flatMap { schemas.value($0, as: usage.type) } ?? .nil,
                    documentation: documentation, location: location
                ))
            }
        }

        if let body = operation.requestBody, let (media, kind) = BodyKind.preferred(body.content) ?? body.content.first.map({ ($0, BodyKind.binary) }) {
            let type: SwiftType
            let encoding: BodyEncoding
            switch kind {
            case .json:
                type = media.schema.map { schemas.usage(of: $0, suggestedName: typePrefix + "Request").type } ?? .json
                encoding = .json
            case .form:
                type = media.schema.map { schemas.usage(of: $0, suggestedName: typePrefix + "Request").type } ?? .json
                encoding = .form(fieldStyles(media.encoding))
            case .multipart:
                if let form = media.schema.flatMap({ schemas.form($0, name: typePrefix + "Form", encoding: media.encoding) }) {
                    type = .declared(form)
                    encoding = .multipart(fromForm: true)
                } else {
                    type = .builtin(.multipartForm)
                    encoding = .multipart(fromForm: false)
                }
            case .text:
                type = .string
                encoding = .text(contentType: media.contentType)
            case .binary, .eventStream, .jsonLines, .jsonSequence:
                type = .builtin(.data)
                encoding = .binary(contentType: media.contentType.contains("*") ? "application/octet-stream" : media.contentType)
            }
            let documentation = Self.documentation(body.description) ?? "The request body, sent as `\(media.contentType)`."
            if body.required, kind == .json, let schema = media.schema.flatMap(schemas.resolve), Self.admitsOnlyEmptyObject(schema) {
                // Polytomic's query runner wants `{}`: a body with one possible value is sent without being asked for.
                optional.append(OperationParameter(label: "body", type: type, defaultValue: .defaultInstance, documentation: documentation, location: .body(encoding)))
            } else if body.required {
                required.append(OperationParameter(label: "body", type: type, documentation: documentation, location: .body(encoding)))
            } else {
                optional.append(OperationParameter(label: "body", type: type.optional, defaultValue: .nil, documentation: documentation, location: .body(encoding)))
            }
        }

        let responses = translateResponses(operation, typePrefix: typePrefix, schemas: &schemas)
        let security = operation.security ?? document.security
        func model(_ responses: TranslatedResponses) -> OperationModel {
            OperationModel(
                name: name,
                summary: operation.summary,
                description: operation.description,
                deprecated: operation.deprecated,
                method: operation.method,
                path: operation.path,
                parameters: required + optional,
                accept: responses.accept,
                security: security.contains(where: { !$0.schemes.isEmpty }) ? security.map(\.schemes) : nil,
                returnType: responses.returnType,
                responseCases: responses.cases,
                throwsUndocumented: responses.throwsUndocumented,
                transfer: responses.transfer,
                returns: responses.returns
            )
        }
        guard let buffered = responses.buffered else { return (model(responses.streamed!), nil, []) }
        return (model(buffered), responses.streamed.map(model), responses.alternatives.map { ($0.suffix, model($0.responses)) })
    }

    /// The names an operation's generated methods use besides its parameters: the request body's label, the
    /// locals `request` and `response`, and the client's `connection`; a pages method's closure adds `previous`
    /// and `link`, a wait method `interval`, `timeout` and `result`. A parameter of one of these names would
    /// shadow it (a query parameter 'request' would be sent in place of the request), so it takes a numbered
    /// label instead, as a second parameter of one name does.
    static func bodyNames(pagination: Bool, wait: Bool) -> Set<String> {
        var names: Set<String> = ["body", "request", "response", "connection"]
        if pagination { names.formUnion(["previous", "link"]) }
        if wait { names.formUnion(["interval", "timeout", "result"]) }
        return names
    }

    /// OpenAPI says `Accept`, `Content-Type` and `Authorization` header parameters are ignored: the client
    /// sets those itself.
    private static func isIgnoredHeader(_ parameter: Parameter) -> Bool {
        guard parameter.location == .header else { return false }
        return ["accept", "content-type", "authorization"].contains(parameter.name.lowercased())
    }

    /// The styles a form body's `encoding` gives its properties; a property it lists with neither style nor
    /// explode keeps the default, and so does one with a style forms do not have.
    private func fieldStyles(_ encoding: [String: MediaType.Encoding]) -> [String: BodyEncoding.FieldStyle] {
        encoding.compactMapValues { field in
            guard field.style != nil || field.explode != nil else { return nil }
            let style = field.style ?? .form
            guard [.form, .spaceDelimited, .pipeDelimited, .deepObject].contains(style) else {
                diagnostics.defect("a form field cannot have style '\(style.rawValue)'; it is sent in the default style", at: field.source)
                return nil
            }
            return BodyEncoding.FieldStyle(style: style, explode: field.explode)
        }
    }

    /// An object with no properties that allows no others: `{}` is its one value.
    private static func admitsOnlyEmptyObject(_ schema: Schema) -> Bool {
        guard schema.types == [.object], schema.properties.isEmpty, schema.allOf.isEmpty, schema.anyOf.isEmpty, schema.oneOf.isEmpty,
              case .allowed(false) = schema.additionalProperties else { return false }
        return true
    }

    /// A spec description as one line of a doc comment, or nil when there is none.
    private static func documentation(_ description: String?) -> String? {
        guard let text = description?.trimmingWhitespace, !text.isEmpty else { return nil }
        return DocLines.split(text).filter { !$0.isEmpty }.joined(separator: " ")
    }

    private static func noun(for location: Parameter.Location) -> String {
        switch location {
        case .path: "path parameter"
        case .query: "query parameter"
        case .header: "header"
        case .cookie: "cookie"
        }
    }

    /// Where the value goes, with `style` and `explode` only where they differ from what the runtime does by default.
    private static func location(of parameter: Parameter) -> OperationParameter.Location {
        if let contentType = parameter.contentType, BodyKind(contentType: contentType) == .json {
            switch parameter.location {
            case .query: return .jsonQuery(name: parameter.name)
            case .header: return .jsonHeader(name: parameter.name)
            case .path, .cookie: break
            }
        }
        switch parameter.location {
        case .path:
            let style = parameter.style == .label || parameter.style == .matrix ? parameter.style : nil
            return .path(name: parameter.name, style: style, explode: parameter.explode == true ? true : nil)
        case .query:
            let style = parameter.style == .form ? nil : parameter.style
            // OpenAPI explodes only `form` by default; the runtime's default is `explode: true`.
            let explodes = parameter.explode ?? (parameter.style ?? .form == .form)
            return .query(name: parameter.name, style: style, explode: explodes ? nil : false)
        case .header:
            return .header(name: parameter.name)
        case .cookie:
            return .cookie(name: parameter.name)
        }
    }
}
