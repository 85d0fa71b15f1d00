/// `host`, `basePath` and `schemes` as `servers`.
extension Swagger2Converter {
    func servers() -> YAMLNode? {
        let hostEntry = root.entry("host")
        let basePathEntry = root.entry("basePath")
        for entry in [hostEntry, basePathEntry].compactMap(\.self) where entry.value.scalar == nil {
            context.defect("'\(entry.key)' should be a string, found \(entry.value.kindDescription); it is ignored", rootCursor / entry.key, at: entry.value.location)
        }
        var host = hostEntry?.value.text?.trimmingWhitespace
        var basePath = basePathEntry?.value.text?.trimmingWhitespace ?? ""
        var schemes = schemeList()

        if let basePathEntry, !basePath.isEmpty, !basePath.hasPrefix("/") {
            context.defect("'basePath' must start with '/'; read as '/\(basePath)'", rootCursor / "basePath", at: basePathEntry.value.location)
            basePath = "/" + basePath
        }
        if var written = host, let hostEntry {
            // A scheme or a path in `host` is a common slip; its meaning is plain.
            let hostCursor = rootCursor / "host"
            if let separator = written.range(of: "://") {
                let scheme = String(written[..<separator.lowerBound]).lowercased()
                context.defect("'host' holds a scheme; '\(scheme)' is read as the scheme", hostCursor, at: hostEntry.value.location)
                if schemes.isEmpty, Self.schemeOrder.contains(scheme) { schemes = [scheme] }
                written = String(written[separator.upperBound...])
            }
            if let slash = written.firstIndex(of: "/") {
                let path = Self.trimmedPath(String(written[slash...]))
                if !path.isEmpty {
                    context.defect("'host' holds a path; '\(path)' is read as the start of the base path", hostCursor, at: hostEntry.value.location)
                    basePath = path + basePath
                }
                written = String(written[..<slash])
            }
            host = written.isEmpty ? nil : written
        }
        basePath = Self.trimmedPath(basePath)

        let location = hostEntry?.value.location ?? basePathEntry?.value.location ?? root.location
        // Swagger 2.0 lets a spec leave out host, basePath and schemes (they default to where the spec was
        // served from): what is assumed is a plain warning, which --strict leaves alone.
        guard let host else {
            if basePath.isEmpty {
                context.warning("the document has no 'host' or 'basePath'; the client has no default server URL", rootCursor, at: root.location)
                return nil
            }
            context.warning("the document has no 'host'; the client has no default server URL, and one given must end in basePath '\(basePath)'", rootCursor / "basePath", at: location)
            return .list([server(basePath, at: location)], at: location)
        }
        if schemes.isEmpty {
            // Swagger means the scheme the spec was fetched with, which a file on disk does not tell.
            context.warning("the document has no 'schemes'; https is assumed for host '\(host)'", rootCursor / "host", at: location)
            schemes = ["https"]
        }
        return .list(schemes.map { server("\($0)://\(host)\(basePath)", at: location) }, at: location)
    }

    private func server(_ url: String, at location: SourceLocation) -> YAMLNode {
        var server = MappingBuilder(at: location)
        server.add("url", .text(url, at: location))
        return server.node
    }

    /// The first server is the client's default, so the secure schemes come first: Apple platforms refuse
    /// plain HTTP unless an app opts out.
    private static let schemeOrder = ["https", "http", "wss", "ws"]

    private func schemeList() -> [String] {
        guard let entry = root.entry("schemes") else { return [] }
        let at = rootCursor / "schemes"
        let written: [YAMLNode]
        switch entry.value {
        case .sequence(let list): written = list.items
        case .scalar: written = [entry.value]
        case .mapping:
            context.defect("expected a list of schemes, found a mapping; it is ignored", at, at: entry.value.location)
            return []
        }
        var schemes: [String] = []
        for (index, item) in written.enumerated() {
            guard let scheme = item.text?.lowercased() else { continue }
            if Self.schemeOrder.contains(scheme) {
                if !schemes.contains(scheme) { schemes.append(scheme) }
            } else {
                context.defect("unknown scheme '\(item.text ?? "")'; expected http, https, ws or wss; it is ignored", entry.value.sequence == nil ? at : at / index, at: item.location)
            }
        }
        return schemes.sorted { Self.schemeOrder.firstIndex(of: $0)! < Self.schemeOrder.firstIndex(of: $1)! }
    }

    /// A path with no trailing slash, so that the operations' paths, which start with one, follow it.
    private static func trimmedPath(_ path: String) -> String {
        var path = Substring(path)
        while path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
