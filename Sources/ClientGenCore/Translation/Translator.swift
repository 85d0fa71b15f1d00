public enum AccessLevel: String, Sendable, CaseIterable {
    case `public`
    case `internal`

    /// The keyword as it prefixes a declaration; internal is Swift's default and is not spelled out.
    var keyword: String {
        switch self {
        case .public: "public "
        case .internal: ""
        }
    }
}

public struct TranslationOptions: Sendable {
    public var moduleName: String
    public var access: AccessLevel
    /// The spec's file name, quoted in every generated file's header.
    public var specName: String
    /// Extensions to add to operations by `operationId` (from the config), as if the spec had them.
    public var operationExtensions: [String: [String: JSONLiteral]]
    /// The operations to generate; `Generator` applies it before translating. Empty keeps the whole spec.
    public var filter: DocumentFilter

    public init(
        moduleName: String,
        access: AccessLevel = .public,
        specName: String,
        operationExtensions: [String: [String: JSONLiteral]] = [:],
        filter: DocumentFilter = DocumentFilter()
    ) {
        self.moduleName = moduleName
        self.access = access
        self.specName = specName
        self.operationExtensions = operationExtensions
        self.filter = filter
    }
}

/// The translate stage: a document in, everything the templates need out. Names, types and optionality are
/// decided here and nowhere else.
public struct Translator: Sendable {
    /// Generated code is spread over this many parts, each an operations file and a types file, so the compiler
    /// can type-check them in parallel; the set of files never depends on the spec, so build tools can declare them.
    public static let shardCount = 4

    /// `Part1.Operations.swift`, `Part1.Types.swift`, `Part2.Operations.swift`, …: the driver hands each compile
    /// job a contiguous run of the sorted file list, so alternating operations and types gives every core an
    /// even share (GitHub's client: 53 s instead of 77 s on 2 cores, when all types sorted after all operations).
    public static func fileNames() -> [String] {
        ["Client.swift"] + (1...shardCount).flatMap { ["Part\($0).Operations.swift", "Part\($0).Types.swift"] }
    }

    public var options: TranslationOptions

    public init(options: TranslationOptions) {
        self.options = options
    }

    public func translate(_ document: Document) -> (module: ModuleViewModel, diagnostics: [Diagnostic]) {
        let access = options.access.keyword
        var log = DiagnosticLog()
        var schemas = SchemaTranslator(document: document, access: access)
        schemas.declareNamedSchemas()

        let client = ClientTranslator(document: document, access: access).translate(log: &log)
        let operationTranslator = OperationTranslator(document: document, access: access)
        var operationNames = NameScope(reserved: ["connection"])
        let named = withConfiguredExtensions(document.operations, log: &log)
            .map { (operation: $0, name: OperationNaming.name(of: $0)) }
            .sorted { ($0.name, $0.operation.path, $0.operation.method.rawValue) < ($1.name, $1.operation.path, $1.operation.method.rawValue) }
        var operations: [OperationViewModel] = []
        for entry in named {
            let name = operationNames.claim(entry.name)
            operations.append(operationTranslator.translate(entry.operation, name: name, schemas: &schemas, log: &log))
        }
        let helpers = OperationHelpers(declarations: schemas.declarations)
        for (index, entry) in named.enumerated() {
            operations[index].pagination = helpers.pagination(for: entry.operation, operations[index], log: &log)
            operations[index].wait = helpers.wait(for: entry.operation, operations[index], log: &log)
        }
        log.append(contentsOf: schemas.log.diagnostics)

        let merged = EnumMerger.merge(schemas.declarations, inlineNames: schemas.inlineEnumNames)
        let declarations = RecursionBreaker.breakCycles(in: merged)
        let module = ModuleViewModel(
            moduleName: options.moduleName,
            files: files(client: client, operations: operations, declarations: declarations)
        )
        return (module, log.diagnostics)
    }

    private func withConfiguredExtensions(_ operations: [Operation], log: inout DiagnosticLog) -> [Operation] {
        let known = Set(operations.compactMap(\.operationId))
        for operationId in options.operationExtensions.keys.sorted() where !known.contains(operationId) {
            log.warning("the config adds extensions to operation '\(operationId)', which the spec does not have", file: options.specName, at: nil)
        }
        return operations.map { operation in
            guard let operationId = operation.operationId, let extensions = options.operationExtensions[operationId] else { return operation }
            var operation = operation
            operation.extensions.merge(extensions) { $1 }
            return operation
        }
    }

    private func files(client: ClientViewModel, operations: [OperationViewModel], declarations: [DeclarationViewModel]) -> [FileViewModel] {
        let imports = ["ClientRuntime", "Foundation"]
        var files = [FileViewModel(
            name: "Client.swift", template: "client", specName: options.specName, imports: imports,
            client: client, operations: [], declarations: []
        )]
        let operationShards = Sharding.split(operations, by: \.name, into: Self.shardCount)
        let typeShards = Sharding.split(declarations, by: \.name, into: Self.shardCount)
        for part in 1...Self.shardCount {
            var operations = operationShards[part - 1]
            if !operations.isEmpty { operations[0].isFirst = true }
            files.append(FileViewModel(
                name: "Part\(part).Operations.swift", template: "operations", specName: options.specName,
                imports: operations.isEmpty ? [] : imports, client: nil, operations: operations, declarations: []
            ))
            let declarations = typeShards[part - 1]
            files.append(FileViewModel(
                name: "Part\(part).Types.swift", template: "types", specName: options.specName,
                imports: declarations.isEmpty ? [] : imports, client: nil, operations: [], declarations: declarations
            ))
        }
        return files
    }
}

/// Assigns items to files by a stable hash of their name: an item stays in its file when others are added or
/// removed, so regenerated clients diff cleanly.
enum Sharding {
    static func split<Item>(_ items: [Item], by name: (Item) -> String, into count: Int) -> [[Item]] {
        var shards = Array(repeating: [(String, Item)](), count: count)
        for item in items {
            let key = name(item)
            shards[Int(fnv1a(key) % UInt64(count))].append((key, item))
        }
        return shards.map { shard in shard.sorted { $0.0 < $1.0 }.map(\.1) }
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
