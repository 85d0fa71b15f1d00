extension SchemaTranslator {
    /// A property gathered from a schema and the `allOf` parts it is made of.
    private struct GatheredProperty {
        var jsonKey: String
        var schema: Schema
        var required: Bool
    }

    private struct GatheredObject {
        var properties: [GatheredProperty] = []
        var required: Set<String> = []
        var additionalProperties: Schema.AdditionalProperties?

        mutating func add(_ property: GatheredProperty) {
            if let index = properties.firstIndex(where: { $0.jsonKey == property.jsonKey }) {
                properties[index].schema = property.schema
                properties[index].required = properties[index].required || property.required
            } else {
                properties.append(property)
            }
        }
    }

    mutating func structure(_ schema: Schema, name: String, docLines: [String]) -> StructViewModel {
        var object = GatheredObject()
        var visited: Set<Reference.Target> = []
        gather(schema, into: &object, visited: &visited, optionalOnly: false)

        var memberScope = NameScope()
        var extraName: String?
        var extraType: String?
        if let additional = object.additionalProperties {
            switch additional {
            case .schema(let values):
                let value = usage(of: values, suggestedName: name + "AdditionalProperty")
                extraType = value.nullable ? value.optionalType : value.type
            case .allowed(true):
                extraType = "JSONValue"
            case .allowed(false):
                break
            }
            if extraType != nil {
                extraName = memberScope.claim("additionalProperties")
            }
        }

        var properties: [PropertyViewModel] = []
        var parameters: [ParameterViewModel] = []
        var needsCustomDecoding = extraType != nil
        var needsCustomEncoding = extraType != nil
        let memberNames = object.properties.map { gathered in
            var baseName = gathered.schema.swiftName ?? Naming.memberName(gathered.jsonKey)
            // An initializer parameter named `self` would hide `self` from the assignments in its body.
            if baseName == "self" { baseName = "selfValue" }
            return memberScope.claim(baseName)
        }
        // Assigning a deprecated property warns even in its own type's initializer, so it is stored behind a
        // private one, named after every member is, so that it never takes a member's name.
        let storageNames = zip(object.properties, memberNames).map { gathered, memberName in
            gathered.schema.deprecated ? memberScope.claim("_" + memberName) : ""
        }
        for (index, gathered) in object.properties.enumerated() {
            let propertySchema = gathered.schema
            let memberName = memberNames[index]
            let usage = usage(of: propertySchema, suggestedName: name + Naming.typeName(gathered.jsonKey))
            let required = gathered.required || object.required.contains(gathered.jsonKey)
            let defaultLiteral = (resolve(propertySchema)?.defaultValue ?? propertySchema.defaultValue)
                .flatMap { SwiftLiteral.value($0, as: usage) }
            let hasDefault = defaultLiteral != nil && !usage.nullable
            if hasDefault { needsCustomDecoding = true }
            let optional = usage.nullable || (!required && !hasDefault)
            let type = optional ? usage.optionalType : usage.type
            // A required key that may be null is written as `null` when nil; synthesized coding would omit it.
            let encodesNull = required && usage.nullable
            if encodesNull { needsCustomEncoding = true }
            let escaped = Naming.escapedMember(memberName)
            let storage = storageNames[index]
            let codingKey = storage.isEmpty ? escaped : storage
            let decode: String
            if hasDefault, let defaultLiteral {
                decode = "try container.decodeIfPresent(\(usage.type).self, forKey: .\(codingKey)) ?? \(defaultLiteral)"
            } else if optional {
                decode = "try container.decodeIfPresent(\(usage.type).self, forKey: .\(codingKey))"
            } else {
                decode = "try container.decode(\(usage.type).self, forKey: .\(codingKey))"
            }
            properties.append(PropertyViewModel(
                name: escaped,
                codingKey: codingKey,
                type: type,
                docLines: DocLines(
                    propertySchema.title.flatMap { Naming.memberName($0) == memberName ? nil : $0 },
                    propertySchema.description
                ).lines,
                deprecated: propertySchema.deprecated,
                indirect: false,
                storageName: storage,
                jsonKey: SwiftLiteral.string(gathered.jsonKey),
                keyDiffers: gathered.jsonKey != (storage.isEmpty ? memberName : storage),
                decodeExpression: decode,
                encodeMethod: optional && !encodesNull ? "encodeIfPresent" : "encode"
            ))
            parameters.append(ParameterViewModel(
                name: escaped,
                type: type,
                defaultValue: hasDefault ? defaultLiteral : (optional ? "nil" : nil),
                isLast: false
            ))
        }
        if let extraName, let extraType {
            parameters.append(ParameterViewModel(name: extraName, type: "[String: \(extraType)]", defaultValue: "[:]", isLast: false))
        }
        if !parameters.isEmpty {
            parameters[parameters.count - 1].isLast = true
        }
        let inlineLength = parameters.reduce(0) { $0 + $1.name.count + $1.type.count + ($1.defaultValue?.count ?? 0) + 6 }
        return StructViewModel(
            access: access,
            name: name,
            docLines: docLines,
            deprecated: schema.deprecated,
            properties: properties,
            // Declared properties need keys; a struct made only of extra members reads them all, so it has none.
            hasCodingKeys: !properties.isEmpty && (needsCustomDecoding || needsCustomEncoding || properties.contains(where: \.keyDiffers)),
            initParameters: parameters,
            initIsMultiline: parameters.count > 3 || inlineLength > 80,
            customDecoding: needsCustomDecoding,
            customEncoding: needsCustomEncoding,
            additionalProperties: extraName.flatMap { name in
                extraType.map { AdditionalPropertiesViewModel(name: name, valueType: $0) }
            }
        )
    }

    /// Collects the properties of `schema` and of every `allOf` part, following references. Branches of a
    /// `oneOf`/`anyOf` beside declared properties contribute optional properties: the struct can hold any of them.
    private func gather(_ schema: Schema, into object: inout GatheredObject, visited: inout Set<Reference.Target>, optionalOnly: Bool) {
        if let reference = schema.reference {
            guard visited.insert(reference.target).inserted, let target = resolve(schema) else { return }
            gather(target, into: &object, visited: &visited, optionalOnly: optionalOnly)
            return
        }
        for part in schema.allOf {
            gather(part, into: &object, visited: &visited, optionalOnly: optionalOnly)
        }
        for property in schema.properties {
            let required = !optionalOnly && schema.required.contains(property.name)
            object.add(GatheredProperty(jsonKey: property.name, schema: property.schema, required: required))
        }
        if !optionalOnly {
            object.required.formUnion(schema.required)
        }
        if let additional = schema.additionalProperties {
            object.additionalProperties = additional
        }
        if !schema.properties.isEmpty || !schema.allOf.isEmpty {
            for branch in schema.oneOf + schema.anyOf where branch.hasShape {
                gather(branch, into: &object, visited: &visited, optionalOnly: true)
            }
        }
    }
}
