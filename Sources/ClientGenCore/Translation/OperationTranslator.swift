/// Turns one operation into a method on `Client`: its name, labeled parameters, the request it builds and how
/// each documented status is answered.
struct OperationTranslator {
    let document: Document
    let access: String

    func translate(_ operation: Operation, name: String, schemas: inout SchemaTranslator, log: inout DiagnosticLog) -> OperationViewModel {
        let typePrefix = Naming.typeName(name)
        var labels = NameScope(reserved: ["body"])
        var required: [(ParameterViewModel, String)] = []
        var optional: [(ParameterViewModel, String)] = []
        var parameterDocs: [String] = []

        for parameter in operation.parameters where !Self.isIgnoredHeader(parameter) {
            let label = Naming.escapedMember(labels.claim(parameter.swiftName ?? Naming.memberName(parameter.name)))
            let usage = parameter.schema.map { schemas.usage(of: $0, suggestedName: typePrefix + Naming.typeName(parameter.name)) }
                ?? TypeUsage("String")
            let line = Self.requestLine(for: parameter, label: label)
            if parameter.required || parameter.location == .path {
                required.append((ParameterViewModel(name: label, type: usage.type, defaultValue: nil, isLast: false), line))
            } else {
                let schemaDefault = parameter.schema.flatMap { $0.defaultValue ?? schemas.resolve($0)?.defaultValue }
                let defaultValue = schemaDefault.flatMap { SwiftLiteral.value($0, as: usage) } ?? "nil"
                optional.append((ParameterViewModel(name: label, type: usage.optionalType, defaultValue: defaultValue, isLast: false), line))
            }
            if let description = parameter.description?.trimmingWhitespace, !description.isEmpty {
                parameterDocs.append(" - \(label): " + description.split(whereSeparator: \.isNewline).joined(separator: " "))
            }
        }

        var requestLines = required.map(\.1)
        var parameters = required.map(\.0)
        if let body = operation.requestBody, let (media, kind) = BodyKind.preferred(body.content) {
            if media.contentType.lowercased().hasPrefix("multipart/") {
                log.warning("multipart request bodies are sent as raw Data; build the multipart body (with its boundary) yourself",
                            file: body.source.file, at: body.source.location, path: body.source.path)
            }
            let type: String
            switch kind {
            case .json, .form:
                type = media.schema.map { schemas.usage(of: $0, suggestedName: typePrefix + "Request").type } ?? "JSONValue"
            case .text:
                type = "String"
            case .binary:
                type = "Data"
            }
            let call = Self.bodyCall(kind: kind, contentType: media.contentType)
            if body.required {
                parameters.append(ParameterViewModel(name: "body", type: type, defaultValue: nil, isLast: false))
                requestLines.append(call)
            } else {
                optional.append((ParameterViewModel(name: "body", type: type + "?", defaultValue: "nil", isLast: false), "if let body { \(call) }"))
            }
        }
        parameters += optional.map(\.0)
        requestLines += optional.map(\.1)
        if !parameters.isEmpty { parameters[parameters.count - 1].isLast = true }

        let responses = translateResponses(operation, typePrefix: typePrefix, schemas: &schemas)
        if let accept = responses.accept {
            requestLines.append("request.accept(\(SwiftLiteral.string(accept)))")
        }
        var docLines = DocLines(operation.summary, operation.description).lines
        if !parameterDocs.isEmpty {
            if !docLines.isEmpty { docLines.append("") }
            docLines.append(" - Parameters:")
            docLines += parameterDocs.map { "  " + $0 }
        }
        let security = securityLiteral(operation.security ?? document.security)
        return OperationViewModel(
            access: access,
            name: Naming.escapedMember(name),
            docLines: docLines,
            deprecated: operation.deprecated,
            parameters: parameters,
            returnType: responses.returnType,
            method: operation.method.rawValue,
            path: SwiftLiteral.string(operation.path),
            requestLines: requestLines,
            security: security,
            responseCases: responses.cases,
            undocumentedDefault: responses.needsUndocumentedDefault,
            parametersMultiline: parameters.count > 3
                || parameters.reduce(name.count) { $0 + $1.name.count + $1.type.count + ($1.defaultValue?.count ?? 0) + 6 } > 90,
            requestBinding: requestLines.isEmpty && security == nil ? "let" : "var",
            callArguments: parameters.map { "\($0.name): \($0.name)" }.joined(separator: ", ")
        )
    }

    /// OpenAPI says `Accept`, `Content-Type` and `Authorization` header parameters are ignored: the client
    /// sets those itself.
    private static func isIgnoredHeader(_ parameter: Parameter) -> Bool {
        guard parameter.location == .header else { return false }
        return ["accept", "content-type", "authorization"].contains(parameter.name.lowercased())
    }

    private static func requestLine(for parameter: Parameter, label: String) -> String {
        let name = SwiftLiteral.string(parameter.name)
        switch parameter.location {
        case .path:
            var arguments = ""
            if let style = parameter.style, style == .label || style == .matrix {
                arguments += ", style: .\(style.rawValue)"
            }
            if parameter.explode == true {
                arguments += ", explode: true"
            }
            return "request.path(\(name), \(label)\(arguments))"
        case .query:
            var arguments = ""
            if let style = parameter.style, style != .form {
                arguments += ", style: .\(style.rawValue)"
            }
            // OpenAPI explodes only `form` by default; the runtime's default is `explode: true`.
            if !(parameter.explode ?? (parameter.style ?? .form == .form)) {
                arguments += ", explode: false"
            }
            return "request.query(\(name), \(label)\(arguments))"
        case .header:
            return "request.header(\(name), \(label))"
        case .cookie:
            return "request.cookie(\(name), \(label))"
        }
    }

    private static func bodyCall(kind: BodyKind, contentType: String) -> String {
        switch kind {
        case .json: "request.jsonBody(body)"
        case .form: "request.formBody(body)"
        case .text: "request.textBody(body, contentType: \(SwiftLiteral.string(contentType)))"
        case .binary:
            "request.body(body, contentType: \(SwiftLiteral.string(contentType.contains("*") ? "application/octet-stream" : contentType)))"
        }
    }

    /// `[["APIKeyBearer"]]`; nil when the operation needs no credentials.
    private func securityLiteral(_ requirements: [SecurityRequirement]) -> String? {
        guard requirements.contains(where: { !$0.schemes.isEmpty }) else { return nil }
        let alternatives = requirements.map { requirement in
            "[" + requirement.schemes.map(SwiftLiteral.string).joined(separator: ", ") + "]"
        }
        return "[" + alternatives.joined(separator: ", ") + "]"
    }
}
