/// A key of `paths` as written. OpenAPI allows only a path template there, but real specs also write a query
/// string into it (`/rest?method=flickr.photos.search`, `/uploads?convert={convert}`): a fixed query stays in
/// the request's path, where the runtime appends the other query parameters after it, and a templated value is
/// sent as a query parameter, encoded as one.
struct PathKey {
    /// What requests go to: the path template, and the fixed part of a query string if there is one.
    var path: String
    /// `key={name}` items of the query string: `name` is sent as the query parameter `key`.
    var queryTemplates: [(key: String, name: String)] = []

    init(_ written: String) {
        guard let question = written.firstIndex(of: "?") else {
            path = written
            return
        }
        var fixed: [Substring] = []
        for item in written[written.index(after: question)...].split(separator: "&", omittingEmptySubsequences: true) {
            if let equals = item.firstIndex(of: "="), case let value = item[item.index(after: equals)...],
               value.count > 2, value.first == "{", value.last == "}", !value.dropFirst().dropLast().contains(where: { "{}".contains($0) }),
               equals > item.startIndex {
                queryTemplates.append((String(item[..<equals]), String(value.dropFirst().dropLast())))
            } else {
                fixed.append(item)
            }
        }
        path = String(written[..<question]) + (fixed.isEmpty ? "" : "?" + fixed.joined(separator: "&"))
    }

    /// `{name}` placeholders in the order they appear, each once.
    static func templateNames(_ path: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in path {
            if character == "{" {
                current = ""
            } else if character == "}" {
                if let name = current, !names.contains(name) { names.append(name) }
                current = nil
            } else if current != nil {
                current!.append(character)
            }
        }
        return names
    }
}
