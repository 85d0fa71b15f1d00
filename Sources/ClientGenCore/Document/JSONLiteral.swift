/// A JSON value written in a spec (`default`, `enum`, `const`, `example`), kept with its type so generated
/// Swift can spell it as a literal.
public indirect enum JSONLiteral: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONLiteral])
    case object([ObjectEntry])

    public struct ObjectEntry: Hashable, Sendable {
        public var key: String
        public var value: JSONLiteral

        public init(key: String, value: JSONLiteral) {
            self.key = key
            self.value = value
        }
    }

    /// Reads a node with the YAML 1.2 core schema: quoted scalars are strings, plain ones may be numbers.
    public init(_ node: YAMLNode) {
        switch node {
        case .scalar(let scalar):
            if scalar.isNull {
                self = .null
            } else if let value = scalar.bool {
                self = .bool(value)
            } else if let value = scalar.int {
                self = .int(value)
            } else if let value = scalar.double {
                self = .double(value)
            } else {
                self = .string(scalar.value)
            }
        case .sequence(let sequence):
            self = .array(sequence.items.map(JSONLiteral.init))
        case .mapping(let mapping):
            self = .object(mapping.entries.map { ObjectEntry(key: $0.key, value: JSONLiteral($0.value)) })
        }
    }

    public var string: String? {
        if case .string(let value) = self { value } else { nil }
    }

    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
