/// `paths`: path items (resolving `$ref`ed ones), their operations, and path-level parameters merged in.
extension ParseContext {
    func paths(_ node: YAMLNode, _ cursor: Cursor, into operations: inout [Operation], operationIds: inout [String: (file: String, location: SourceLocation)]) {
        guard let paths = mapping(node, cursor) else { return }
        for entry in paths.entries where !entry.key.hasPrefix("x-") {
            let at = cursor / entry.key
            var key = PathKey(entry.key)
            if !key.path.hasPrefix("/") {
                key.path = "/" + key.path
                defect("path '\(entry.key)' must start with '/'; it is read as '\(key.path)'", at, at: entry.keyLocation)
            }
            if !key.queryTemplates.isEmpty {
                let names = key.queryTemplates.map { "'\($0.key)'" }.joined(separator: ", ")
                let noun = key.queryTemplates.count == 1 ? "a query parameter" : "query parameters"
                defect("path '\(entry.key)' holds a query string; requests go to '\(key.path)' and send \(names) as \(noun)", at, at: entry.keyLocation)
            }
            pathItem(key, entry.value, at, keyLocation: entry.keyLocation, into: &operations, operationIds: &operationIds)
        }
    }

    private func pathItem(_ key: PathKey, _ node: YAMLNode, _ cursor: Cursor, keyLocation: SourceLocation, into operations: inout [Operation], operationIds: inout [String: (file: String, location: SourceLocation)]) {
        guard let (node, cursor, _) = followReferences(node, cursor, unresolved: "the path's operations are left out") else { return }
        guard let item = mapping(node, cursor) else { return }

        var shared: [Parameter] = []
        if let parametersNode = item.value("parameters") {
            shared = parameterList(parametersNode, cursor / "parameters")
        }
        for entry in item.entries {
            let at = cursor / entry.key
            if let method = HTTPMethod(rawValue: entry.key) {
                guard var operation = operation(path: key.path, method: method, entry, at, shared: shared, operationIds: &operationIds) else { continue }
                sendQueryTemplates(key.queryTemplates, of: &operation)
                checkPathTemplate(&operation, at, keyLocation: entry.keyLocation)
                operations.append(operation)
            } else if entry.key == "query" {
                warning("the 'query' method of OpenAPI 3.2 is not supported; the operation is ignored", at, at: entry.keyLocation)
            } else if entry.key == "additionalOperations" {
                warning("'additionalOperations' of OpenAPI 3.2 is not supported; these operations are ignored", at, at: entry.keyLocation)
            }
        }
    }

    /// Parameters of one list, with duplicates (same name and location) reported and dropped.
    private func parameterList(_ node: YAMLNode, _ cursor: Cursor) -> [Parameter] {
        guard let sequence = sequence(node, cursor) else { return [] }
        var result: [Parameter] = []
        for (index, item) in sequence.items.enumerated() {
            guard let parameter = parameter(item, cursor / index) else { continue }
            if result.contains(where: { $0.name == parameter.name && $0.location == parameter.location }) {
                defect("parameter '\(parameter.name)' in \(parameter.location.rawValue) is listed twice; the first is used", cursor / index, at: item.location)
                continue
            }
            result.append(parameter)
        }
        return result
    }

    private func operation(path: String, method: HTTPMethod, _ entry: YAMLMapping.Entry, _ cursor: Cursor, shared: [Parameter], operationIds: inout [String: (file: String, location: SourceLocation)]) -> Operation? {
        guard let mapping = self.mapping(entry.value, cursor) else { return nil }
        var operation = Operation(source: source(cursor, entry.keyLocation), path: path, method: method)
        operation.parameters = shared
        var sawResponses = false
        for field in mapping.entries {
            let at = cursor / field.key
            switch field.key {
            case "operationId":
                guard let id = string(field.value, at) else { break }
                operation.operationId = id
                if let first = operationIds[id] {
                    let place = first.file == cursor.file ? "\(first.location)" : "\(first.file):\(first.location)"
                    defect("duplicate operationId '\(id)' (first used at \(place)); the methods are told apart by a number after the name", at, at: field.value.location)
                } else {
                    operationIds[id] = (cursor.file, field.value.location)
                }
            case "summary":
                operation.summary = string(field.value, at)
            case "description":
                operation.description = string(field.value, at)
            case "tags":
                operation.tags = strings(field.value, at)
            case "parameters":
                for parameter in parameterList(field.value, at) {
                    if let index = operation.parameters.firstIndex(where: { $0.name == parameter.name && $0.location == parameter.location }) {
                        operation.parameters[index] = parameter
                    } else {
                        operation.parameters.append(parameter)
                    }
                }
            case "requestBody":
                operation.requestBody = requestBody(field.value, at)
            case "responses":
                sawResponses = true
                operation.responses = responses(field.value, at)
            case "security":
                operation.security = securityRequirements(field.value, at)
            case "deprecated":
                operation.deprecated = bool(field.value, at) ?? false
            case "x-swift-name":
                operation.swiftName = swiftName(field.value, at)
                operation.extensions[field.key] = specExtension(field, cursor)
            default:
                if field.key.hasPrefix("x-") { operation.extensions[field.key] = specExtension(field, cursor) }
            }
        }
        if !sawResponses, !isVersion31 {
            defect("operation has no 'responses'; any 2XX status is taken as success, with no body", cursor, at: entry.keyLocation)
        }
        return operation
    }

    /// The templated items of a query string written into the path key are query parameters: the parameter of
    /// that name wherever the operation declares it (specs that write them so often say `in: path`), or a string
    /// the caller passes when it declares none.
    private func sendQueryTemplates(_ templates: [(key: String, name: String)], of operation: inout Operation) {
        for template in templates {
            if let index = operation.parameters.firstIndex(where: { $0.name == template.name && ($0.location == .path || $0.location == .query) }) {
                operation.parameters[index].location = .query
                operation.parameters[index].name = template.key
                operation.parameters[index].style = nil
            } else {
                operation.parameters.append(Self.assumedParameter(template.key, in: .query, at: operation.source))
            }
        }
    }

    /// Every `{name}` of the path template must be an `in: path` parameter, and every `in: path` parameter
    /// must appear in the template. A name the operation does not declare is taken as a required string; a
    /// parameter the path has no place for cannot be sent, and is left out.
    private func checkPathTemplate(_ operation: inout Operation, _ cursor: Cursor, keyLocation: SourceLocation) {
        let names = PathKey.templateNames(operation.path)
        let declared = operation.parameters.filter { $0.location == .path }
        for name in names where !declared.contains(where: { $0.name == name }) {
            defect("path template parameter '{\(name)}' is not declared as an 'in: path' parameter of \(operation.method.rawValue.uppercased()) \(operation.path); it is taken as a required string", cursor, at: keyLocation)
            operation.parameters.append(Self.assumedParameter(name, in: .path, at: operation.source))
        }
        for parameter in declared where !names.contains(parameter.name) {
            // The source already names the pointer as written: reported as it is, not relocated again.
            report(Diagnostic(diagnostics.defectSeverity, "path parameter '\(parameter.name)' does not appear in the path template '\(operation.path)'; the parameter is left out", file: parameter.source.file, location: parameter.source.location, path: parameter.source.path), relocated: true)
        }
        operation.parameters.removeAll { $0.location == .path && !names.contains($0.name) }
    }

    /// A parameter the spec leaves undeclared, where the path says there is one.
    private static func assumedParameter(_ name: String, in location: Parameter.Location, at source: SourceRange) -> Parameter {
        var parameter = Parameter(source: source, name: name, location: location, required: true)
        var schema = Schema(source: source)
        schema.types = [.string]
        parameter.schema = schema
        return parameter
    }
}
