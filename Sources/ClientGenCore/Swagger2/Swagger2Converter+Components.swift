/// The document's shared objects under `components`.
extension Swagger2Converter {
    /// `definitions`, `parameters`, `responses` and `securityDefinitions`, under the names OpenAPI 3 gives them.
    /// Shared parameters and responses are also brought into each operation using them, where they take its
    /// media types; here they are checked even when nothing uses them.
    func components(securitySchemes: YAMLNode?) -> YAMLNode {
        let components = rootCursor / "components"
        var output = MappingBuilder(at: root.location)
        if let definitions = root.entry("definitions") {
            var schemas = definitions.value
            if case .mapping(let written) = definitions.value {
                var converted = MappingBuilder(at: written.location)
                for entry in written.entries {
                    converted.add(entry.key, schema(entry.value, rootCursor / "definitions" / entry.key), keyLocation: entry.keyLocation)
                }
                schemas = converted.node
            }
            output.add("schemas", schemas, keyLocation: definitions.keyLocation)
            relocate(components / "schemas", from: rootCursor / "definitions")
        }
        if let parametersEntry = root.entry("parameters") {
            let (parameters, bodies) = sharedParameters(parametersEntry)
            if let parameters { output.add("parameters", parameters, keyLocation: parametersEntry.keyLocation) }
            if let bodies { output.add("requestBodies", bodies, keyLocation: parametersEntry.keyLocation) }
        }
        if let responsesEntry = root.entry("responses") {
            if case .mapping(let responses) = responsesEntry.value {
                var converted = MappingBuilder(at: responses.location)
                for entry in responses.entries {
                    let written = rootCursor / "responses" / entry.key
                    guard let resolved = resolveObject(entry.value, written, what: "response") else { continue }
                    let placed = components / "responses" / entry.key
                    if resolved.cursor.file == rootFile {
                        converted.add(entry.key, response(.mapping(resolved.mapping), resolved.cursor, produces: documentMedia.produces, placedAt: placed), keyLocation: entry.keyLocation)
                    } else {
                        enqueue(resolved.cursor.target, .response(produces: documentMedia.produces))
                        converted.add(entry.key, reference(to: resolved.cursor.target, at: entry.value.location), keyLocation: entry.keyLocation)
                    }
                }
                output.add("responses", converted.node, keyLocation: responsesEntry.keyLocation)
            } else {
                output.add("responses", responsesEntry.value, keyLocation: responsesEntry.keyLocation)
            }
            relocate(components / "responses", from: rootCursor / "responses")
        }
        if let securitySchemes, let entry = root.entry("securityDefinitions") {
            output.add("securitySchemes", securitySchemes, keyLocation: entry.keyLocation)
            relocate(components / "securitySchemes", from: rootCursor / "securityDefinitions")
        }
        return output.node
    }

    /// The document's `parameters`: query, header and path ones as parameters, body ones as request bodies in
    /// the document's media types; form fields only exist in the operations that use them.
    private func sharedParameters(_ entry: YAMLMapping.Entry) -> (parameters: YAMLNode?, bodies: YAMLNode?) {
        let components = rootCursor / "components"
        guard case .mapping(let written) = entry.value else {
            relocate(components / "parameters", from: rootCursor / "parameters")
            return (entry.value, nil)
        }
        var parameters = MappingBuilder(at: written.location)
        var bodies = MappingBuilder(at: written.location)
        for item in written.entries {
            let at = rootCursor / "parameters" / item.key
            guard let resolved = resolveObject(item.value, at, what: "parameter"), let parameter = readParameter(resolved) else { continue }
            switch parameter.location {
            case .body:
                bodies.add(item.key, requestBody(parameter, consumes: documentMedia.consumes, at, placedAt: components / "requestBodies" / item.key), keyLocation: item.keyLocation)
            case .formData:
                continue
            case .query, .header, .path:
                let placed = components / "parameters" / item.key
                if parameter.cursor.file == rootFile {
                    parameters.add(item.key, self.parameter(of: parameter, placedAt: placed), keyLocation: item.keyLocation)
                } else {
                    enqueue(parameter.cursor.target, .parameter)
                    parameters.add(item.key, reference(to: parameter.cursor.target, at: item.value.location), keyLocation: item.keyLocation)
                }
            }
        }
        return (parameters.isEmpty ? nil : parameters.node, bodies.isEmpty ? nil : bodies.node)
    }

    /// A reference object in the root to an object converted where it is written in another file.
    private func reference(to target: Reference.Target, at location: SourceLocation) -> YAMLNode {
        var reference = MappingBuilder(at: location)
        reference.add("$ref", .text(referenceText(to: target, from: rootFile), at: location))
        return reference.node
    }
}
