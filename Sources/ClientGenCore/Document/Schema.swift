/// A JSON Schema object as OpenAPI 3.0 and 3.1 write it, reduced to what code generation needs.
public struct Schema: Sendable {
    public enum JSONType: String, Sendable, Hashable, CaseIterable {
        case string, number, integer, boolean, object, array, null
    }

    public indirect enum AdditionalProperties: Sendable {
        case allowed(Bool)
        case schema(Schema)
    }

    public struct Property: Sendable {
        public var name: String
        public var schema: Schema

        public init(name: String, schema: Schema) {
            self.name = name
            self.schema = schema
        }
    }

    public struct Discriminator: Sendable {
        public var propertyName: String
        /// Discriminator value → the reference it selects, in the order written.
        public var mapping: [(value: String, reference: Reference)]

        public init(propertyName: String, mapping: [(value: String, reference: Reference)]) {
            self.propertyName = propertyName
            self.mapping = mapping
        }
    }

    public var source: SourceRange
    /// Set for `$ref` schemas. In 3.0 siblings of `$ref` are ignored; in 3.1 they are kept beside it.
    public var reference: Reference?
    /// Nil when the schema names no type; 3.1's `type: [string, "null"]` keeps both.
    public var types: [JSONType]?
    public var format: String?
    public var title: String?
    public var description: String?
    public var enumValues: [JSONLiteral]?
    public var constValue: JSONLiteral?
    public var defaultValue: JSONLiteral?
    public var example: JSONLiteral?
    /// OpenAPI 3.0's `nullable: true`.
    public var nullable = false
    public var properties: [Property] = []
    public var required: [String] = []
    public var additionalProperties: AdditionalProperties?
    @Indirect public var items: Schema? = nil
    public var allOf: [Schema] = []
    public var anyOf: [Schema] = []
    public var oneOf: [Schema] = []
    @Indirect public var not: Schema? = nil
    public var discriminator: Discriminator?
    public var deprecated = false
    public var readOnly = false
    public var writeOnly = false
    public var constraints = Constraints()
    public var extensions: [String: SpecExtension] = [:]
    /// `x-swift-name`: replaces whatever name the translator would choose.
    public var swiftName: String?

    public init(source: SourceRange) {
        self.source = source
    }

    public struct Constraints: Sendable, Hashable {
        public var minimum: Double?
        public var maximum: Double?
        public var exclusiveMinimum: Double?
        public var exclusiveMaximum: Double?
        public var multipleOf: Double?
        public var minLength: Int?
        public var maxLength: Int?
        public var pattern: String?
        public var minItems: Int?
        public var maxItems: Int?
        public var uniqueItems = false
        public var minProperties: Int?
        public var maxProperties: Int?

        public init() {}
    }

    /// The schema's types less `null`: what a value is when it is present.
    public var nonNullTypes: [JSONType]? {
        types?.filter { $0 != .null }
    }

    /// Whether JSON `null` is a valid value, in any of the ways 3.0 and 3.1 say so.
    public var allowsNull: Bool {
        nullable || types?.contains(.null) == true || enumValues?.contains(.null) == true
    }
}
