extension SchemaTranslator {
    /// A property gathered from a schema and the `allOf` parts it is made of.
    struct GatheredProperty {
        var jsonKey: String
        var schema: Schema
        var required: Bool
    }

    struct GatheredObject {
        var properties: [GatheredProperty] = []
        var required: Set<String> = []
        /// `required`, in the order the names are first written.
        var requiredInOrder: [String] = []
        var additionalProperties: Schema.AdditionalProperties?

        mutating func require(_ names: [String]) {
            for name in names where required.insert(name).inserted {
                requiredInOrder.append(name)
            }
        }

        mutating func add(_ property: GatheredProperty) {
            if let index = properties.firstIndex(where: { $0.jsonKey == property.jsonKey }) {
                properties[index].schema = property.schema
                properties[index].required = properties[index].required || property.required
            } else {
                properties.append(property)
            }
        }
    }

    mutating func structure(_ schema: Schema, name: String, documentation: Documentation) -> StructModel {
        var object = GatheredObject()
        var visited: Set<Reference.Target> = []
        gather(schema, into: &object, visited: &visited, optionalOnly: false)
        // A name that `required` lists and no part declares must still be sent and is still received: it is a
        // property typed as the additional properties are, or untyped.
        for key in object.requiredInOrder where !object.properties.contains(where: { $0.jsonKey == key }) {
            var valueSchema = Schema(source: SourceRange(file: schema.source.file, location: schema.source.location, path: schema.source.path / "required"))
            if case .schema(let values) = object.additionalProperties { valueSchema = values }
            object.add(GatheredProperty(jsonKey: key, schema: valueSchema, required: true))
        }

        var memberScope = NameScope()
        var additionalProperties: AdditionalPropertiesModel?
        if let additional = object.additionalProperties {
            var valueType: SwiftType?
            switch additional {
            case .schema(let values):
                valueType = usage(of: values, suggestedName: name + "AdditionalProperty").nullableType
            case .allowed(true):
                valueType = .json
            case .allowed(false):
                break
            }
            if let valueType {
                additionalProperties = AdditionalPropertiesModel(name: memberScope.claim("additionalProperties"), valueType: valueType)
            }
        }

        let memberNames = object.properties.map { gathered in
            var baseName = gathered.schema.swiftName ?? Naming.memberName(gathered.jsonKey)
            // An initializer parameter named `self` would hide `self` from the assignments in its body.
            if baseName == "self" { baseName = "selfValue" }
            return memberScope.claim(baseName)
        }
        // Assigning a deprecated property warns even in its own type's initializer, so it is stored behind a
        // private one, named after every member is, so that it never takes a member's name.
        let storageNames = zip(object.properties, memberNames).map { gathered, memberName in
            gathered.schema.deprecated ? memberScope.claim("_" + memberName) : nil
        }
        var properties: [PropertyModel] = []
        for (index, gathered) in object.properties.enumerated() {
            let propertySchema = gathered.schema
            let memberName = memberNames[index]
            let usage = usage(of: propertySchema, suggestedName: name + Naming.typeName(gathered.jsonKey))
            let required = gathered.required || object.required.contains(gathered.jsonKey)
            // A nullable property decodes null as nil, so a default would never apply to it.
            let defaultValue = usage.nullable ? nil : (resolve(propertySchema)?.defaultValue ?? propertySchema.annotated(\.defaultValue))
                .flatMap { value($0, as: usage.type) }
            let optional = usage.nullable || (!required && defaultValue == nil)
            properties.append(PropertyModel(
                name: memberName,
                jsonKey: gathered.jsonKey,
                type: optional ? usage.type.optional : usage.type,
                documentation: Documentation(
                    title: propertySchema.annotated(\.title).flatMap { Naming.memberName($0) == memberName ? nil : $0 },
                    description: propertySchema.annotated(\.description),
                    deprecated: propertySchema.deprecated
                ),
                defaultValue: defaultValue,
                encodesNull: required && usage.nullable,
                storageName: storageNames[index],
                indirect: false
            ))
        }
        return StructModel(name: name, documentation: documentation, properties: properties, additionalProperties: additionalProperties)
    }

    /// Collects the properties of `schema` and of every `allOf` part, following references. Branches of a
    /// `oneOf`/`anyOf` beside declared properties contribute optional properties: the struct can hold any of them.
    /// Parts come before the schema's own properties, in the order written; a work list stands in for recursion,
    /// since a chain of `allOf` references is as long as the spec makes it.
    func gather(_ schema: Schema, into object: inout GatheredObject, visited: inout Set<Reference.Target>, optionalOnly: Bool) {
        enum Step {
            case visit(Schema, optionalOnly: Bool)
            case own(Schema, optionalOnly: Bool)
        }
        var steps: [Step] = [.visit(schema, optionalOnly: optionalOnly)]
        while let step = steps.popLast() {
            switch step {
            case .visit(let schema, let optionalOnly):
                if let reference = schema.reference {
                    guard visited.insert(reference.target).inserted, let target = resolve(schema) else { continue }
                    steps.append(.visit(target, optionalOnly: optionalOnly))
                    continue
                }
                if !schema.properties.isEmpty || !schema.allOf.isEmpty {
                    for branch in (schema.oneOf + schema.anyOf).reversed() where branch.hasShape {
                        steps.append(.visit(branch, optionalOnly: true))
                    }
                }
                steps.append(.own(schema, optionalOnly: optionalOnly))
                for part in schema.allOf.reversed() {
                    steps.append(.visit(part, optionalOnly: optionalOnly))
                }
            case .own(let schema, let optionalOnly):
                for property in schema.properties {
                    let required = !optionalOnly && schema.required.contains(property.name)
                    object.add(GatheredProperty(jsonKey: property.name, schema: property.schema, required: required))
                }
                if !optionalOnly {
                    object.require(schema.required)
                }
                if let additional = schema.additionalProperties {
                    object.additionalProperties = additional
                }
            }
        }
    }
}
