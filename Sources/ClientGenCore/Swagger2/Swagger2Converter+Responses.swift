/// Responses: the `schema` goes under each media type the operation produces, and headers get their `type`
/// and keywords under `schema`, as parameters do.
extension Swagger2Converter {
    func responses(_ node: YAMLNode, _ cursor: Cursor, placedAt placed: Cursor, produces: [String]) -> YAMLNode {
        guard case .mapping(let responses) = node else { return node }
        var output = MappingBuilder(at: responses.location)
        for entry in responses.entries {
            if entry.key.hasPrefix("x-") {
                output.add(entry)
                continue
            }
            let at = cursor / entry.key
            guard ParseContext.status(entry.key) != nil else {
                context.defect("invalid response status '\(entry.key)'; expected a code from 100 to 599, a range such as 2XX, or default; the response is dropped", at, at: entry.keyLocation)
                continue
            }
            guard let response = responseUse(entry.value, at, placedAt: placed / entry.key, produces: produces) else { continue }
            output.add(entry.key, response, keyLocation: entry.keyLocation)
        }
        return output.node
    }

    /// A response of an operation: one written elsewhere in the same file is brought here, so that it takes
    /// this operation's media types; one in another file is converted there and referred to.
    private func responseUse(_ node: YAMLNode, _ cursor: Cursor, placedAt placed: Cursor, produces: [String]) -> YAMLNode? {
        guard case .mapping(let mapping) = node, let ref = mapping.refEntry else { return response(node, cursor, produces: produces, placedAt: placed) }
        guard let resolved = resolveObject(node, cursor, what: "response") else { return nil }
        if resolved.cursor.file == cursor.file {
            return response(.mapping(resolved.mapping), resolved.cursor, produces: produces, placedAt: placed)
        }
        var target = resolved.cursor.target
        if target.file == rootFile, target.pointer.count == 2, target.pointer[0] == "responses" {
            target.pointer = ["components", "responses", target.pointer[1]]
        } else {
            enqueue(target, .response(produces: produces))
        }
        var reference = MappingBuilder(at: mapping.location)
        reference.add("$ref", .text(referenceText(to: target, from: cursor.file), at: ref.value.location), keyLocation: ref.keyLocation)
        return reference.node
    }

    /// A response object written at `cursor`, placed at `placed` in the converted tree.
    func response(_ node: YAMLNode, _ cursor: Cursor, produces: [String], placedAt placed: Cursor) -> YAMLNode {
        guard case .mapping(let response) = node else { return node }
        var output = MappingBuilder(at: response.location)
        for entry in response.entries {
            switch entry.key {
            case "schema":
                output.add("content", content(entry, examples: response.value("examples")?.mapping, cursor, placedAt: placed / "content", produces: produces), keyLocation: entry.keyLocation)
            case "headers":
                output.add(entry.key, headers(entry.value, cursor / entry.key, placedAt: placed / entry.key), keyLocation: entry.keyLocation)
            case "examples":
                break
            default:
                output.add(entry)
            }
        }
        relocate(placed, from: cursor)
        return output.node
    }

    /// The response body in each media type produced, with the example written for it.
    private func content(_ schemaEntry: YAMLMapping.Entry, examples: YAMLMapping?, _ cursor: Cursor, placedAt placed: Cursor, produces: [String]) -> YAMLNode {
        let converted = schema(schemaEntry.value, cursor / "schema")
        var content = MappingBuilder(at: schemaEntry.value.location)
        for mediaType in produces {
            var media = MappingBuilder(at: schemaEntry.value.location)
            media.add("schema", converted, keyLocation: schemaEntry.keyLocation)
            if let example = examples?.entry(mediaType) {
                media.add("example", example.value, keyLocation: example.keyLocation)
            }
            content.add(mediaType, media.node, keyLocation: schemaEntry.keyLocation)
            relocate(placed / mediaType / "schema", from: cursor / "schema")
        }
        return content.node
    }

    private func headers(_ node: YAMLNode, _ cursor: Cursor, placedAt placed: Cursor) -> YAMLNode {
        guard case .mapping(let headers) = node else { return node }
        var output = MappingBuilder(at: headers.location)
        for entry in headers.entries {
            let at = cursor / entry.key
            guard case .mapping(let header) = entry.value else {
                output.add(entry)
                continue
            }
            var converted = MappingBuilder(at: header.location)
            for field in header.entries where field.key == "description" || (field.key.hasPrefix("x-") && !Swagger2Parameter.schemaKeys.contains(field.key)) {
                converted.add(field)
            }
            let asParameter = Swagger2Parameter(name: entry.key, location: .header, object: header, cursor: at)
            if let (schema, keyLocation) = parameterSchema(asParameter, placedAt: placed / entry.key / "schema") {
                converted.add("schema", schema, keyLocation: keyLocation)
            }
            // Headers are always `simple`: a collectionFormat other than csv is warned about, and csv assumed.
            _ = serialization(of: asParameter)
            output.add(entry.key, converted.node, keyLocation: entry.keyLocation)
            relocate(placed / entry.key, from: at)
        }
        return output.node
    }
}
