/// JSON Schema objects (OpenAPI 3.0's dialect and 3.1's JSON Schema 2020-12) into `Schema`.
extension ParseContext {
    func schema(_ node: YAMLNode, _ cursor: Cursor) -> Schema {
        var schema = Schema(source: source(cursor, node.location))
        let mapping: YAMLMapping
        switch node {
        case .mapping(let value):
            mapping = value
        case .scalar(let scalar) where scalar.bool != nil:
            // Boolean schemas: `true` accepts anything, `false` nothing.
            if scalar.bool == false { schema.not = Schema(source: schema.source) }
            return schema
        default:
            defect("expected a schema (a mapping), found \(node.kindDescription); the value is left untyped (JSONValue)", cursor, at: node.location)
            return schema
        }

        if let ref = mapping.refEntry {
            if let (reference, _) = resolve(ref.value, from: cursor, unresolved: "the value is left untyped (JSONValue)") {
                schema.reference = reference
                noteSchemaReference(reference)
            }
            // 3.0 ignores a reference's siblings; 3.1 keeps them beside it.
            guard isVersion31 else { return schema }
        }

        var readsFile = false
        var exclusiveMinimumFlag = false
        var exclusiveMaximumFlag = false
        for entry in mapping.entries {
            let value = entry.value
            let at = cursor / entry.key
            switch entry.key {
            case "$ref":
                break
            case "type":
                if value.scalar?.value == "file" {
                    // Swagger 2.0's type for uploads, which specs converted from it often keep.
                    defect("unknown type 'file' (Swagger 2.0's type for uploads); read as a binary string", at, at: value.location)
                    schema.types = [.string]
                    readsFile = true
                } else {
                    schema.types = types(value, at)
                }
            case "format":
                schema.format = string(value, at)
            case "title":
                schema.title = string(value, at)
            case "description":
                schema.description = string(value, at)
            case "enum":
                schema.enumValues = enumValues(value, at, keyLocation: entry.keyLocation)
            case "const":
                schema.constValue = JSONLiteral(value)
            case "default":
                schema.defaultValue = JSONLiteral(value)
            case "example":
                schema.example = JSONLiteral(value)
            case "examples":
                if schema.example == nil, case .sequence(let examples) = value, let first = examples.items.first {
                    schema.example = JSONLiteral(first)
                }
            case "nullable":
                schema.nullable = bool(value, at) ?? false
            case "properties":
                guard let properties = self.mapping(value, at) else { break }
                schema.properties.reserveCapacity(properties.entries.count)
                for property in properties.entries {
                    schema.properties.append(Schema.Property(name: property.key, schema: self.schema(property.value, at / property.key)))
                }
            case "required":
                schema.required = requiredList(value, at)
            case "additionalProperties":
                if case .scalar(let scalar) = value, let allowed = scalar.bool {
                    schema.additionalProperties = .allowed(allowed)
                } else {
                    schema.additionalProperties = .schema(self.schema(value, at))
                }
            case "items":
                if case .sequence = value {
                    warning("'items' as a list (a tuple) is not supported; the array's items are left untyped", at, at: entry.keyLocation)
                } else {
                    schema.items = self.schema(value, at)
                }
            case "allOf":
                schema.allOf = schemaList(value, at)
            case "anyOf":
                schema.anyOf = schemaList(value, at)
            case "oneOf":
                schema.oneOf = schemaList(value, at)
            case "not":
                schema.not = self.schema(value, at)
            case "discriminator":
                schema.discriminator = discriminator(value, at)
            case "deprecated":
                schema.deprecated = bool(value, at) ?? false
            case "readOnly":
                schema.readOnly = bool(value, at) ?? false
            case "writeOnly":
                schema.writeOnly = bool(value, at) ?? false
            case "minimum":
                schema.constraints.minimum = number(value, at)
            case "maximum":
                schema.constraints.maximum = number(value, at)
            case "exclusiveMinimum":
                if case .scalar(let scalar) = value, let flag = scalar.bool {
                    exclusiveMinimumFlag = flag
                } else {
                    schema.constraints.exclusiveMinimum = number(value, at)
                }
            case "exclusiveMaximum":
                if case .scalar(let scalar) = value, let flag = scalar.bool {
                    exclusiveMaximumFlag = flag
                } else {
                    schema.constraints.exclusiveMaximum = number(value, at)
                }
            case "multipleOf":
                schema.constraints.multipleOf = number(value, at)
            case "minLength":
                schema.constraints.minLength = int(value, at)
            case "maxLength":
                schema.constraints.maxLength = int(value, at)
            case "pattern":
                schema.constraints.pattern = string(value, at)
            case "minItems":
                schema.constraints.minItems = int(value, at)
            case "maxItems":
                schema.constraints.maxItems = int(value, at)
            case "uniqueItems":
                schema.constraints.uniqueItems = bool(value, at) ?? false
            case "minProperties":
                schema.constraints.minProperties = int(value, at)
            case "maxProperties":
                schema.constraints.maxProperties = int(value, at)
            case "prefixItems":
                warning("'prefixItems' (a tuple) is not supported; the array's items are typed by 'items' alone", at, at: entry.keyLocation)
            case "patternProperties":
                warning("'patternProperties' is not supported; properties matching the patterns are not typed", at, at: entry.keyLocation)
            case "if":
                warning("'if'/'then'/'else' is not supported; the conditional subschemas are ignored", at, at: entry.keyLocation)
            case "$dynamicRef":
                warning("'$dynamicRef' is not supported; the schema it points at is ignored", at, at: entry.keyLocation)
            case "x-swift-name":
                schema.swiftName = swiftName(value, at)
                schema.extensions[entry.key] = specExtension(entry, cursor)
            default:
                if entry.key.hasPrefix("x-") {
                    schema.extensions[entry.key] = specExtension(entry, cursor)
                }
            }
        }
        if readsFile, schema.format == nil {
            schema.format = "binary"
        }
        // 3.0's boolean form: `minimum: 5, exclusiveMinimum: true` is 3.1's `exclusiveMinimum: 5`.
        if exclusiveMinimumFlag, let minimum = schema.constraints.minimum {
            schema.constraints.exclusiveMinimum = minimum
            schema.constraints.minimum = nil
        }
        if exclusiveMaximumFlag, let maximum = schema.constraints.maximum {
            schema.constraints.exclusiveMaximum = maximum
            schema.constraints.maximum = nil
        }
        return schema
    }

    func noteSchemaReference(_ reference: Reference) {
        if schemaReferenceSet.insert(reference.target).inserted {
            schemaReferences.append(reference)
        }
    }

    private func types(_ node: YAMLNode, _ cursor: Cursor) -> [Schema.JSONType]? {
        switch node {
        case .scalar(let scalar):
            return jsonType(scalar, cursor).map { [$0] }
        case .sequence(let sequence):
            var result: [Schema.JSONType] = []
            for (index, item) in sequence.items.enumerated() {
                guard case .scalar(let scalar) = item else {
                    defect("expected a type name, found \(item.kindDescription); it is ignored", cursor / index, at: item.location)
                    continue
                }
                if let type = jsonType(scalar, cursor / index), !result.contains(type) { result.append(type) }
            }
            return result
        case .mapping:
            defect("expected a type name or a list of them, found a mapping; it is ignored", cursor, at: node.location)
            return nil
        }
    }

    private func jsonType(_ scalar: YAMLScalar, _ cursor: Cursor) -> Schema.JSONType? {
        if let type = Schema.JSONType(rawValue: scalar.value) { return type }
        let expected = Schema.JSONType.allCases.map(\.rawValue).joined(separator: ", ")
        defect("unknown type '\(scalar.value)' (expected one of \(expected)); it is ignored", cursor, at: scalar.location)
        return nil
    }

    private func enumValues(_ node: YAMLNode, _ cursor: Cursor, keyLocation: SourceLocation) -> [JSONLiteral]? {
        guard let sequence = sequence(node, cursor) else { return nil }
        let values = sequence.items.map(JSONLiteral.init)
        if values.isEmpty {
            warning("empty enum: no value is valid", cursor, at: keyLocation)
        }
        var kinds: [String] = []
        for value in values {
            let kind: String
            switch value {
            case .null: continue
            case .int, .double: kind = "numbers"
            case .bool: kind = "booleans"
            case .string: kind = "strings"
            case .array: kind = "arrays"
            case .object: kind = "objects"
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        if kinds.count > 1 {
            warning("enum mixes \(kinds.joined(separator: " and ")); values are kept as written", cursor, at: keyLocation)
        }
        return values
    }

    /// Duplicates are dropped silently; names absent from `properties` are kept (allOf may supply them).
    private func requiredList(_ node: YAMLNode, _ cursor: Cursor) -> [String] {
        if case .scalar(let scalar) = node, scalar.bool != nil {
            // Swagger-era `required: true` on a property: meaningless in a schema, and common.
            return []
        }
        var result: [String] = []
        var seen: Set<String> = []
        for name in strings(node, cursor) where seen.insert(name).inserted {
            result.append(name)
        }
        return result
    }

    private func schemaList(_ node: YAMLNode, _ cursor: Cursor) -> [Schema] {
        guard let sequence = sequence(node, cursor) else { return [] }
        return sequence.items.enumerated().map { schema($0.element, cursor / $0.offset) }
    }

    private func discriminator(_ node: YAMLNode, _ cursor: Cursor) -> Schema.Discriminator? {
        guard let mapping = self.mapping(node, cursor) else { return nil }
        guard let propertyNode = mapping.value("propertyName") else {
            defect("discriminator has no 'propertyName'; it is ignored, and the value decodes as the first case that fits", cursor, at: node.location)
            return nil
        }
        guard let propertyName = string(propertyNode, cursor / "propertyName") else { return nil }
        var result = Schema.Discriminator(propertyName: propertyName, mapping: [])
        if let mappingNode = mapping.value("mapping"), let entries = self.mapping(mappingNode, cursor / "mapping") {
            for entry in entries.entries {
                let at = cursor / "mapping" / entry.key
                guard let text = string(entry.value, at) else { continue }
                // A bare name means a schema of that name in the same file's components.
                let refText = text.contains("#") || text.contains("/") || text.hasSuffix(".yaml") || text.hasSuffix(".yml") || text.hasSuffix(".json")
                    ? text : "#/components/schemas/" + text
                guard let reference = reference(refText, from: cursor.file, at, at: entry.value.location, unresolved: "the mapping entry is left out"),
                      let root = files[reference.file] ?? nil else { continue }
                if case .missing = walk(reference.target, in: root) {
                    defect("discriminator mapping '\(entry.key)' points at '\(text)', which does not exist; the mapping entry is left out", at, at: entry.value.location)
                    continue
                }
                noteSchemaReference(reference)
                result.mapping.append((value: entry.key, reference: reference))
            }
        }
        return result
    }
}
