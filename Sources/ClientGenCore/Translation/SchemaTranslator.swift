/// Turns schemas into type declarations and the types that refer to them. Named schemas become top-level
/// types; inline objects, enums and unions are lifted to top-level types named after where they appear
/// (`QueryResult` + `meta` → `QueryResultMeta`), which keeps generated files flat and fast to compile.
struct SchemaTranslator {
    let document: Document
    let diagnostics: DiagnosticCollector
    var declarations: [Declaration] = []
    /// Enums lifted out of the place they appear, which `EnumMerger` may turn into aliases of an identical enum.
    private(set) var inlineEnumNames: Set<String> = []
    var typeNames: NameScope
    private var namedTypes: [Reference.Target: String] = [:]
    private var namedSchemas: [Reference.Target: Schema] = [:]
    /// How each referenced schema is used; large specs refer to the same schema thousands of times.
    private var referenceUsages: [Reference.Target: TypeUsage] = [:]
    /// Case names of every generated enum by value, so defaults and wait values can be spelled as cases.
    private(set) var enumCaseNames: [String: [JSONLiteral: String]] = [:]

    /// Named schemas in name order, so the names handed out do not depend on the order the spec lists them in.
    private let orderedNamedSchemas: [NamedSchema]

    /// Inline types being declared, by where their schemas are written. A schema that reaches itself through a
    /// `$ref` (a property of `Node` written `allOf: [{$ref: Node}, {properties: …}]`) meets its own place again
    /// while its type is being declared, and then stands for that type instead of lifting a copy of it forever.
    private var inlineTypesInProgress: [SourceRange: String] = [:]
    /// Lifting nests as deep as inline schemas do, and through references a chain of distinct ones can be as long
    /// as the spec: past this depth a schema stays untyped rather than risk the stack.
    static let maxInlineNesting = 64
    /// Types lifted for each inline schema inside another inline type. Each place a type is lifted from gets a
    /// copy named after it, and schemas that reach themselves through several inline parts would make a copy
    /// for every order of those parts; past a few copies, the last one serves, as any copy means the same.
    private var nestedCopies: [SourceRange: (name: String, count: Int)] = [:]
    static let maxNestedCopies = 16

    init(document: Document, diagnostics: DiagnosticCollector) {
        self.document = document
        self.diagnostics = diagnostics
        typeNames = NameScope(reserved: Naming.reservedTypeNames)
        // Sorts positions, not schemas: moving whole schemas through the sort was 6% of generating a large
        // spec with the debug build, which is the one a build plugin runs.
        let schemas = document.schemas
        let keys = schemas.map { ($0.name, $0.reference.file, $0.reference.pointer.joined(separator: "/")) }
        orderedNamedSchemas = schemas.indices.sorted { keys[$0] < keys[$1] }.map { schemas[$0] }
        for named in orderedNamedSchemas {
            let key = named.reference.target
            guard namedTypes[key] == nil else { continue }
            namedTypes[key] = typeNames.claim(named.schema.swiftName ?? Naming.typeName(named.name))
            namedSchemas[key] = named.schema
        }
    }

    mutating func declareNamedSchemas() {
        for named in orderedNamedSchemas {
            let key = named.reference.target
            guard let name = namedTypes[key], !declared.contains(name) else { continue }
            declare(named.schema, as: name)
        }
    }

    private var declared: Set<String> = []

    // MARK: - Usage

    /// The type that stands for `schema` where it is used, declaring a new type named `suggestedName` when
    /// the schema needs one of its own.
    mutating func usage(of schema: Schema, suggestedName: @autoclosure () -> String) -> TypeUsage {
        if let reference = schema.reference {
            var usage = referenceUsage(reference.target)
            usage.nullable = usage.nullable || schema.allowsNull
            return usage
        }
        switch SchemaShape(schema, resolve: resolve) {
        case .passthrough(let inner, let nullable):
            var usage = self.usage(of: inner, suggestedName: suggestedName())
            usage.nullable = usage.nullable || nullable
            return usage
        case .structure, .union:
            if let name = inlineTypesInProgress[schema.source] {
                return TypeUsage(.declared(name), nullable: schema.allowsNull)
            }
            let nested = !inlineTypesInProgress.isEmpty
            if nested, let lifted = nestedCopies[schema.source], lifted.count >= Self.maxNestedCopies {
                return TypeUsage(.declared(lifted.name), nullable: schema.allowsNull)
            }
            guard inlineTypesInProgress.count < Self.maxInlineNesting else {
                diagnostics.warning("inline schemas nest more than \(Self.maxInlineNesting) deep here; this one is left untyped (JSONValue)", at: schema.source)
                return TypeUsage(.json, nullable: true)
            }
            let name = typeNames.claim(schema.swiftName ?? suggestedName())
            inlineTypesInProgress[schema.source] = name
            declare(Self.lifted(schema), as: name)
            inlineTypesInProgress[schema.source] = nil
            if nested {
                nestedCopies[schema.source] = (name, (nestedCopies[schema.source]?.count ?? 0) + 1)
            }
            return TypeUsage(.declared(name), nullable: schema.allowsNull)
        case .enumeration(let rawType, let values):
            let name = typeNames.claim(schema.swiftName ?? suggestedName())
            inlineEnumNames.insert(name)
            declared.insert(name)
            declareEnumeration(Self.lifted(schema), as: name, rawType: rawType, values: values)
            return TypeUsage(.declared(name), nullable: schema.allowsNull)
        case .array(let items):
            guard let items else { return TypeUsage(.array(.json), nullable: schema.allowsNull) }
            let element = usage(of: items, suggestedName: suggestedName() + "Item")
            return TypeUsage(.array(element.nullableType), nullable: schema.allowsNull)
        case .dictionary(let values):
            guard let values else { return TypeUsage(.dictionary(.json), nullable: schema.allowsNull) }
            let value = usage(of: values, suggestedName: suggestedName() + "Value")
            return TypeUsage(.dictionary(value.nullableType), nullable: schema.allowsNull)
        case .primitive(let type):
            return TypeUsage(.builtin(type), nullable: schema.allowsNull)
        case .freeForm:
            return TypeUsage(.json, nullable: schema.allowsNull)
        }
    }

    /// A spec value (a `default`) as a value of `type`, or nil when it does not fit.
    func value(_ literal: JSONLiteral, as type: SwiftType) -> SwiftValue? {
        SwiftValue.from(literal, as: type) { enumCaseNames[$0] }
    }

    /// A type lifted out of a deprecated property is not itself deprecated: the property carries the
    /// deprecation. A deprecated type would say so in its doc comment, and `EnumMerger` would keep it apart
    /// from an identical enum that is not.
    private static func lifted(_ schema: Schema) -> Schema {
        var lifted = schema
        lifted.deprecated = false
        return lifted
    }

    private mutating func referenceUsage(_ key: Reference.Target) -> TypeUsage {
        if let cached = referenceUsages[key] { return cached }
        guard let name = namedTypes[key], let target = namedSchemas[key] else {
            return TypeUsage(.json, nullable: true)
        }
        let usage = TypeUsage(.declared(name), nullable: isNullable(target))
        if case .enumeration(let rawType, let values) = SchemaShape(target, resolve: resolve) {
            enumCaseNames[name] = Self.caseTable(Self.cases(values, rawType: rawType, typeName: name))
        }
        referenceUsages[key] = usage
        return usage
    }

    /// The struct declared for the named schema `reference` points at, if it is one.
    func declaredStructure(for reference: Reference) -> StructModel? {
        guard let name = namedTypes[reference.target] else { return nil }
        for case .structure(let structure) in declarations where structure.name == name { return structure }
        return nil
    }

    /// Follows `$ref`s to the schema they name.
    func resolve(_ schema: Schema) -> Schema? {
        var current = schema
        var hops = 0
        while let reference = current.reference {
            guard hops < 64, let target = namedSchemas[reference.target] else { return nil }
            current = target
            hops += 1
        }
        return current
    }

    func isNullable(_ schema: Schema) -> Bool {
        if schema.allowsNull { return true }
        if case .passthrough(_, let nullable) = SchemaShape(schema, resolve: resolve) { return nullable }
        return false
    }

    // MARK: - Declarations

    private mutating func declare(_ schema: Schema, as name: String) {
        declared.insert(name)
        let documentation = documentation(of: schema, name: name)
        switch SchemaShape(schema, resolve: resolve) {
        case .structure:
            declarations.append(.structure(structure(schema, name: name, documentation: documentation)))
        case .enumeration(let rawType, let values):
            declareEnumeration(schema, as: name, rawType: rawType, values: values)
        case .union(let branches):
            declarations.append(union(schema, branches: branches, name: name, documentation: documentation))
        case .passthrough, .array, .dictionary, .primitive, .freeForm:
            let target = usage(of: schema, suggestedName: name + "Value")
            declarations.append(.alias(AliasModel(name: name, documentation: documentation, target: target.type)))
        }
    }

    /// A title that only repeats the type's name is left out of its doc comment.
    private func documentation(of schema: Schema, name: String) -> Documentation {
        Documentation(
            title: schema.title.flatMap { name.hasSuffix(Naming.typeName($0)) ? nil : $0 },
            description: schema.description,
            deprecated: schema.deprecated
        )
    }

    private mutating func declareEnumeration(_ schema: Schema, as name: String, rawType: BuiltinType, values: [JSONLiteral]) {
        let cases = Self.cases(values, rawType: rawType, typeName: name)
        enumCaseNames[name] = Self.caseTable(cases)
        declarations.append(.enumeration(EnumModel(
            name: name, documentation: documentation(of: schema, name: name), rawType: rawType, cases: cases
        )))
    }

    /// Case names for enum values; a value the spec does not list decodes as `unknown`, so that name is taken.
    static func cases(_ values: [JSONLiteral], rawType: BuiltinType, typeName: String) -> [EnumModel.EnumCase] {
        var scope = NameScope(reserved: ["unknown"])
        var seen: Set<JSONLiteral> = []
        var result: [EnumModel.EnumCase] = []
        let names = Naming.caseNames(values.compactMap(\.string), typeName: typeName)
        for value in values where seen.insert(value).inserted {
            switch value {
            case .string(let text):
                result.append(EnumModel.EnumCase(name: scope.claim(names[text] ?? Naming.memberName(text.isEmpty ? "empty" : text)), value: value))
            case .int(let number):
                result.append(EnumModel.EnumCase(name: scope.claim(number < 0 ? "minus\(-number)" : "_\(number)"), value: value))
            default:
                continue
            }
        }
        return result
    }

    private static func caseTable(_ cases: [EnumModel.EnumCase]) -> [JSONLiteral: String] {
        Dictionary(uniqueKeysWithValues: cases.map { ($0.value, $0.name) })
    }
}
