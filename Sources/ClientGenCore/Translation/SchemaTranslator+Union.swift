extension SchemaTranslator {
    /// One alternative of a union, with what its schema says of the objects it takes.
    private struct Branch {
        var unionCase: UnionModel.Case
        /// Nil when the branch takes values that are not objects.
        var object: GatheredObject?
        /// A number, string, boolean, array or enum: a value told apart from objects by its JSON type alone.
        var isPlainValue: Bool
    }

    /// A `oneOf`/`anyOf` becomes an enum with a case per alternative type, and decides how a received value finds
    /// its case: by a discriminator (the spec's, or a property every object case requires with a value of its own),
    /// by the keys it has, or by JSON type. An `anyOf` whose object branches a value can match together becomes a
    /// struct holding every branch that matches instead, so that no key a matching branch declares is dropped.
    mutating func union(_ schema: Schema, branches schemas: [Schema], name: String, documentation: Documentation) -> Declaration {
        var caseScope = NameScope()
        var branches: [Branch] = []
        var caseByReference: [Reference.Target: String] = [:]
        var seenTypes: Set<SwiftType> = []
        for (index, branch) in schemas.enumerated() {
            let usage = usage(of: branch, suggestedName: name + Self.caseSuffix(branch, index: index))
            guard seenTypes.insert(usage.type).inserted else { continue }
            // A type lifted out of the union is named after it (`Choice` + `ByName`); its case needs only the rest.
            var ownPart: String?
            if branch.reference == nil, case .declared(let lifted) = usage.type, lifted.count > name.count, lifted.hasPrefix(name) {
                ownPart = String(lifted.dropFirst(name.count))
            }
            let caseName = caseScope.claim(ownPart.map(Naming.memberName) ?? Self.caseName(for: usage.type))
            if let reference = branch.reference {
                caseByReference[reference.target] = caseName
            }
            let shaped = shapeTarget(branch)
            branches.append(Branch(
                unionCase: UnionModel.Case(name: caseName, type: usage.type),
                object: shaped.shape.isStructure ? gathered(shaped.schema) : nil,
                isPlainValue: shaped.shape.isPlainValue
            ))
        }
        let objects = branches.filter { $0.object != nil }
        var cases = branches.map(\.unionCase)
        let selection: UnionModel.Selection
        if let discriminator = discriminator(of: schema, branches: branches, schemas: schemas, caseByReference: caseByReference) {
            selection = .discriminator(discriminator)
        } else if objects.count > 1, !schema.anyOf.isEmpty {
            return .structure(everyMatchingBranch(branches, name: name, documentation: documentation))
        } else if case let distinct = Self.distinctKeys(objects), distinct.values.contains(where: { !$0.isEmpty }) {
            for index in cases.indices {
                cases[index].distinctKeys = distinct[cases[index].name] ?? []
            }
            selection = .mostKeys
        } else {
            selection = .firstThatDecodes
        }
        return .union(UnionModel(name: name, documentation: documentation, indirect: false, cases: cases, selection: selection))
    }

    /// The spec's discriminator when its mapping names a case, else one that the object branches imply when every
    /// other branch is a plain value.
    private func discriminator(
        of schema: Schema, branches: [Branch], schemas: [Schema], caseByReference: [Reference.Target: String]
    ) -> UnionModel.Discriminator? {
        let valueCases = branches.filter(\.isPlainValue).map(\.unionCase.name)
        if let explicit = schema.discriminator {
            let mappings = Self.mappings(of: explicit, branches: schemas, caseByReference: caseByReference)
            if !mappings.isEmpty {
                return UnionModel.Discriminator(propertyName: explicit.propertyName, mappings: mappings, valueCases: valueCases)
            }
        }
        let objects = branches.filter { $0.object != nil }
        guard objects.count > 1, objects.count + valueCases.count == branches.count,
              let tag = Self.impliedDiscriminator(objects, resolve: resolve) else { return nil }
        return UnionModel.Discriminator(propertyName: tag.property, mappings: tag.mappings, valueCases: valueCases)
    }

    /// The struct an `anyOf` of objects becomes: an optional property per branch.
    private func everyMatchingBranch(_ branches: [Branch], name: String, documentation: Documentation) -> StructModel {
        let properties = branches.map { branch in
            PropertyModel(
                name: branch.unionCase.name, jsonKey: "", type: branch.unionCase.type.optional, documentation: Documentation(),
                defaultValue: nil, encodesNull: false, storageName: nil, indirect: false
            )
        }
        var objects: [String: StructModel.ObjectBranch] = [:]
        for branch in branches {
            guard let object = branch.object else { continue }
            let keys = object.properties.filter { property in
                (property.required || object.required.contains(property.jsonKey)) && isNullable(property.schema)
            }
            objects[branch.unionCase.name] = StructModel.ObjectBranch(requiredNullableKeys: keys.map(\.jsonKey))
        }
        return StructModel(
            name: name, documentation: documentation, properties: properties, additionalProperties: nil,
            coding: .everyMatchingBranch(objectBranches: objects)
        )
    }

    /// The schema a branch stands for once references and wrappers are followed, and its shape.
    private func shapeTarget(_ branch: Schema) -> (schema: Schema, shape: SchemaShape) {
        var current = branch
        for _ in 0..<Self.maxInlineNesting {
            if current.reference != nil {
                guard let target = resolve(current) else { break }
                current = target
                continue
            }
            let shape = SchemaShape(current, resolve: resolve)
            guard case .passthrough(let inner, _) = shape else { return (current, shape) }
            current = inner
        }
        return (current, .freeForm)
    }

    private func gathered(_ schema: Schema) -> GatheredObject {
        var object = GatheredObject()
        var visited: Set<Reference.Target> = []
        gather(schema, into: &object, visited: &visited, optionalOnly: false)
        return object
    }

    /// The spec's mapping, and branches it does not name by their schema names (the implicit mapping).
    private static func mappings(
        of discriminator: Schema.Discriminator, branches: [Schema], caseByReference: [Reference.Target: String]
    ) -> [(values: [String], caseName: String)] {
        var entries = discriminator.mapping
        let mapped = Set(entries.map { $0.reference.target })
        entries += branches.compactMap { branch in
            branch.reference.flatMap { mapped.contains($0.target) ? nil : ($0.name, $0) }
        }
        var mappings: [(values: [String], caseName: String)] = []
        for entry in entries {
            guard let caseName = caseByReference[entry.reference.target] else { continue }
            if let index = mappings.firstIndex(where: { $0.caseName == caseName }) {
                mappings[index].values.append(entry.value)
            } else {
                mappings.append(([entry.value], caseName))
            }
        }
        return mappings
    }

    /// A property every object branch requires with one string value of its own (`type: threeDS2`, `object: card`):
    /// the value says which branch an object is, as a discriminator would. `type`, `object` and `kind` are
    /// preferred, then names in order.
    private static func impliedDiscriminator(
        _ objects: [Branch], resolve: (Schema) -> Schema?
    ) -> (property: String, mappings: [(values: [String], caseName: String)])? {
        let tags = objects.map { branch in Self.tags(of: branch.object!, resolve: resolve) }
        let shared = tags.dropFirst().reduce(Set(tags[0].keys)) { $0.intersection($1.keys) }
        let preferred = ["type", "object", "kind"]
        let candidates = shared.sorted { (preferred.firstIndex(of: $0) ?? 3, $0) < (preferred.firstIndex(of: $1) ?? 3, $1) }
        for property in candidates {
            let values = tags.map { $0[property]! }
            guard Set(values).count == values.count else { continue }
            return (property, zip(values, objects).map { ([$0], $1.unionCase.name) })
        }
        return nil
    }

    /// The required properties of an object that hold one string value: a `const`, or an `enum` of one.
    private static func tags(of object: GatheredObject, resolve: (Schema) -> Schema?) -> [String: String] {
        var tags: [String: String] = [:]
        for property in object.properties where property.required || object.required.contains(property.jsonKey) {
            var schema = property.schema
            for _ in 0..<8 {
                if schema.reference != nil, let target = resolve(schema) {
                    schema = target
                } else if schema.allOf.count == 1, schema.constValue == nil, schema.enumValues == nil {
                    schema = schema.allOf[0]
                } else {
                    break
                }
            }
            if let constant = schema.constValue?.string {
                tags[property.jsonKey] = constant
            } else if let values = schema.enumValues?.filter({ $0 != .null }), values.count == 1, let only = values[0].string {
                tags[property.jsonKey] = only
            }
        }
        return tags
    }

    /// For each object case, the keys it declares that some other object case does not.
    private static func distinctKeys(_ objects: [Branch]) -> [String: [String]] {
        guard objects.count > 1 else { return [:] }
        let keySets = objects.map { Set($0.object!.properties.map(\.jsonKey)) }
        let common = keySets.dropFirst().reduce(keySets[0]) { $0.intersection($1) }
        var result: [String: [String]] = [:]
        for branch in objects {
            result[branch.unionCase.name] = branch.object!.properties.map(\.jsonKey).filter { !common.contains($0) }
        }
        return result
    }

    private static func caseSuffix(_ branch: Schema, index: Int) -> String {
        if let title = branch.title { return Naming.typeName(title) }
        return "Case\(index + 1)"
    }

    /// `String` → `string`, `[Pet]` → `petArray`, `QueryResult` → `queryResult`.
    private static func caseName(for type: SwiftType) -> String {
        switch type {
        case .builtin(.string): "string"
        case .builtin(.int), .builtin(.int32), .builtin(.int64): "integer"
        case .builtin(.double): "number"
        case .builtin(.bool): "boolean"
        case .builtin(.jsonValue): "value"
        case .dictionary: "object"
        case .array(let element): Naming.memberName(element.spelling) + "Array"
        default: Naming.memberName(type.spelling)
        }
    }
}

extension SchemaShape {
    var isStructure: Bool {
        if case .structure = self { true } else { false }
    }

    /// Values that can never be objects.
    var isPlainValue: Bool {
        switch self {
        case .primitive, .enumeration, .array: true
        case .passthrough, .structure, .union, .dictionary, .freeForm: false
        }
    }
}
