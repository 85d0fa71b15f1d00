/// The configure stage: narrows a parsed document to what the config selects, adds the config's extensions to
/// operations, and reads every operation's `x-clientgen-*` and `x-swift-name` extensions into typed settings.
/// After it, nothing downstream reads an extension.
public struct Configurator: Sendable {
    public var options: GenerationOptions

    public init(options: GenerationOptions) {
        self.options = options
    }

    /// Nil when the filter selects something that does not exist (reported as an error).
    public func configure(_ document: Document, diagnostics: DiagnosticCollector) -> ConfiguredDocument? {
        for (operationId, extensions) in options.operationExtensions.sorted(by: { $0.key < $1.key })
        where !document.operations.contains(where: { $0.operationId == operationId }) {
            let source = extensions.values.map(\.source).min { ($0.location ?? .init(line: 0, column: 0)) < ($1.location ?? .init(line: 0, column: 0)) }
            diagnostics.warning(
                "the config adds extensions to operation '\(operationId)', which the spec does not have",
                at: source ?? SourceRange(file: options.specName, location: nil, path: .root))
        }
        guard let filtered = options.filter.apply(to: document, diagnostics: diagnostics) else { return nil }
        let operations = filtered.operations.map { configure($0, diagnostics: diagnostics) }
        return ConfiguredDocument(document: filtered, operations: operations)
    }

    private func configure(_ operation: Operation, diagnostics: DiagnosticCollector) -> ConfiguredOperation {
        var extensions = operation.extensions
        var swiftName = operation.swiftName
        if let operationId = operation.operationId, let configured = options.operationExtensions[operationId] {
            extensions.merge(configured) { $1 }
            if let name = configured["x-swift-name"] {
                if let problem = Naming.problemWithSwiftName(name.value) {
                    diagnostics.warning(problem, at: name.source)
                } else {
                    swiftName = name.value.string
                }
            }
        }
        var result = ConfiguredOperation(operation: operation, swiftName: swiftName)
        for (key, value) in extensions.sorted(by: { $0.key < $1.key }) where key.hasPrefix("x-clientgen-") {
            switch key {
            case "x-clientgen-pagination":
                result.pagination = PaginationSettings.read(value, of: operation, diagnostics: diagnostics)
            case "x-clientgen-wait":
                result.wait = WaitSettings.read(value, diagnostics: diagnostics)
            case "x-clientgen-rows":
                result.rows = RowsSettings.read(value, diagnostics: diagnostics)
            case "x-clientgen-flow":
                result.flow = FlowSettings.read(value, diagnostics: diagnostics)
            default:
                diagnostics.warning("unknown extension '\(key)'; ClientGen reads x-clientgen-flow, x-clientgen-pagination, x-clientgen-rows and x-clientgen-wait", at: value.source)
            }
        }
        return result
    }
}

/// The configure stage's result and the translate stage's input.
public struct ConfiguredDocument: Sendable {
    /// The document narrowed to the selected operations and the schemas they reach.
    public var document: Document
    /// The document's operations with their settings, in the document's order.
    public var operations: [ConfiguredOperation]
}

/// How one spec becomes one module.
public struct GenerationOptions: Sendable {
    public var moduleName: String
    public var access: AccessLevel
    /// The spec's file name, quoted in every generated file's header.
    public var specName: String
    /// Extensions added to operations by `operationId` (from the config), as if the spec had them.
    public var operationExtensions: [String: [String: SpecExtension]]
    /// The operations to generate. Empty keeps the whole spec.
    public var filter: DocumentFilter

    public init(
        moduleName: String,
        access: AccessLevel = .public,
        specName: String,
        operationExtensions: [String: [String: SpecExtension]] = [:],
        filter: DocumentFilter = DocumentFilter()
    ) {
        self.moduleName = moduleName
        self.access = access
        self.specName = specName
        self.operationExtensions = operationExtensions
        self.filter = filter
    }
}

public enum AccessLevel: String, Sendable, CaseIterable {
    case `public`
    case `internal`
}
