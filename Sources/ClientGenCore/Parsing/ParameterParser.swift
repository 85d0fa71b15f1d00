/// Parameter and header objects, with their `$ref`s resolved and the result cached per definition.
extension ParseContext {
    func parameter(_ node: YAMLNode, _ cursor: Cursor) -> Parameter? {
        guard let (node, cursor, viaReference) = followReferences(node, cursor, unresolved: "the parameter is left out") else { return nil }
        if viaReference || isComponent(cursor, "parameters"), let cached = parameters[cursor.target] { return cached }
        let parameter = parseParameter(node, cursor)
        if viaReference || isComponent(cursor, "parameters") { parameters[cursor.target] = parameter }
        return parameter
    }

    func isComponent(_ cursor: Cursor, _ kind: String) -> Bool {
        let components = cursor.path.components
        return components.count == 3 && components[0] == "components" && components[1] == kind
    }

    private func parseParameter(_ node: YAMLNode, _ cursor: Cursor) -> Parameter? {
        guard let mapping = self.mapping(node, cursor) else { return nil }
        var name: String?
        var location: Parameter.Location?
        var locationEntry: YAMLMapping.Entry?
        var requiredEntry: YAMLMapping.Entry?
        var failed = false
        for entry in mapping.entries {
            switch entry.key {
            case "name":
                name = string(entry.value, cursor / "name")
            case "in":
                locationEntry = entry
                guard let text = string(entry.value, cursor / "in") else { failed = true; break }
                location = Parameter.Location(rawValue: text)
                if location == nil {
                    let hint = text == "body" || text == "formData" ? "; Swagger 2.0's '\(text)' parameters are a requestBody in OpenAPI 3" : ""
                    defect("invalid parameter location '\(text)' (expected path, query, header or cookie\(hint)); the parameter is left out", cursor / "in", at: entry.value.location)
                    failed = true
                }
            case "required":
                requiredEntry = entry
            default:
                break
            }
        }
        if name == nil {
            defect("parameter has no 'name'; the parameter is left out", cursor, at: node.location)
        }
        if locationEntry == nil {
            defect("parameter has no 'in' (path, query, header or cookie); the parameter is left out", cursor, at: node.location)
        }
        guard let name, let location, !failed else { return nil }

        var required = requiredEntry.flatMap { bool($0.value, cursor / "required") } ?? false
        if location == .path, !required {
            let at = requiredEntry?.value.location ?? node.location
            defect("path parameter '\(name)' must have 'required: true'; it is read as required", cursor, at: at)
            required = true
        }
        var parameter = Parameter(source: source(cursor, node.location), name: name, location: location, required: required)
        for entry in mapping.entries {
            let at = cursor / entry.key
            switch entry.key {
            case "description":
                parameter.description = string(entry.value, at)
            case "deprecated":
                parameter.deprecated = bool(entry.value, at) ?? false
            case "style":
                guard let text = string(entry.value, at) else { break }
                parameter.style = Parameter.Style(rawValue: text)
                if parameter.style == nil {
                    defect("unknown parameter style '\(text)' (expected matrix, label, form, simple, spaceDelimited, pipeDelimited or deepObject); the default style is used", at, at: entry.value.location)
                }
            case "explode":
                parameter.explode = bool(entry.value, at)
            case "schema":
                parameter.schema = schema(entry.value, at)
            case "content":
                if let (contentType, schema) = singleContent(entry.value, at, keyLocation: entry.keyLocation) {
                    parameter.contentType = contentType
                    parameter.schema = schema
                }
            case "example":
                parameter.example = JSONLiteral(entry.value)
            case "examples":
                if parameter.example == nil { parameter.example = firstExample(entry.value) }
            case "x-swift-name":
                parameter.swiftName = swiftName(entry.value, at)
                parameter.extensions[entry.key] = specExtension(entry, cursor)
            default:
                if entry.key.hasPrefix("x-") { parameter.extensions[entry.key] = specExtension(entry, cursor) }
            }
        }
        return parameter
    }

    /// The `content` form of parameters and headers: a map with exactly one media type.
    private func singleContent(_ node: YAMLNode, _ cursor: Cursor, keyLocation: SourceLocation) -> (String, Schema?)? {
        guard let content = mapping(node, cursor), let first = content.entries.first else {
            if node.mapping != nil { defect("'content' must hold exactly one media type, found none; the value is typed String", cursor, at: keyLocation) }
            return nil
        }
        if content.entries.count > 1 {
            defect("'content' of a parameter or header should hold one media type; using '\(first.key)'", cursor, at: keyLocation)
        }
        let at = cursor / first.key
        guard let media = mapping(first.value, at) else { return nil }
        return (first.key, media.value("schema").map { schema($0, at / "schema") })
    }

    /// The first example of an `examples` map that is written inline (not a `$ref`).
    func firstExample(_ node: YAMLNode) -> JSONLiteral? {
        guard case .mapping(let examples) = node else { return nil }
        for entry in examples.entries {
            if let value = entry.value.mapping?.value("value") { return JSONLiteral(value) }
        }
        return nil
    }

    /// A header object under `name`; `name` comes from the key of the map holding it.
    func header(named name: String, _ node: YAMLNode, _ cursor: Cursor) -> Header? {
        guard let (node, cursor, viaReference) = followReferences(node, cursor, unresolved: "the header is left out") else { return nil }
        if viaReference || isComponent(cursor, "headers"), let cached = headers[cursor.target] {
            var header = cached
            header?.name = name
            return header
        }
        var header: Header?
        if let mapping = self.mapping(node, cursor) {
            var value = Header(name: name)
            for entry in mapping.entries {
                let at = cursor / entry.key
                switch entry.key {
                case "description": value.description = string(entry.value, at)
                case "required": value.required = bool(entry.value, at) ?? false
                case "schema": value.schema = schema(entry.value, at)
                case "content": value.schema = singleContent(entry.value, at, keyLocation: entry.keyLocation)?.1
                default: break
                }
            }
            header = value
        }
        if viaReference || isComponent(cursor, "headers") { headers[cursor.target] = header }
        return header
    }
}
