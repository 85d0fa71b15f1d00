/// The translate stage: a configured document in, a typed `SwiftModule` out. Names, types, optionality and
/// what each response does are decided here and nowhere else; rendering only spells the decisions out.
public struct Translator: Sendable {
    public init() {}

    public func translate(_ configured: ConfiguredDocument, diagnostics: DiagnosticCollector) -> SwiftModule {
        let document = configured.document
        var schemas = SchemaTranslator(document: document)
        schemas.declareNamedSchemas()

        let client = ClientTranslator(document: document, diagnostics: diagnostics).translate()
        let operationTranslator = OperationTranslator(document: document, diagnostics: diagnostics)
        var names = NameScope(reserved: ["connection"])
        let named = configured.operations
            .map { (configured: $0, name: OperationNaming.name(of: $0)) }
            .sorted { ($0.name, $0.configured.operation.path, $0.configured.operation.method.rawValue) < ($1.name, $1.configured.operation.path, $1.configured.operation.method.rawValue) }
        var operations = named.map { entry in
            operationTranslator.translate(entry.configured.operation, name: names.claim(entry.name), schemas: &schemas)
        }
        // Helpers claim their names after every operation has, so an operation never loses its name to a helper.
        let helpers = OperationHelpers(declarations: schemas.declarations, diagnostics: diagnostics)
        for (index, entry) in named.enumerated() {
            if let settings = entry.configured.pagination {
                operations[index].pagination = helpers.pagination(settings, for: operations[index], names: &names)
            }
            if let settings = entry.configured.wait {
                operations[index].wait = helpers.wait(settings, pagination: entry.configured.pagination, for: operations[index], names: &names)
            }
        }

        let merged = EnumMerger.merge(schemas.declarations, inlineNames: schemas.inlineEnumNames)
        return SwiftModule(client: client, operations: operations, declarations: RecursionBreaker.breakCycles(in: merged))
    }
}
