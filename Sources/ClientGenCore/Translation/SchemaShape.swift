/// What Swift construct a schema becomes, decided once so that declaring a type and referring to it agree.
enum SchemaShape {
    /// A wrapper such as `allOf: [$ref]` with a `default`: it is its one part.
    case passthrough(Schema, nullable: Bool)
    case structure
    case enumeration(rawType: BuiltinType, values: [JSONLiteral])
    case union([Schema])
    case array(items: Schema?)
    case dictionary(values: Schema?)
    case primitive(BuiltinType)
    case freeForm

    init(_ schema: Schema, resolve: (Schema) -> Schema?) {
        let composed = schema.anyOf + schema.oneOf
        if !schema.allOf.isEmpty {
            let shapedBranches = composed.filter { $0.hasShape && !$0.isNullOnly }
            // `allOf: [{$ref: X}, {description: …}]`, as AWS writes every documented property: parts that only
            // annotate leave the one part with a shape, which the schema is.
            let shapedParts = schema.allOf.count == 1 ? schema.allOf : schema.allOf.filter(\.hasShape)
            if shapedParts.count == 1, schema.properties.isEmpty, shapedBranches.isEmpty {
                self = .passthrough(shapedParts[0], nullable: schema.allowsNull || schema.allOf.contains { !$0.hasShape && $0.allowsNull })
                return
            }
            let parts = schema.allOf.map { resolve($0) ?? $0 }
            if !schema.properties.isEmpty || parts.contains(where: \.isObjectLike) {
                self = .structure
            } else if let first = schema.allOf.first(where: \.hasShape) {
                self = .passthrough(first, nullable: schema.allowsNull)
            } else {
                self = .freeForm
            }
            return
        }
        if !composed.isEmpty {
            let hasNullBranch = composed.contains(where: \.isNullOnly)
            let branches = composed.filter { $0.hasShape && !$0.isNullOnly }
            if !schema.properties.isEmpty {
                self = .structure
            } else if branches.count > 1 {
                self = .union(branches)
            } else if let only = branches.first {
                self = .passthrough(only, nullable: hasNullBranch || schema.allowsNull)
            } else {
                self = Self(typeOnly: schema)
            }
            return
        }
        // A one-value enum is a constant tag (`object: [customer]`): an open enum of one case would offer nothing
        // over the plain value, at many times the code, so it stays a String or Int.
        if let values = schema.enumValues?.filter({ $0 != .null }), values.count > 1 {
            let types = schema.nonNullTypes ?? []
            if values.allSatisfy({ $0.string != nil }), types.isEmpty || types == [.string] {
                self = .enumeration(rawType: .string, values: values)
                return
            }
            if values.allSatisfy({ if case .int = $0 { true } else { false } }), types.isEmpty || types == [.integer] {
                self = .enumeration(rawType: .int, values: values)
                return
            }
        }
        self = Self(typeOnly: schema)
    }

    /// The shape from `type`, `format`, `properties`, `items` alone.
    private init(typeOnly schema: Schema) {
        var types = schema.nonNullTypes ?? []
        if types.isEmpty, let constant = schema.constValue {
            types = constant.jsonTypes
        }
        if types.isEmpty, let values = schema.enumValues?.filter({ $0 != .null }), let first = values.first {
            types = first.jsonTypes
        }
        if types == [.integer, .number] || types == [.number, .integer] {
            types = [.number]
        }
        if types.count > 1 {
            self = .union(types.enumerated().map { index, type in
                // Each branch is placed at its entry of `type`, so that it is never taken for the schema itself.
                var branch = Schema(source: SourceRange(file: schema.source.file, location: schema.source.location, path: schema.source.path / "type" / index))
                branch.types = [type]
                branch.format = schema.format
                if type == .array { branch.items = schema.items }
                if type == .object {
                    branch.properties = schema.properties
                    branch.additionalProperties = schema.additionalProperties
                }
                return branch
            })
            return
        }
        switch types.first {
        case .string?: self = .primitive(Self.stringType(format: schema.format))
        case .integer?: self = .primitive(Self.integerType(format: schema.format))
        // `format: float` too: a JSON number read into a Float comes back as other digits (0.1 as
        // 0.10000000149011612), and a client must give back what it received.
        case .number?: self = .primitive(.double)
        case .boolean?: self = .primitive(.bool)
        case .array?: self = .array(items: schema.items)
        case .object?: self = Self(object: schema)
        case .null?: self = .freeForm
        case nil:
            if !schema.properties.isEmpty || schema.additionalProperties != nil {
                self = Self(object: schema)
            } else if schema.items != nil {
                self = .array(items: schema.items)
            } else {
                self = .freeForm
            }
        }
    }

    private init(object schema: Schema) {
        if !schema.properties.isEmpty {
            self = .structure
            return
        }
        switch schema.additionalProperties {
        case .schema(let values)?: self = .dictionary(values: values)
        case .allowed(true)?: self = .dictionary(values: nil)
        case .allowed(false)?: self = .structure
        // `type: object` and nothing more is any object, not any value: a string or a number must not decode
        // into it (a union would take the branch for a value it does not describe).
        case nil: self = .dictionary(values: nil)
        }
    }

    static func stringType(format: String?) -> BuiltinType {
        switch format {
        case "date-time": .date
        case "date": .calendarDate
        case "uuid": .uuid
        case "binary", "byte": .data
        default: .string
        }
    }

    static func integerType(format: String?) -> BuiltinType {
        switch format {
        case "int32": .int32
        case "int64": .int64
        default: .int
        }
    }
}

extension Schema {
    /// Whether the schema says anything about a value's shape, as opposed to only constraining it
    /// (`anyOf: [{required: [a]}, {required: [b]}]`).
    var hasShape: Bool {
        reference != nil || types != nil || !properties.isEmpty || items != nil || enumValues != nil
            || constValue != nil || !allOf.isEmpty || !anyOf.isEmpty || !oneOf.isEmpty
            || { if case .schema = additionalProperties { true } else { false } }()
    }

    /// `{type: "null"}` and `{enum: [null]}`: the branch that makes a composition nullable.
    var isNullOnly: Bool {
        reference == nil && (types == [.null] || enumValues == [.null])
    }

    /// What the schema says of itself, or else what an `allOf` part that only annotates says (`allOf: [{$ref: X},
    /// {description: …}]`): such a part describes the property, not the type it refers to.
    func annotated<Value>(_ field: KeyPath<Schema, Value?>) -> Value? {
        if let own = self[keyPath: field] { return own }
        guard allOf.count > 1 else { return nil }
        return allOf.lazy.filter { !$0.hasShape }.compactMap { $0[keyPath: field] }.first
    }

    var isObjectLike: Bool {
        types?.contains(.object) == true || !properties.isEmpty || !allOf.isEmpty
    }
}

extension JSONLiteral {
    var jsonTypes: [Schema.JSONType] {
        switch self {
        case .null: [.null]
        case .bool: [.boolean]
        case .int: [.integer]
        case .double: [.number]
        case .string: [.string]
        case .array: [.array]
        case .object: [.object]
        }
    }
}
