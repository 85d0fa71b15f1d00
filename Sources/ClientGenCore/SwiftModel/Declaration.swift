/// A type the module declares.
public enum Declaration: Sendable {
    case structure(StructModel)
    case enumeration(EnumModel)
    case union(UnionModel)
    case alias(AliasModel)
    case form(FormModel)

    public var name: String {
        switch self {
        case .structure(let value): value.name
        case .enumeration(let value): value.name
        case .union(let value): value.name
        case .alias(let value): value.name
        case .form(let value): value.name
        }
    }
}

/// What a schema's doc comment says: its title and description, and whether it is deprecated.
public struct Documentation: Sendable, Hashable {
    public var title: String?
    public var description: String?
    public var deprecated: Bool

    public init(title: String? = nil, description: String? = nil, deprecated: Bool = false) {
        self.title = title
        self.description = description
        self.deprecated = deprecated
    }
}

public struct StructModel: Sendable {
    public var name: String
    public var documentation: Documentation
    public var properties: [PropertyModel]
    /// Members the schema does not name, kept in a dictionary property.
    public var additionalProperties: AdditionalPropertiesModel?
}

public struct AdditionalPropertiesModel: Sendable {
    public var name: String
    public var valueType: SwiftType
}

public struct PropertyModel: Sendable {
    public var name: String
    /// The key as the spec writes it.
    public var jsonKey: String
    /// Optional when the key may be absent or null.
    public var type: SwiftType
    public var documentation: Documentation
    /// Used when the key is absent, and as the initializer's default.
    public var defaultValue: SwiftValue?
    /// A required key whose value may be null: written as `null` when nil, which synthesized coding would omit.
    public var encodesNull: Bool
    /// The private stored property behind this one, when it is not stored directly: a deprecated property
    /// (whose own name warns when assigned) or one on a reference cycle.
    public var storageName: String?
    /// Stored in an `Indirect` box, because the struct contains itself through this property.
    public var indirect: Bool
}

public struct EnumModel: Sendable {
    public var name: String
    public var documentation: Documentation
    public var rawType: BuiltinType
    public var cases: [EnumCase]

    public struct EnumCase: Sendable, Hashable {
        public var name: String
        public var value: JSONLiteral
    }
}

public struct UnionModel: Sendable {
    public var name: String
    public var documentation: Documentation
    /// A case holds a value of the union's own type, directly or through others.
    public var indirect: Bool
    public var cases: [Case]
    public var discriminator: Discriminator?

    public struct Case: Sendable, Hashable {
        public var name: String
        public var type: SwiftType
    }

    public struct Discriminator: Sendable {
        /// The property as the spec writes it.
        public var propertyName: String
        /// Every value that selects each case, in the order the mapping lists them.
        public var mappings: [(values: [String], caseName: String)]
    }
}

public struct AliasModel: Sendable {
    public var name: String
    public var documentation: Documentation
    public var target: SwiftType
}

/// The parts of a `multipart/form-data` request body, one property each, and the headers its encoding gives them.
public struct FormModel: Sendable {
    public var name: String
    public var documentation: Documentation
    public var fields: [FormField]
}

public struct FormField: Sendable {
    public var name: String
    /// Optional for parts that may be left out.
    public var type: SwiftType
    public var defaultValue: SwiftValue?
    public var documentation: Documentation
    public var role: Role

    public enum Role: Sendable, Hashable {
        /// A part named `name`: text for a single value, one part per element for a list of values, a file, one
        /// part per file, or JSON for anything else; `headers` maps header names to the fields holding them.
        case part(name: String, kind: PartKind, contentType: String?, headers: [HeaderField])
        /// The value of a header of another part, kept in a field of its own.
        case header
    }

    public enum PartKind: Sendable, Hashable {
        case text, texts, file, files, json
    }

    public struct HeaderField: Sendable, Hashable {
        public var header: String
        public var field: String
    }
}
