/// A YAML (or JSON) document as a tree in which every node remembers where it was written, after Yams' node
/// tree with source marks, so every later stage can point at the line a problem comes from.
public enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case mapping(YAMLMapping)
    case sequence(YAMLSequence)

    public var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .mapping(let mapping): mapping.location
        case .sequence(let sequence): sequence.location
        }
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = self { scalar } else { nil }
    }

    public var mapping: YAMLMapping? {
        if case .mapping(let mapping) = self { mapping } else { nil }
    }

    public var sequence: YAMLSequence? {
        if case .sequence(let sequence) = self { sequence } else { nil }
    }

    /// How the node reads to a person: `a mapping`, `a string`, used in "expected X, found Y" messages.
    public var kindDescription: String {
        switch self {
        case .scalar(let scalar):
            if scalar.isNull { return "null" }
            if scalar.bool != nil { return "a boolean" }
            if scalar.int != nil || scalar.double != nil { return "a number" }
            return "a string"
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        }
    }
}

public struct YAMLScalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
    }

    public var value: String
    public var style: Style
    /// An explicit tag such as `!!str`; nil when the scalar's type is implied by its text.
    public var tag: String?
    public var location: SourceLocation

    public init(_ value: String, style: Style = .plain, tag: String? = nil, location: SourceLocation) {
        self.value = value
        self.style = style
        self.tag = tag
        self.location = location
    }

    /// Only plain, untagged scalars take a type from their text (YAML 1.2 core schema); `"200"` and `!!str 200`
    /// stay strings.
    private var isImplicit: Bool { style == .plain && tag == nil }

    public var isNull: Bool {
        if tag == "tag:yaml.org,2002:null" { return true }
        guard isImplicit else { return false }
        switch value {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    public var bool: Bool? {
        guard isImplicit || tag == "tag:yaml.org,2002:bool" else { return nil }
        switch value {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    public var int: Int? {
        guard isImplicit || tag == "tag:yaml.org,2002:int" else { return nil }
        var text = Substring(value)
        var negative = false
        if let sign = text.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            text = text.dropFirst()
        }
        guard !text.isEmpty else { return nil }
        let magnitude: Int?
        if text.hasPrefix("0x") {
            magnitude = Int(text.dropFirst(2), radix: 16)
        } else if text.hasPrefix("0o") {
            magnitude = Int(text.dropFirst(2), radix: 8)
        } else if text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            magnitude = Int(text)
        } else {
            magnitude = nil
        }
        guard let magnitude else { return nil }
        return negative ? -magnitude : magnitude
    }

    public var double: Double? {
        guard isImplicit || tag == "tag:yaml.org,2002:float" else { return nil }
        switch value {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        guard let first = value.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
        return Double(value)
    }
}

public struct YAMLMapping: Sendable {
    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: YAMLNode

        public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    /// Entries in the order written: generated code follows the spec's order, never a hash order.
    public var entries: [Entry]
    public var location: SourceLocation

    public init(entries: [Entry], location: SourceLocation) {
        self.entries = entries
        self.location = location
    }

    public subscript(key: String) -> YAMLNode? {
        entry(key)?.value
    }

    public func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    public var keys: [String] { entries.map(\.key) }
}

public struct YAMLSequence: Sendable {
    public var items: [YAMLNode]
    public var location: SourceLocation

    public init(items: [YAMLNode], location: SourceLocation) {
        self.items = items
        self.location = location
    }
}
