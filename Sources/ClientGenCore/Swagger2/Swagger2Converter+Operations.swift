/// Paths, path items and operations. Path-level parameters are merged into each operation, because a body or
/// form field declared for the whole path is part of each operation's request body in OpenAPI 3.
extension Swagger2Converter {
    func paths(_ node: YAMLNode, _ cursor: Cursor) -> YAMLNode {
        guard case .mapping(let paths) = node else { return node }
        var output = MappingBuilder(at: paths.location)
        for entry in paths.entries {
            if entry.key.hasPrefix("x-") {
                output.add(entry)
                continue
            }
            let at = cursor / entry.key
            var path = entry.key
            if !path.hasPrefix("/") {
                path = "/" + path
                if paths.value(path) != nil {
                    context.defect("path '\(entry.key)' must start with '/', and '\(path)' is also written; this one is dropped", at, at: entry.keyLocation)
                    continue
                }
                context.defect("path '\(entry.key)' must start with '/'; read as '\(path)'", at, at: entry.keyLocation)
                relocate(cursor / path, from: at)
            }
            output.add(path, pathItemUse(path, entry.value, at, placedAt: cursor / path), keyLocation: entry.keyLocation)
        }
        return output.node
    }

    /// A path item under `path`; one written elsewhere in the same file is brought here, one in another file
    /// is converted there and referred to.
    private func pathItemUse(_ path: String, _ node: YAMLNode, _ cursor: Cursor, placedAt placed: Cursor) -> YAMLNode {
        guard case .mapping(let mapping) = node, let ref = mapping.refEntry else { return pathItem(path, node, cursor, placedAt: placed) }
        guard let resolved = resolveObject(node, cursor, what: "path item") else { return MappingBuilder(at: mapping.location).node }
        if resolved.cursor.file == cursor.file {
            relocate(placed, from: resolved.cursor)
            return pathItem(path, .mapping(resolved.mapping), resolved.cursor, placedAt: placed)
        }
        enqueue(resolved.cursor.target, .pathItem(path: path))
        var reference = MappingBuilder(at: mapping.location)
        reference.add("$ref", .text(referenceText(to: resolved.cursor.target, from: cursor.file), at: ref.value.location), keyLocation: ref.keyLocation)
        return reference.node
    }

    /// A path item written at `cursor`, placed at `placed` in the converted tree (the same place unless a
    /// reference brought it).
    func pathItem(_ path: String, _ node: YAMLNode, _ cursor: Cursor, placedAt placed: Cursor? = nil) -> YAMLNode {
        guard case .mapping(let item) = node else { return node }
        let placed = placed ?? cursor
        let shared = item.value("parameters").map { parameterList($0, cursor / "parameters") } ?? []
        var output = MappingBuilder(at: item.location)
        for entry in item.entries {
            if HTTPMethod(rawValue: entry.key) != nil {
                output.add(entry.key, operation(path, entry, cursor / entry.key, placedAt: placed / entry.key, shared: shared), keyLocation: entry.keyLocation)
            } else if entry.key != "parameters", entry.key != "$ref" {
                output.add(entry)
            }
        }
        return output.node
    }

    /// The parameters of a list, each followed through its references; those that cannot be used are dropped
    /// after a warning.
    func parameterList(_ node: YAMLNode, _ cursor: Cursor) -> [Swagger2Parameter] {
        guard case .sequence(let list) = node else {
            if node.scalar?.isNull != true {
                context.defect("expected a list of parameters, found \(node.kindDescription); they are dropped", cursor, at: node.location)
            }
            return []
        }
        return list.items.enumerated().compactMap { index, item in
            resolveObject(item, cursor / index, what: "parameter").flatMap { readParameter($0) }
        }
    }

    private func operation(_ path: String, _ entry: YAMLMapping.Entry, _ cursor: Cursor, placedAt placed: Cursor, shared: [Swagger2Parameter]) -> YAMLNode {
        guard case .mapping(let operation) = entry.value else { return entry.value }
        let media = media(of: operation, cursor, reporting: true)
        let own = operation.value("parameters").map { parameterList($0, cursor / "parameters") } ?? []
        let parameters = matchingTemplate(merged(shared, own), path: path, method: entry.key, cursor, keyLocation: entry.keyLocation)
        let request = requestParts(parameters, media: media, cursor, placedAt: placed)

        var output = MappingBuilder(at: operation.location)
        var wroteParameters = false
        func writeParameters(at location: SourceLocation) {
            guard !wroteParameters else { return }
            wroteParameters = true
            if !request.parameters.isEmpty {
                output.add("parameters", .list(request.parameters, at: location), keyLocation: operation.entry("parameters")?.keyLocation ?? location)
            }
            if let body = request.body {
                output.add("requestBody", body, keyLocation: operation.entry("parameters")?.keyLocation ?? location)
            }
        }
        for entry in operation.entries {
            switch entry.key {
            case "parameters":
                writeParameters(at: entry.value.location)
            case "responses":
                writeParameters(at: operation.location)
                output.add(entry.key, responses(entry.value, cursor / entry.key, placedAt: placed / entry.key, produces: media.produces), keyLocation: entry.keyLocation)
            case "security":
                output.add(entry.key, securityRequirements(entry.value, cursor / entry.key), keyLocation: entry.keyLocation)
            case "operationId":
                if let id = entry.value.text, let first = operationIds[id] {
                    let place = first.file == cursor.file ? "\(first.location)" : "\(first.file):\(first.location)"
                    context.defect("duplicate operationId '\(id)' (first used at \(place)); this operation is named after its method and path", cursor / entry.key, at: entry.value.location)
                } else {
                    if let id = entry.value.text { operationIds[id] = (cursor.file, entry.value.location) }
                    output.add(entry)
                }
            case "consumes", "produces", "schemes":
                break
            default:
                output.add(entry)
            }
        }
        writeParameters(at: operation.location)
        return output.node
    }

    /// The path's parameters, each replaced by the operation's own of the same name and location, then the
    /// operation's others (duplicates among those are the parser's to report).
    private func merged(_ shared: [Swagger2Parameter], _ own: [Swagger2Parameter]) -> [Swagger2Parameter] {
        var parameters = shared
        for parameter in own {
            if let index = shared.firstIndex(where: { $0.name == parameter.name && $0.location == parameter.location }) {
                parameters[index] = parameter
            } else {
                parameters.append(parameter)
            }
        }
        return parameters
    }

    /// An operation's parameters as OpenAPI 3 has them, and the request body its `body` or `formData`
    /// parameters make.
    private func requestParts(_ parameters: [Swagger2Parameter], media: MediaTypes, _ cursor: Cursor, placedAt placed: Cursor) -> (parameters: [YAMLNode], body: YAMLNode?) {
        var nodes: [YAMLNode] = []
        var body: Swagger2Parameter?
        var fields: [Swagger2Parameter] = []
        for parameter in parameters {
            switch parameter.location {
            case .body:
                if let first = body {
                    context.defect("an operation has one body; body parameter '\(parameter.name)' is dropped ('\(first.name)' is the body)", parameter.cursor, at: parameter.object.location)
                } else {
                    body = parameter
                }
            case .formData:
                fields.append(parameter)
            case .query, .header, .path:
                let at = placed / "parameters" / nodes.count
                if parameter.cursor.file == cursor.file {
                    nodes.append(self.parameter(of: parameter, placedAt: at))
                } else {
                    nodes.append(parameterReference(parameter, from: cursor))
                }
            }
        }
        if let body {
            if let first = fields.first {
                context.defect("an operation with a body parameter cannot have formData parameters; formData parameter '\(first.name)'\(fields.count > 1 ? " and \(fields.count - 1) more are" : " is") dropped", first.cursor, at: first.object.location)
            }
            return (nodes, requestBody(body, consumes: media.consumes, cursor, placedAt: placed / "requestBody"))
        }
        if !fields.isEmpty {
            return (nodes, formBody(fields, consumes: media.consumes, cursor, placedAt: placed / "requestBody"))
        }
        return (nodes, nil)
    }

    /// A parameter written in another file: referred to, and converted where it is.
    private func parameterReference(_ parameter: Swagger2Parameter, from cursor: Cursor) -> YAMLNode {
        var target = parameter.cursor.target
        if target.file == rootFile, target.pointer.count == 2, target.pointer[0] == "parameters" {
            target.pointer = ["components", "parameters", target.pointer[1]]
        } else {
            enqueue(target, .parameter)
        }
        var reference = MappingBuilder(at: parameter.object.location)
        reference.add("$ref", .text(referenceText(to: target, from: cursor.file), at: parameter.object.location))
        return reference.node
    }

    /// The parameters with the path template's: a `{name}` no parameter declares is taken as a required string,
    /// and a path parameter the template does not hold is dropped, each with a warning.
    private func matchingTemplate(_ parameters: [Swagger2Parameter], path: String, method: String, _ cursor: Cursor, keyLocation: SourceLocation) -> [Swagger2Parameter] {
        let names = PathKey.templateNames(path)
        var result = parameters.filter { parameter in
            guard parameter.location == .path, !names.contains(parameter.name) else { return true }
            context.defect("path parameter '\(parameter.name)' does not appear in the path template '\(path)'; the parameter is dropped", parameter.cursor, at: parameter.object.location)
            return false
        }
        for name in names where !parameters.contains(where: { $0.location == .path && $0.name == name }) {
            context.defect("path template parameter '{\(name)}' is not declared as an 'in: path' parameter of \(method.uppercased()) \(path); it is taken as a required string", cursor, at: keyLocation)
            var declared = MappingBuilder(at: keyLocation)
            declared.add("name", .text(name, at: keyLocation))
            declared.add("in", .word("path", at: keyLocation))
            declared.add("required", .bool(true, at: keyLocation))
            declared.add("type", .word("string", at: keyLocation))
            guard let object = declared.node.mapping else { continue }
            result.append(Swagger2Parameter(name: name, location: .path, object: object, cursor: cursor))
        }
        return result
    }
}
