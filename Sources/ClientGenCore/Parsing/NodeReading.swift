/// Typed reads of YAML nodes. A node of the wrong kind is a defect of the element it belongs to, reported at the
/// node; the element is read without it.
extension ParseContext {
    /// A key written with no value (`parameters:`) reads as empty: the meaning is clear.
    func mapping(_ node: YAMLNode, _ cursor: Cursor) -> YAMLMapping? {
        if case .mapping(let mapping) = node { return mapping }
        if case .scalar(let scalar) = node, scalar.isNull { return YAMLMapping(entries: [], location: node.location) }
        defect("expected a mapping, found \(node.kindDescription); it is ignored", cursor, at: node.location)
        return nil
    }

    func sequence(_ node: YAMLNode, _ cursor: Cursor) -> YAMLSequence? {
        if case .sequence(let sequence) = node { return sequence }
        if case .scalar(let scalar) = node, scalar.isNull { return YAMLSequence(items: [], location: node.location) }
        defect("expected a sequence, found \(node.kindDescription); it is ignored", cursor, at: node.location)
        return nil
    }

    /// Any scalar reads as its text (`version: 1.0` is "1.0"); null is absent.
    func string(_ node: YAMLNode, _ cursor: Cursor) -> String? {
        if case .scalar(let scalar) = node {
            return scalar.isNull ? nil : scalar.value
        }
        defect("expected a string, found \(node.kindDescription); it is ignored", cursor, at: node.location)
        return nil
    }

    /// `true`/`false`, also quoted: the meaning is clear.
    func bool(_ node: YAMLNode, _ cursor: Cursor) -> Bool? {
        if case .scalar(let scalar) = node {
            if scalar.isNull { return nil }
            if let value = scalar.bool { return value }
            switch scalar.value {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        defect("expected a boolean, found \(node.kindDescription); it is ignored", cursor, at: node.location)
        return nil
    }

    func number(_ node: YAMLNode, _ cursor: Cursor) -> Double? {
        if case .scalar(let scalar) = node {
            if scalar.isNull { return nil }
            if let value = scalar.int { return Double(value) }
            if let value = scalar.double ?? Double(scalar.value) { return value }
        }
        defect("expected a number, found \(node.kindDescription); it is ignored", cursor, at: node.location)
        return nil
    }

    func int(_ node: YAMLNode, _ cursor: Cursor) -> Int? {
        if case .scalar(let scalar) = node {
            if scalar.isNull { return nil }
            if let value = scalar.int ?? Int(scalar.value) { return value }
            if let value = scalar.double, value.rounded() == value, abs(value) < 1e15 { return Int(value) }
        }
        defect("expected an integer, found \(node.kindDescription); it is ignored", cursor, at: node.location)
        return nil
    }

    func strings(_ node: YAMLNode, _ cursor: Cursor) -> [String] {
        guard let sequence = sequence(node, cursor) else { return [] }
        var result: [String] = []
        result.reserveCapacity(sequence.items.count)
        for (index, item) in sequence.items.enumerated() {
            if let value = string(item, cursor / index) { result.append(value) }
        }
        return result
    }

    /// `x-` keys of a mapping, as JSON values.
    func extensions(_ mapping: YAMLMapping, _ cursor: Cursor) -> [String: SpecExtension] {
        var result: [String: SpecExtension] = [:]
        for entry in mapping.entries where entry.key.hasPrefix("x-") {
            result[entry.key] = specExtension(entry, cursor)
        }
        return result
    }

    func specExtension(_ entry: YAMLMapping.Entry, _ cursor: Cursor) -> SpecExtension {
        SpecExtension(value: JSONLiteral(entry.value), source: source(cursor / entry.key, entry.keyLocation))
    }

    /// `x-swift-name`: a name that replaces the one derived from the spec, so it must be a Swift identifier.
    func swiftName(_ node: YAMLNode, _ cursor: Cursor) -> String? {
        guard let problem = Naming.problemWithSwiftName(JSONLiteral(node)) else { return node.scalar?.value }
        warning(problem, cursor, at: node.location)
        return nil
    }
}

extension YAMLMapping {
    /// The value of a key written in the mapping, looked up by a linear scan: for the small objects of a spec.
    func value(_ key: String) -> YAMLNode? {
        for entry in entries where entry.key == key { return entry.value }
        return nil
    }

    /// The `$ref` of a reference object, if this is one.
    var refEntry: Entry? {
        for entry in entries where entry.key == "$ref" { return entry }
        return nil
    }
}
