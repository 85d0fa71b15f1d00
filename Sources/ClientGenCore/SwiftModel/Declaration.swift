/// A type the module declares.
public enum Declaration: Sendable {
    case structure(StructModel)
    case enumeration(EnumModel)
    case union(UnionModel)
    case alias(AliasModel)
    case form(FormModel)
    case output(OutputModel)

    public var name: String {
        switch self {
        case .structure(let value): value.name
        case .enumeration(let value): value.name
        case .union(let value): value.name
        case .alias(let value): value.name
        case .form(let value): value.name
        case .output(let value): value.name
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
    public var coding: Coding = .keyed

    /// How the struct meets JSON.
    public enum Coding: Sendable, Hashable {
        /// An object with a key for each property.
        case keyed
        /// An `anyOf` whose branches a value can match together: each property holds one branch, decoded from the
        /// whole value when it matches, so every key that any matching branch declares is kept. The branches in
        /// `objectBranches` are objects and are encoded together into one; any other that is present is the whole
        /// value and is encoded alone.
        case everyMatchingBranch(objectBranches: [String: ObjectBranch])
    }

    public struct ObjectBranch: Sendable, Hashable {
        /// Keys the branch requires whose values may be null: its struct reads their absence as nil, so a value
        /// without them would seem to match the branch, and would come back with them as null.
        public var requiredNullableKeys: [String]
    }
}

public struct AdditionalPropertiesModel: Sendable {
    public var name: String
    public var valueType: SwiftType
}

public struct PropertyModel: Sendable {
    public var name: String
    /// The key as the spec writes it; empty for a branch of an `everyMatchingBranch` struct, which has no key.
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
    public var selection: Selection

    public struct Case: Sendable, Hashable {
        public var name: String
        public var type: SwiftType
        /// The keys this case's object declares that not every other object case does; what `.mostKeys` counts.
        public var distinctKeys: [String] = []
    }

    /// How a received value finds its case.
    public enum Selection: Sendable {
        /// A property's value names the case.
        case discriminator(Discriminator)
        /// Of the cases that decode, the one declaring the most of the keys the value has, the first on a tie: cases
        /// that decode leniently (unknown keys ignored, patterns unchecked) would otherwise all take the first one.
        case mostKeys
        /// The first case that decodes: the cases take values of different JSON types, or cannot be told apart.
        case firstThatDecodes
    }

    public struct Discriminator: Sendable {
        /// The property as the spec writes it.
        public var propertyName: String
        /// Every value that selects each case, in the order the mapping lists them.
        public var mappings: [(values: [String], caseName: String)]
        /// Cases of values that are not objects (a string beside tagged objects), tried before the property is read.
        public var valueCases: [String]
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

/// What a method returns when its documented successes carry different bodies (GitHub's 201 `Deployment` and 202
/// `{message}`): a case per status, each holding that status's body.
public struct OutputModel: Sendable {
    public var name: String
    /// `POST /repos/{owner}/{repo}/deployments`: the request it answers, for its doc comment.
    public var request: String
    public var cases: [Case]

    public struct Case: Sendable, Hashable {
        public var name: String
        /// Nil for a status without a body.
        public var payload: SwiftType?
        /// `202` and the response's description: what the case's doc comment says.
        public var status: String
        public var description: String?
    }
}
