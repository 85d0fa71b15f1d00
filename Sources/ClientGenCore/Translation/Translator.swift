/// The translate stage: a configured document in, a typed `SwiftModule` out. Names, types, optionality and
/// what each response does are decided here and nowhere else; rendering only spells the decisions out.
public struct Translator: Sendable {
    public init() {}

    public func translate(_ configured: ConfiguredDocument, diagnostics: DiagnosticCollector) -> SwiftModule {
        let document = configured.document
        var schemas = SchemaTranslator(document: document, diagnostics: diagnostics)
        schemas.declareNamedSchemas()

        let client = ClientTranslator(document: document, diagnostics: diagnostics).translate()
        let operationTranslator = OperationTranslator(document: document, diagnostics: diagnostics)
        var names = NameScope(reserved: ["connection"])
        let named = configured.operations
            .map { (configured: $0, name: OperationNaming.name(of: $0)) }
            .sorted { ($0.name, $0.configured.operation.path, $0.configured.operation.method.rawValue) < ($1.name, $1.configured.operation.path, $1.configured.operation.method.rawValue) }
        let translated = named.map { entry in
            operationTranslator.translate(
                entry.configured.operation, name: names.claim(entry.name),
                reservedLabels: OperationTranslator.bodyNames(pagination: entry.configured.pagination != nil, wait: entry.configured.wait != nil),
                schemas: &schemas
            )
        }
        var operations = translated.map(\.method)
        // Variants and helpers claim their names after every operation has, so an operation never loses its name.
        var variants: [OperationModel] = []
        for case var variant? in translated.map(\.streaming) {
            variant.name = names.claim(variant.name + "Stream")
            variants.append(variant)
        }
        for (suffix, var variant) in translated.flatMap(\.alternatives) {
            variant.name = names.claim(variant.name + suffix)
            variants.append(variant)
        }
        let helpers = OperationHelpers(declarations: schemas.declarations, resolve: { [schemas] in schemas.resolve($0) }, diagnostics: diagnostics)
        var rowsVariants: [String: OperationModel] = [:]
        for (index, entry) in named.enumerated() {
            guard operations[index].transfer == .buffered else {
                for source in [entry.configured.pagination?.source, entry.configured.wait?.source, entry.configured.rows?.source].compactMap({ $0 }) {
                    diagnostics.warning("the operation's response is a stream, which has no pages to follow or result to wait for; the extension is ignored", at: source)
                }
                continue
            }
            if let settings = entry.configured.pagination {
                operations[index].pagination = helpers.pagination(settings, for: operations[index], names: &names)
            }
            if let settings = entry.configured.wait {
                operations[index].wait = helpers.wait(
                    settings, pagination: entry.configured.pagination, for: operations[index], responses: entry.configured.operation.responses, names: &names)
            }
            if let settings = entry.configured.rows, var rows = helpers.rows(settings, pagination: entry.configured.pagination, for: operations[index]) {
                rows.name = names.claim(operations[index].name + "Rows")
                variants.append(rows)
                if let id = entry.configured.operation.operationId { rowsVariants[id] = rows }
            }
        }
        // Flows call the other operations' helpers, so they are resolved once every helper exists.
        var targets = OperationHelpers.FlowTargets(operations: [:], rows: rowsVariants, pageTokens: [:])
        for (index, entry) in named.enumerated() {
            guard let id = entry.configured.operation.operationId else { continue }
            targets.operations[id] = operations[index]
            targets.pageTokens[id] = entry.configured.pagination?.tokenParameter
        }
        for (index, entry) in named.enumerated() {
            if let settings = entry.configured.flow, let flow = helpers.flow(settings, submit: operations[index], targets: targets, names: &names) {
                operations[index].flows.append(flow)
            }
        }

        let merged = EnumMerger.merge(schemas.declarations, inlineNames: schemas.inlineEnumNames)
        return SwiftModule(client: client, operations: operations + variants, declarations: RecursionBreaker.breakCycles(in: merged))
    }
}
