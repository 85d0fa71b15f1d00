/// A mapping of the OpenAPI 3 tree the Swagger 2.0 converter builds, entry by entry. Every node it holds
/// carries the position of the Swagger node it stands for, so what the parser reports about it points at what
/// the user wrote.
struct MappingBuilder {
    private(set) var entries: [YAMLMapping.Entry] = []
    let location: SourceLocation

    init(at location: SourceLocation) {
        self.location = location
    }

    var isEmpty: Bool { entries.isEmpty }

    /// A key the converter writes; it points where its value was written unless told otherwise.
    mutating func add(_ key: String, _ value: YAMLNode, keyLocation: SourceLocation? = nil) {
        entries.append(YAMLMapping.Entry(key: key, keyLocation: keyLocation ?? value.location, value: value))
    }

    /// An entry kept as written.
    mutating func add(_ entry: YAMLMapping.Entry) {
        entries.append(entry)
    }

    func contains(_ key: String) -> Bool {
        entries.contains { $0.key == key }
    }

    var node: YAMLNode {
        .mapping(YAMLMapping(entries: entries, location: location))
    }
}

extension YAMLNode {
    /// Text taken from the spec or made from it, quoted so that the parser never reads it as a number, a
    /// boolean or null (a server URL of `1.0`, a media type named `null`).
    static func text(_ value: String, at location: SourceLocation) -> YAMLNode {
        .scalar(YAMLScalar(value, style: .doubleQuoted, location: location))
    }

    /// A keyword or boolean of OpenAPI 3 itself (`string`, `form`, `true`), read with its plain meaning.
    static func word(_ value: String, at location: SourceLocation) -> YAMLNode {
        .scalar(YAMLScalar(value, location: location))
    }

    static func bool(_ value: Bool, at location: SourceLocation) -> YAMLNode {
        word(value ? "true" : "false", at: location)
    }

    static func list(_ items: [YAMLNode], at location: SourceLocation) -> YAMLNode {
        .sequence(YAMLSequence(items: items, location: location))
    }

    /// A scalar's text; nil for null and for mappings and sequences.
    var text: String? {
        guard case .scalar(let scalar) = self, !scalar.isNull else { return nil }
        return scalar.value
    }
}
