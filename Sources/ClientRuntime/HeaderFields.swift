/// HTTP header fields in the order they were added. Names compare case-insensitively because HTTP says
/// they do, and a field may repeat because some (`Set-Cookie`) cannot be folded into one line.
public struct HeaderFields: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public private(set) var fields: [Field] = []

    public init() {}

    public init(_ fields: [Field]) {
        self.fields = fields
    }

    /// The fields whose values are present, in order: optional values of generated code become headers only when set.
    public init(values: [(String, String?)]) {
        fields = values.compactMap { name, value in value.map { Field(name: name, value: $0) } }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// All values of `name` joined with `, ` (the HTTP folding rule); setting replaces every field of that name.
    public subscript(name: String) -> String? {
        get {
            let values = self.values(forHeader: name)
            return values.isEmpty ? nil : values.joined(separator: ", ")
        }
        set {
            guard let newValue, let first = fields.firstIndex(where: { Self.equal($0.name, name) }) else {
                remove(name)
                if let newValue { fields.append(Field(name: name, value: newValue)) }
                return
            }
            fields[first].value = newValue
            fields = fields.enumerated().filter { $0.offset <= first || !Self.equal($0.element.name, name) }.map(\.element)
        }
    }

    public func value(forHeader name: String) -> String? {
        self[name]
    }

    public func values(forHeader name: String) -> [String] {
        fields.filter { Self.equal($0.name, name) }.map(\.value)
    }

    public func contains(_ name: String) -> Bool {
        fields.contains { Self.equal($0.name, name) }
    }

    public mutating func add(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { Self.equal($0.name, name) }
    }

    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    public var description: String {
        fields.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
    }

    static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.lowercased() == b.lowercased()
    }
}
