/// `securityDefinitions` as `components/securitySchemes`, and the requirements that name them.
extension Swagger2Converter {
    /// The schemes that convert; one that does not is a warning, and requirements naming it drop it.
    func securitySchemes(_ node: YAMLNode, _ cursor: Cursor) -> YAMLNode {
        guard case .mapping(let definitions) = node else { return node }
        var output = MappingBuilder(at: definitions.location)
        for entry in definitions.entries {
            guard let scheme = securityScheme(entry.value, cursor / entry.key) else { continue }
            output.add(entry.key, scheme, keyLocation: entry.keyLocation)
            securitySchemeNames.insert(entry.key)
        }
        return output.node
    }

    private func securityScheme(_ node: YAMLNode, _ cursor: Cursor) -> YAMLNode? {
        guard case .mapping(let scheme) = node else {
            context.defect("expected a security scheme (a mapping), found \(node.kindDescription); the scheme is dropped", cursor, at: node.location)
            return nil
        }
        let expected = "expected basic, apiKey or oauth2"
        guard let typeEntry = scheme.entry("type"), let type = typeEntry.value.text else {
            context.defect("security scheme has no 'type'; \(expected); the scheme is dropped", cursor, at: scheme.location)
            return nil
        }
        let at = typeEntry.value.location
        var output = MappingBuilder(at: scheme.location)
        switch type.lowercased() {
        case "basic":
            output.add("type", .word("http", at: at), keyLocation: typeEntry.keyLocation)
            output.add("scheme", .word("basic", at: at), keyLocation: typeEntry.keyLocation)
        case "apikey":
            guard let name = scheme.entry("name"), name.value.text != nil else {
                context.defect("the apiKey security scheme has no 'name'; the scheme is dropped", cursor, at: scheme.location)
                return nil
            }
            guard let location = scheme.entry("in"), let text = location.value.text,
                  let keyLocation = SecurityScheme.APIKeyLocation(rawValue: text.lowercased()) else {
                context.defect("the apiKey security scheme's 'in' must be header or query; the scheme is dropped", cursor / "in", at: scheme.entry("in")?.value.location ?? scheme.location)
                return nil
            }
            if keyLocation == .cookie {
                context.defect("an API key 'in: cookie' is OpenAPI 3, not Swagger 2.0; the key is sent as a cookie", cursor / "in", at: location.value.location)
            }
            output.add("type", .word("apiKey", at: at), keyLocation: typeEntry.keyLocation)
            output.add(name)
            output.add("in", .text(keyLocation.rawValue, at: location.value.location), keyLocation: location.keyLocation)
        case "oauth2":
            output.add("type", .word("oauth2", at: at), keyLocation: typeEntry.keyLocation)
            output.add("flows", flows(scheme, cursor), keyLocation: scheme.entry("flow")?.keyLocation ?? typeEntry.keyLocation)
        default:
            context.defect("unknown security scheme type '\(type)'; \(expected); the scheme is dropped", cursor / "type", at: at)
            return nil
        }
        for entry in scheme.entries where entry.key == "description" || entry.key.hasPrefix("x-") {
            output.add(entry)
        }
        return output.node
    }

    /// Swagger's one `flow` as OpenAPI 3's `flows`, under the new name of each flow.
    private func flows(_ scheme: YAMLMapping, _ cursor: Cursor) -> YAMLNode {
        var flows = MappingBuilder(at: scheme.location)
        guard let flowEntry = scheme.entry("flow"), let flow = flowEntry.value.text, let kind = OAuthFlow(rawValue: flow) else {
            let written = scheme.entry("flow")
            context.defect("the oauth2 security scheme's 'flow' must be implicit, password, application or accessCode; it is read with no flow, and the client sends the token the app obtained", written.map { _ in cursor / "flow" } ?? cursor, at: written?.value.location ?? scheme.location)
            return flows.node
        }
        var object = MappingBuilder(at: flowEntry.value.location)
        for key in kind.urls {
            if let url = scheme.entry(key) { object.add(url) }
        }
        if let scopes = scheme.entry("scopes") {
            object.add(scopes)
        } else {
            object.add("scopes", MappingBuilder(at: flowEntry.value.location).node)
        }
        flows.add(kind.openAPIName, object.node, keyLocation: flowEntry.keyLocation)
        return flows.node
    }

    private enum OAuthFlow: String {
        case implicit, password, application, accessCode

        var openAPIName: String {
            switch self {
            case .implicit: "implicit"
            case .password: "password"
            case .application: "clientCredentials"
            case .accessCode: "authorizationCode"
            }
        }

        var urls: [String] {
            switch self {
            case .implicit: ["authorizationUrl"]
            case .password, .application: ["tokenUrl"]
            case .accessCode: ["authorizationUrl", "tokenUrl"]
            }
        }
    }

    /// A `security` list with the schemes `securityDefinitions` does not define dropped from it.
    func securityRequirements(_ node: YAMLNode, _ cursor: Cursor) -> YAMLNode {
        guard case .sequence(let list) = node else { return node }
        var items: [YAMLNode] = []
        for (index, item) in list.items.enumerated() {
            guard case .mapping(let requirement) = item else {
                items.append(item)
                continue
            }
            var kept = MappingBuilder(at: requirement.location)
            for entry in requirement.entries {
                if securitySchemeNames.contains(entry.key) {
                    kept.add(entry)
                } else {
                    context.defect("security requirement names '\(entry.key)', which securityDefinitions does not define; it is dropped from the requirement", cursor / index / entry.key, at: entry.keyLocation)
                }
            }
            // An alternative left with no scheme would wrongly allow anonymous access.
            if kept.isEmpty, !requirement.entries.isEmpty { continue }
            relocate(cursor / items.count, from: cursor / index)
            items.append(kept.node)
        }
        return .list(items, at: list.location)
    }
}
