/// Narrows a document to the operations a client needs, for big specs (GitHub, Stripe) of which an app uses a
/// few calls: a pure `Document -> Document` stage between parsing and translation.
///
/// An operation is kept when its `operationId` is listed in `operations`, one of its tags in `tags`, or its
/// path in `paths` (an entry ending in `*` matches every path that starts with the rest). Named schemas are kept
/// only when a kept operation reaches them, directly or through other schemas, because the translator declares
/// every schema in `Document.schemas`. Security schemes and servers are kept as they are, so the client's
/// initializer does not change with the filter.
public struct DocumentFilter: Sendable {
    /// One value of the filter, with where it was written so an entry that matches nothing can be pointed at.
    public struct Entry: Sendable, Hashable {
        public var value: String
        public var source: SourceRange?

        public init(_ value: String, source: SourceRange? = nil) {
            self.value = value
            self.source = source
        }
    }

    public var operations: [Entry]
    public var tags: [Entry]
    public var paths: [Entry]

    public init(operations: [Entry], tags: [Entry], paths: [Entry]) {
        self.operations = operations
        self.tags = tags
        self.paths = paths
    }

    public init(operations: [String] = [], tags: [String] = [], paths: [String] = []) {
        self.init(operations: operations.map { Entry($0) }, tags: tags.map { Entry($0) }, paths: paths.map { Entry($0) })
    }

    /// A filter with no entries keeps the whole document.
    public var isEmpty: Bool { operations.isEmpty && tags.isEmpty && paths.isEmpty }

    /// The document with only the selected operations and the named schemas they reach, or nil after an error for
    /// every filter entry that selects nothing (a misspelt operationId would otherwise drop a call silently).
    public func apply(to document: Document, diagnostics: DiagnosticCollector) -> Document? {
        guard !isEmpty else { return document }
        var failed = false
        func report(_ entries: [Entry], _ kind: String, _ noun: String, matches: (Entry) -> Bool) {
            for entry in entries where !matches(entry) {
                failed = true
                let message = "filter \(kind) '\(entry.value)' matches no operation; check the \(noun) in the spec"
                diagnostics.emit(Diagnostic(.error, message, file: entry.source?.file ?? "<filter>", location: entry.source?.location, path: entry.source?.path))
            }
        }

        let kept = document.operations.filter(selects)
        report(operations, "operation", "operationId") { entry in
            document.operations.contains { $0.operationId == entry.value }
        }
        report(tags, "tag", "tag") { entry in
            document.operations.contains { $0.tags.contains(entry.value) }
        }
        report(paths, "path", "path") { entry in
            document.operations.contains { Self.path($0.path, matches: entry.value) }
        }
        guard !failed else { return nil }

        var filtered = document
        filtered.operations = kept
        let reached = Self.reachableSchemas(from: kept, in: document)
        filtered.schemas = document.schemas.filter { reached.contains($0.reference.target) }
        filtered.schemaIndex = Dictionary(uniqueKeysWithValues: filtered.schemas.enumerated().map { ($1.reference.target, $0) })
        let usedTags = Set(kept.flatMap(\.tags))
        filtered.tags = document.tags.filter { usedTags.contains($0.name) }
        return filtered
    }

    private func selects(_ operation: Operation) -> Bool {
        if let id = operation.operationId, operations.contains(where: { $0.value == id }) { return true }
        if tags.contains(where: { operation.tags.contains($0.value) }) { return true }
        return paths.contains { Self.path(operation.path, matches: $0.value) }
    }

    /// `path` is the request path the parser made of the spec's key, so a key with a query string in it is
    /// matched as the spec writes it too.
    static func path(_ path: String, matches pattern: String) -> Bool {
        if pattern.hasSuffix("*") { return path.hasPrefix(pattern.dropLast()) }
        return path == pattern || path == PathKey(pattern).path
    }

    /// Every named schema the operations use, followed through properties, items, compositions, `not`,
    /// additional properties and discriminator mappings until nothing new is found.
    static func reachableSchemas(from operations: [Operation], in document: Document) -> Set<Reference.Target> {
        var reached: Set<Reference.Target> = []
        var pending: [Schema] = []
        for operation in operations {
            pending += operation.parameters.compactMap(\.schema)
            pending += operation.requestBody?.content.flatMap { [$0.schema, $0.itemSchema].compactMap { $0 } + $0.encoding.values.flatMap { $0.headers.compactMap(\.schema) } } ?? []
            for response in operation.responses {
                pending += response.content.flatMap { [$0.schema, $0.itemSchema].compactMap { $0 } }
                pending += response.headers.compactMap(\.schema)
            }
        }
        func follow(_ reference: Reference) {
            guard reached.insert(reference.target).inserted, let named = document.namedSchema(for: reference) else { return }
            pending.append(named.schema)
        }
        while let schema = pending.popLast() {
            if let reference = schema.reference { follow(reference) }
            schema.discriminator?.mapping.forEach { follow($0.reference) }
            pending += schema.properties.map(\.schema)
            if case .schema(let values) = schema.additionalProperties { pending.append(values) }
            if let items = schema.items { pending.append(items) }
            if let not = schema.not { pending.append(not) }
            pending += schema.allOf + schema.anyOf + schema.oneOf
        }
        return reached
    }
}
