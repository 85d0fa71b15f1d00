/// Lines the templates print as they are. Spelling them out here keeps each template a plain layout, and cuts
/// the number of lookups the template engine makes per property, which dominates generation time on large specs.
extension StructViewModel {
    /// Each property's doc comment, attributes and declaration. Structs hold most of a large spec's code, and
    /// one lookup per line instead of seven per property halves the time spent rendering them.
    public var propertyLines: [String] {
        var lines: [String] = []
        for property in properties {
            lines += property.docLines.map { "///" + $0 }
            if property.deprecated { lines.append("@available(*, deprecated)") }
            let declaration = "\(access)var \(property.name): \(property.type)"
            if property.storedDirectly {
                lines.append(declaration)
            } else {
                lines += [
                    declaration + " {",
                    "    get { \(property.storageValue) }",
                    "    set { \(property.storageValue) = newValue }",
                    "}",
                ]
            }
        }
        return lines
    }

    /// `id, amountCaptured = "amount_captured"`: coding keys packed several to a line.
    public var codingKeyLines: [String] {
        LinePacking.pack(properties.map { $0.keyDiffers ? "\($0.codingKey) = \($0.jsonKey)" : $0.codingKey }, width: 87)
    }

    /// `_parent: Indirect<Node?>`, `_forks: [Fork]?`: the storage behind each property that is not stored directly.
    public var storage: [String] {
        properties.filter { !$0.storedDirectly }.map { "\($0.storageName): \($0.indirect ? "Indirect<\($0.type)>" : $0.type)" }
    }

    /// `name: String, limit: Int? = nil`, for an initializer that fits on one line.
    public var initParameterList: String {
        initParameters.map(\.declaration).joined(separator: ", ")
    }

    /// One parameter per line, each but the last followed by a comma.
    public var initParameterLines: [String] {
        initParameters.map { $0.declaration + ($0.isLast ? "" : ",") }
    }

    public var assignments: [String] {
        properties.map { property in
            if property.indirect { return "self.\(property.storageName) = Indirect(wrappedValue: \(property.name))" }
            return "self.\(property.storedDirectly ? property.name : property.storageName) = \(property.name)"
        }
            + (additionalProperties.map { ["self.\($0.name) = \($0.name)"] } ?? [])
    }

    public var decodeStatements: [String] {
        (properties.isEmpty ? [] : ["let container = try decoder.container(keyedBy: CodingKeys.self)"])
            + properties.map { "self.\($0.storedDirectly ? $0.name : $0.storageName) = \($0.decodeExpression)" }
            + (additionalProperties.map { extra in
                let excluding = hasCodingKeys ? ", excluding: CodingKeys.self" : ""
                return ["self.\(extra.name) = try AdditionalProperties.decode(from: decoder\(excluding))"]
            } ?? [])
    }

    public var encodeStatements: [String] {
        (properties.isEmpty ? [] : ["var container = encoder.container(keyedBy: CodingKeys.self)"])
            + properties.map { "try container.\($0.encodeMethod)(self.\($0.storedDirectly ? $0.name : $0.storageValue), forKey: .\($0.codingKey))" }
            + (additionalProperties.map { ["try AdditionalProperties.encode(self.\($0.name), to: encoder)"] } ?? [])
    }
}

extension PropertyViewModel {
    /// A property on a reference cycle lives in an `Indirect` box, and a deprecated one behind a private stored
    /// property, so the initializer and coding never touch the deprecated name and compile without warnings.
    public var storedDirectly: Bool { storageName.isEmpty }

    /// What the computed property reads and writes: `_parent.wrappedValue`, `_forks`.
    public var storageValue: String { indirect ? storageName + ".wrappedValue" : storageName }
}

extension EnumViewModel {
    /// `active, inProgress, canceled`: case names packed several to a line.
    public var caseLines: [String] {
        LinePacking.pack(cases.map(\.name), width: 91)
    }
}

extension ParameterViewModel {
    /// `limit: Int? = nil`
    var declaration: String {
        defaultValue.map { "\(name): \(type) = \($0)" } ?? "\(name): \(type)"
    }
}

enum LinePacking {
    /// Joins items with ", " into lines of at most `width` characters; an item longer than that has a line
    /// of its own. Every line but the last ends where an item ends, so each stays a valid list of cases.
    static func pack(_ items: [String], width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for item in items {
            if current.isEmpty {
                current = item
            } else if current.count + 2 + item.count <= width {
                current += ", " + item
            } else {
                lines.append(current)
                current = item
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
