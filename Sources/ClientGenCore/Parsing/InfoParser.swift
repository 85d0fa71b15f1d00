/// `info`, `servers` and `tags`.
extension ParseContext {
    func info(_ node: YAMLNode, _ cursor: Cursor) -> Info? {
        guard let mapping = self.mapping(node, cursor) else { return nil }
        let title = mapping.value("title").flatMap { string($0, cursor / "title") }
        let version = mapping.value("version").flatMap { string($0, cursor / "version") }
        if title == nil { defect("info has no 'title'; the client's documentation names none", cursor, at: node.location) }
        if version == nil { defect("info has no 'version'; the client's documentation names none", cursor, at: node.location) }
        return Info(title: title ?? "", version: version ?? "", description: mapping.value("description").flatMap { string($0, cursor / "description") })
    }

    func servers(_ node: YAMLNode, _ cursor: Cursor) -> [Server] {
        guard let sequence = sequence(node, cursor) else { return [] }
        var result: [Server] = []
        for (index, item) in sequence.items.enumerated() {
            let at = cursor / index
            guard let mapping = self.mapping(item, at) else { continue }
            guard let url = mapping.value("url").flatMap({ string($0, at / "url") }) else {
                defect("server has no 'url'; the server is left out", at, at: item.location)
                continue
            }
            var server = Server(url: url, description: mapping.value("description").flatMap { string($0, at / "description") })
            var complete = true
            if let variablesNode = mapping.value("variables"), let variables = self.mapping(variablesNode, at / "variables") {
                for entry in variables.entries {
                    let variableAt = at / "variables" / entry.key
                    guard let variable = self.mapping(entry.value, variableAt) else { continue }
                    guard let defaultValue = variable.value("default").flatMap({ string($0, variableAt / "default") }) else {
                        // Without a value for the variable, the URL has none to send requests to.
                        defect("server variable '\(entry.key)' has no 'default'; the server is left out", variableAt, at: entry.keyLocation)
                        complete = false
                        continue
                    }
                    var enumValues: [String] = []
                    if let enumNode = variable.value("enum") {
                        enumValues = strings(enumNode, variableAt / "enum")
                    }
                    let description = variable.value("description").flatMap { string($0, variableAt / "description") }
                    server.variables.append(Server.Variable(name: entry.key, defaultValue: defaultValue, enumValues: enumValues, description: description))
                }
            }
            if complete { result.append(server) }
        }
        return result
    }

    func tags(_ node: YAMLNode, _ cursor: Cursor) -> [Tag] {
        guard let sequence = sequence(node, cursor) else { return [] }
        var result: [Tag] = []
        for (index, item) in sequence.items.enumerated() {
            let at = cursor / index
            guard let mapping = self.mapping(item, at) else { continue }
            guard let name = mapping.value("name").flatMap({ string($0, at / "name") }) else {
                defect("tag has no 'name'; the tag is left out", at, at: item.location)
                continue
            }
            result.append(Tag(name: name, description: mapping.value("description").flatMap { string($0, at / "description") }))
        }
        return result
    }
}
