/// The parse stage: YAML or JSON bytes to a `Document`, reading the files `$ref`s name through a
/// `SourceProvider`, and reporting every problem it finds with file, line, column and JSON path.
public struct DocumentParser: Sendable {
    public var sourceProvider: any SourceProvider
    public var loader: YAMLLoader

    public init(sourceProvider: any SourceProvider = InMemorySourceProvider(), loader: YAMLLoader = YAMLLoader()) {
        self.sourceProvider = sourceProvider
        self.loader = loader
    }

    /// Reads the root spec through the source provider, then parses it.
    public func parse(path: String, diagnostics: DiagnosticCollector) -> Document? {
        do {
            let source = try sourceProvider.load(path, relativeTo: "")
            return parse(file: source.name, bytes: source.bytes, diagnostics: diagnostics)
        } catch {
            let reason = (error as? SourceProviderError)?.reason ?? "\(error)"
            diagnostics.emit(Diagnostic(.error, "cannot read the file (\(reason))", file: path, location: nil))
            return nil
        }
    }

    /// The document, or nil when the spec has errors (each reported). `file` is the name diagnostics print and
    /// relative `$ref`s resolve against.
    public func parse(file: String, bytes: [UInt8], diagnostics: DiagnosticCollector) -> Document? {
        guard var root = loader.load(bytes: bytes, file: file, diagnostics: diagnostics) else { return nil }
        let context = ParseContext(rootFile: file, root: root, provider: sourceProvider, loader: loader, diagnostics: diagnostics)
        let swagger = Swagger2Converter.isSwagger(root)
        if swagger {
            guard let converted = Swagger2Converter(context: context, root: root)?.convert() else { return nil }
            root = converted
        }
        var document = DocumentReader(context: context).read(root)
        if swagger { document?.openAPIVersion = "2.0" }
        return context.hasErrors ? nil : document
    }
}

/// Reads the top-level object in an order that lets later parts rely on earlier ones: version first (it decides
/// how schemas read), security schemes before the requirements that name them, schemas last (operations add the
/// references they need).
private struct DocumentReader {
    let context: ParseContext

    func read(_ root: YAMLNode) -> Document? {
        let cursor = Cursor(file: context.rootFile, path: .root)
        guard case .mapping(let mapping) = root else {
            context.error("expected a mapping, found \(root.kindDescription)", cursor, at: root.location)
            return nil
        }
        guard let version = version(mapping, cursor, root: root) else { return nil }
        // The objects the rest of the document hangs from: without them there is no document to generate around.
        var broken: Set<String> = []
        for key in ["info", "paths", "components"] {
            guard let entry = mapping.entry(key), entry.value.mapping == nil else { continue }
            // A key written with no value reads as empty, as everywhere else; but `info` must say something.
            if key != "info", entry.value.scalar?.isNull == true { continue }
            context.error("'\(key)' must be a mapping, found \(entry.value.kindDescription)", cursor / key, at: entry.value.location)
            broken.insert(key)
        }

        let info = broken.contains("info") ? nil : mapping.entry("info").flatMap { context.info($0.value, cursor / "info") }
        if mapping.entry("info") == nil {
            context.error("the document has no 'info' (with 'title' and 'version')", cursor, at: root.location)
        }
        var document = Document(file: context.rootFile, openAPIVersion: version, info: info ?? Info(title: "", version: ""))
        document.extensions = context.extensions(mapping, cursor)

        var components: YAMLMapping?
        if let entry = mapping.entry("components"), !broken.contains("components") {
            components = context.mapping(entry.value, cursor / "components")
        }
        let componentsCursor = cursor / "components"
        if let schemes = components?.value("securitySchemes") {
            document.securitySchemes = context.securitySchemes(schemes, componentsCursor / "securitySchemes")
        }
        // Components nothing refers to are still checked.
        readComponents(components, componentsCursor)

        var operationIds: [String: (file: String, location: SourceLocation)] = [:]
        for entry in mapping.entries {
            let at = cursor / entry.key
            switch entry.key {
            case "servers": document.servers = context.servers(entry.value, at)
            case "security": document.security = context.securityRequirements(entry.value, at)
            case "tags": document.tags = context.tags(entry.value, at)
            case "paths" where !broken.contains("paths"): context.paths(entry.value, at, into: &document.operations, operationIds: &operationIds)
            default: break
            }
        }
        if mapping.entry("paths") == nil {
            if context.isVersion31, mapping.entry("webhooks") != nil || components != nil {
                context.warning("the document has no 'paths'; no operations will be generated", cursor, at: root.location)
            } else {
                context.error("the document has no 'paths'", cursor, at: root.location)
            }
        }
        context.checkSecurityUses(document.securitySchemes)

        var collector = SchemaCollector()
        let schemasNode = components?.value("schemas")
        collector.collect(components: schemasNode.flatMap { context.mapping($0, componentsCursor / "schemas") }, context)
        collector.checkAliasLoops(context)
        document.schemas = collector.schemas
        document.schemaIndex = collector.index
        return document
    }

    /// `openapi: 3.0.x`, `3.1.x` or `3.2.x` (read as 3.1); anything else stops the parse. Swagger 2.0 arrives
    /// here converted to 3.0.
    private func version(_ mapping: YAMLMapping, _ cursor: Cursor, root: YAMLNode) -> String? {
        guard let entry = mapping.entry("openapi") else {
            context.error("the document has no 'openapi' version; expected e.g. 'openapi: 3.1.0'", cursor, at: root.location)
            return nil
        }
        let at = cursor / "openapi"
        guard let version = context.string(entry.value, at) else {
            context.error("'openapi' has no value; expected a version such as 3.1.0", at, at: entry.value.location)
            return nil
        }
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        let known = parts.count >= 2 && parts.count <= 3 && parts[0] == "3" && ["0", "1", "2"].contains(parts[1])
            && (parts.count == 2 || parts[2].first?.isNumber == true)
        guard known else {
            context.error("unsupported OpenAPI version '\(version)'; ClientGen reads OpenAPI 3.0 and 3.1", at, at: entry.value.location)
            return nil
        }
        context.isVersion31 = parts[1] != "0"
        if parts[1] == "2" {
            context.warning("OpenAPI \(version) is read as 3.1 with 3.2's itemSchema; other features new in 3.2 are ignored", at, at: entry.value.location)
        }
        return version
    }

    private func readComponents(_ components: YAMLMapping?, _ cursor: Cursor) {
        guard let components else { return }
        for entry in components.entries {
            let at = cursor / entry.key
            switch entry.key {
            case "parameters":
                forEach(entry.value, at) { _ = context.parameter($0, $1) }
            case "requestBodies":
                forEach(entry.value, at) { _ = context.requestBody($0, $1) }
            case "responses":
                forEach(entry.value, at) { _ = context.response($0, $1) }
            case "headers":
                guard let headers = context.mapping(entry.value, at) else { break }
                for header in headers.entries { _ = context.header(named: header.key, header.value, at / header.key) }
            default:
                break
            }
        }
    }

    private func forEach(_ node: YAMLNode, _ cursor: Cursor, _ body: (YAMLNode, Cursor) -> Void) {
        guard let mapping = context.mapping(node, cursor) else { return }
        for entry in mapping.entries { body(entry.value, cursor / entry.key) }
    }
}
