/// Security schemes and the requirements that name them.
extension ParseContext {
    func securitySchemes(_ node: YAMLNode, _ cursor: Cursor) -> [SecurityScheme] {
        guard let mapping = self.mapping(node, cursor) else { return [] }
        var result: [SecurityScheme] = []
        for entry in mapping.entries {
            if let scheme = securityScheme(named: entry.key, entry.value, cursor / entry.key) {
                result.append(scheme)
            }
        }
        return result
    }

    private func securityScheme(named name: String, _ node: YAMLNode, _ cursor: Cursor) -> SecurityScheme? {
        guard let (node, cursor, _) = followReferences(node, cursor, unresolved: "the scheme is left out"),
              let mapping = self.mapping(node, cursor) else { return nil }
        func required(_ key: String) -> String? {
            guard let value = mapping.value(key) else {
                defect("\(mappingKind(mapping)) security scheme has no '\(key)'; the scheme is left out", cursor, at: node.location)
                return nil
            }
            return string(value, cursor / key)
        }
        guard let type = required("type") else { return nil }
        let kind: SecurityScheme.Kind
        switch type {
        case "apiKey":
            guard let parameterName = required("name"), let locationText = required("in") else { return nil }
            guard let location = SecurityScheme.APIKeyLocation(rawValue: locationText) else {
                defect("invalid API key location '\(locationText)' (expected header, query or cookie); the scheme is left out", cursor / "in", at: mapping.value("in")?.location)
                return nil
            }
            kind = .apiKey(name: parameterName, location: location)
        case "http":
            guard let scheme = required("scheme") else { return nil }
            kind = .http(scheme: scheme.lowercased(), bearerFormat: mapping.value("bearerFormat").flatMap { string($0, cursor / "bearerFormat") })
        case "oauth2":
            kind = .oauth2
        case "openIdConnect":
            guard let url = required("openIdConnectUrl") else { return nil }
            kind = .openIdConnect(url: url)
        case "mutualTLS":
            kind = .mutualTLS
        default:
            defect("unknown security scheme type '\(type)' (expected apiKey, http, oauth2, openIdConnect or mutualTLS); the scheme is left out", cursor / "type", at: mapping.value("type")?.location)
            return nil
        }
        var scheme = SecurityScheme(source: source(cursor, node.location), name: name, kind: kind)
        scheme.description = mapping.value("description").flatMap { string($0, cursor / "description") }
        scheme.extensions = extensions(mapping, cursor)
        return scheme
    }

    private func mappingKind(_ mapping: YAMLMapping) -> String {
        mapping.value("type")?.scalar.map { "the \($0.value)" } ?? "the"
    }

    /// A `security` list. Each name is checked against `components/securitySchemes` once those are known.
    func securityRequirements(_ node: YAMLNode, _ cursor: Cursor) -> [SecurityRequirement] {
        guard let sequence = sequence(node, cursor) else { return [] }
        var result: [SecurityRequirement] = []
        for (index, item) in sequence.items.enumerated() {
            guard let mapping = self.mapping(item, cursor / index) else { continue }
            for entry in mapping.entries {
                securityUses.append((entry.key, cursor.file, entry.keyLocation, (cursor / index / entry.key).path))
            }
            result.append(SecurityRequirement(schemes: mapping.keys))
        }
        return result
    }

    func checkSecurityUses(_ schemes: [SecurityScheme]) {
        let names = Set(schemes.map(\.name))
        for use in securityUses where !names.contains(use.name) {
            // The runtime sends the first alternative it holds every credential for, and it never holds this one.
            defect("security requirement names '\(use.name)', which is not defined in components/securitySchemes; requests never use this alternative", Cursor(file: use.file, path: use.path), at: use.location)
        }
    }
}
