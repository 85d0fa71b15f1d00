/// Schemas. Swagger 2.0's dialect of JSON Schema is OpenAPI 3.0's less a few words, so a schema is copied
/// with its references pointed at where the conversion put their targets and those few words rewritten.
extension Swagger2Converter {
    func schema(_ node: YAMLNode, _ cursor: Cursor) -> YAMLNode {
        guard case .mapping(let mapping) = node else { return node }
        var output = MappingBuilder(at: mapping.location)
        if let ref = mapping.refEntry {
            return referenceSchema(ref, in: mapping, cursor)
        }
        let isFile = mapping.value("type")?.text == "file"
        for entry in mapping.entries {
            let at = cursor / entry.key
            let value = entry.value
            if let shape = SchemaKeywordShape.byKeyword[entry.key], !shape.accepts(value) {
                context.defect("'\(entry.key)' must be \(shape.expected), found \(value.kindDescription); it is ignored", at, at: value.location)
                continue
            }
            switch entry.key {
            case "type":
                if isFile {
                    // A file is bytes: OpenAPI 3 says so with a binary string.
                    output.add("type", .word("string", at: value.location), keyLocation: entry.keyLocation)
                    output.add("format", .word("binary", at: value.location), keyLocation: entry.keyLocation)
                } else if let type = type(value, at) {
                    output.add("type", type, keyLocation: entry.keyLocation)
                }
            case "format":
                if !isFile { output.add(entry) }
            case "properties":
                output.add(entry.key, schemaMap(value, at), keyLocation: entry.keyLocation)
            case "items":
                if case .sequence(let items) = value {
                    output.add(entry.key, .list(items.items.enumerated().map { schema($0.element, at / $0.offset) }, at: value.location), keyLocation: entry.keyLocation)
                } else {
                    output.add(entry.key, schema(value, at), keyLocation: entry.keyLocation)
                }
            case "additionalProperties", "not":
                output.add(entry.key, schema(value, at), keyLocation: entry.keyLocation)
            case "allOf", "anyOf", "oneOf":
                if case .sequence(let branches) = value {
                    output.add(entry.key, .list(branches.items.enumerated().map { schema($0.element, at / $0.offset) }, at: value.location), keyLocation: entry.keyLocation)
                } else {
                    output.add(entry)
                }
            case "discriminator":
                // Swagger names the property; OpenAPI 3 wraps the name in an object that may also map values.
                if let name = value.text {
                    var discriminator = MappingBuilder(at: value.location)
                    discriminator.add("propertyName", .text(name, at: value.location))
                    output.add(entry.key, discriminator.node, keyLocation: entry.keyLocation)
                } else if value.mapping != nil {
                    output.add(entry)
                } else if value.scalar?.isNull != true {
                    context.defect("'discriminator' must name a property, found \(value.kindDescription); it is ignored", at, at: value.location)
                }
            case "x-nullable", "x-isnullable":
                output.add(entry)
                if let nullable = value.scalar?.bool, mapping.value("nullable") == nil, !output.contains("nullable") {
                    output.add("nullable", .bool(nullable, at: value.location), keyLocation: entry.keyLocation)
                }
            default:
                output.add(entry)
            }
        }
        return output.node
    }

    /// `properties`: each value a schema.
    private func schemaMap(_ node: YAMLNode, _ cursor: Cursor) -> YAMLNode {
        guard case .mapping(let mapping) = node else { return node }
        var output = MappingBuilder(at: mapping.location)
        for entry in mapping.entries {
            output.add(entry.key, schema(entry.value, cursor / entry.key), keyLocation: entry.keyLocation)
        }
        return output.node
    }

    /// A `$ref` schema. Its siblings mean nothing in Swagger 2.0 (nor in OpenAPI 3.0) but `x-nullable`, which
    /// generators read as "this value may be null": kept as 3.0 says it, a nullable `allOf` of the reference.
    private func referenceSchema(_ ref: YAMLMapping.Entry, in mapping: YAMLMapping, _ cursor: Cursor) -> YAMLNode {
        var output = MappingBuilder(at: mapping.location)
        guard let target = schemaReference(ref.value, cursor) else { return output.node }
        let nullable = (mapping.value("x-nullable") ?? mapping.value("x-isnullable"))?.scalar?.bool == true
        var reference = MappingBuilder(at: mapping.location)
        reference.add("$ref", target, keyLocation: ref.keyLocation)
        guard nullable else { return reference.node }
        output.add("allOf", .list([reference.node], at: mapping.location), keyLocation: ref.keyLocation)
        output.add("nullable", .bool(true, at: mapping.location), keyLocation: ref.keyLocation)
        return output.node
    }

    /// `type`, with a misspelt name (`String`, `int`) read as what it plainly means and an unknown one dropped:
    /// a defect local to one schema, which leaves it untyped rather than the spec unread.
    private func type(_ node: YAMLNode, _ cursor: Cursor) -> YAMLNode? {
        guard case .scalar(let scalar) = node, let name = node.text else { return node }
        if Schema.JSONType(rawValue: name) != nil { return node }
        guard let meant = Self.meantType(name) else {
            let expected = Schema.JSONType.allCases.map(\.rawValue).joined(separator: ", ")
            context.defect("unknown type '\(name)'; expected one of \(expected) or file; the schema is left untyped", cursor, at: scalar.location)
            return nil
        }
        context.defect("unknown type '\(name)'; read as '\(meant.rawValue)'", cursor, at: scalar.location)
        return .word(meant.rawValue, at: scalar.location)
    }

    private static func meantType(_ name: String) -> Schema.JSONType? {
        let lowered = name.lowercased().trimmingWhitespace
        if let type = Schema.JSONType(rawValue: lowered) { return type }
        switch lowered {
        case "int", "int32", "int64", "long", "short": return .integer
        case "float", "double", "decimal": return .number
        case "bool": return .boolean
        case "str", "text", "date", "date-time", "datetime": return .string
        case "list": return .array
        case "dict", "map": return .object
        default: return nil
        }
    }
}
