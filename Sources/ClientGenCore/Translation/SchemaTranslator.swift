/// Turns schemas into type declarations and the type spellings that refer to them. Named schemas become
/// top-level types; inline objects, enums and unions are lifted to top-level types named after where they
/// appear (`QueryResult` + `meta` → `QueryResultMeta`), which keeps generated files flat and fast to compile.
struct SchemaTranslator {
    let document: Document
    let access: String
    private(set) var log = DiagnosticLog()
    private(set) var declarations: [DeclarationViewModel] = []
    /// Enums lifted out of the place they appear, which `EnumMerger` may turn into aliases of an identical enum.
    private(set) var inlineEnumNames: Set<String> = []
    private(set) var typeNames: NameScope
    private var namedTypes: [Reference.Target: String] = [:]
    private var namedSchemas: [Reference.Target: Schema] = [:]
    /// How each referenced schema is used; large specs refer to the same schema thousands of times.
    private var referenceUsages: [Reference.Target: TypeUsage] = [:]

    /// Named schemas in name order, so the names handed out do not depend on the order the spec lists them in.
    private let orderedNamedSchemas: [NamedSchema]

    init(document: Document, access: String) {
        self.document = document
        self.access = access
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
            let name = typeNames.claim(schema.swiftName ?? suggestedName())
            declare(Self.lifted(schema), as: name)
            return TypeUsage(name, nullable: schema.allowsNull)
        case .enumeration(let rawType, let values):
            let name = typeNames.claim(schema.swiftName ?? suggestedName())
            inlineEnumNames.insert(name)
            declared.insert(name)
            let cases = declareEnumeration(Self.lifted(schema), as: name, rawType: rawType, values: values)
            var usage = TypeUsage(name, nullable: schema.allowsNull)
            usage.enumCases = Dictionary(uniqueKeysWithValues: cases.map { ($0.value, $0.name) })
            return usage
        case .array(let items):
            guard let items else { return TypeUsage("[JSONValue]", nullable: schema.allowsNull) }
            let element = usage(of: items, suggestedName: suggestedName() + "Item")
            var usage = TypeUsage("[\(element.nullable ? element.optionalType : element.type)]", nullable: schema.allowsNull)
            usage.isArrayOf = element.nullable ? nil : element.enumCases
            return usage
        case .dictionary(let values):
            guard let values else { return TypeUsage("[String: JSONValue]", nullable: schema.allowsNull) }
            let value = usage(of: values, suggestedName: suggestedName() + "Value")
            return TypeUsage("[String: \(value.nullable ? value.optionalType : value.type)]", nullable: schema.allowsNull)
        case .primitive(let type):
            return TypeUsage(type, nullable: schema.allowsNull)
        case .freeForm:
            return TypeUsage("JSONValue", nullable: schema.allowsNull)
        }
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
            return TypeUsage("JSONValue", nullable: true)
        }
        var usage = TypeUsage(name, nullable: isNullable(target))
        usage.enumCases = enumCases(of: target)
        referenceUsages[key] = usage
        return usage
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

    private func isNullable(_ schema: Schema) -> Bool {
        if schema.allowsNull { return true }
        if case .passthrough(_, let nullable) = SchemaShape(schema, resolve: resolve) { return nullable }
        return false
    }

    private func enumCases(of schema: Schema) -> [JSONLiteral: String]? {
        guard case .enumeration(let rawType, let values) = SchemaShape(schema, resolve: resolve) else { return nil }
        return Dictionary(uniqueKeysWithValues: Self.caseNames(values, rawType: rawType).map { ($0.value, $0.name) })
    }

    // MARK: - Declarations

    private mutating func declare(_ schema: Schema, as name: String) {
        declared.insert(name)
        let docLines = docLines(of: schema, name: name)
        switch SchemaShape(schema, resolve: resolve) {
        case .structure:
            declarations.append(.structure(structure(schema, name: name, docLines: docLines)))
        case .enumeration(let rawType, let values):
            declareEnumeration(schema, as: name, rawType: rawType, values: values)
        case .union(let branches):
            declarations.append(.union(union(schema, branches: branches, name: name, docLines: docLines)))
        case .passthrough, .array, .dictionary, .primitive, .freeForm:
            let target = usage(of: schema, suggestedName: name + "Value")
            declarations.append(.alias(AliasViewModel(access: access, name: name, docLines: docLines, type: target.type)))
        }
    }

    /// A deprecated schema says so in its doc comment rather than with `@available(*, deprecated)`: the
    /// generated code refers to its own types (properties, union cases, initializers), and every such reference
    /// to a deprecated type would be a compiler warning in the client (OpenAI's spec: 51 of them).
    private func docLines(of schema: Schema, name: String) -> [String] {
        var lines = DocLines(schema.title.flatMap { name.hasSuffix(Naming.typeName($0)) ? nil : $0 }, schema.description).lines
        if schema.deprecated {
            lines += (lines.isEmpty ? [] : [""]) + [" - Important: Deprecated in the spec."]
        }
        return lines
    }

    @discardableResult
    private mutating func declareEnumeration(
        _ schema: Schema, as name: String, rawType: String, values: [JSONLiteral]
    ) -> [(value: JSONLiteral, name: String, literal: String)] {
        let cases = Self.caseNames(values, rawType: rawType)
        declarations.append(.enumeration(EnumViewModel(
            access: access, name: name, docLines: docLines(of: schema, name: name), deprecated: schema.deprecated,
            rawType: rawType, cases: cases.map { EnumCaseViewModel(name: Naming.escapedMember($0.name), rawLiteral: $0.literal) }
        )))
        return cases
    }

    /// Case names for enum values; a value the spec does not list decodes as `unknown`, so that name is taken.
    static func caseNames(_ values: [JSONLiteral], rawType: String) -> [(value: JSONLiteral, name: String, literal: String)] {
        var scope = NameScope(reserved: ["unknown"])
        var seen: Set<JSONLiteral> = []
        var result: [(JSONLiteral, String, String)] = []
        for value in values where seen.insert(value).inserted {
            switch value {
            case .string(let text):
                result.append((value, scope.claim(Naming.memberName(text.isEmpty ? "empty" : text)), SwiftLiteral.string(text)))
            case .int(let number):
                result.append((value, scope.claim(number < 0 ? "minus\(-number)" : "_\(number)"), String(number)))
            default:
                continue
            }
        }
        return result
    }

    private mutating func union(_ schema: Schema, branches: [Schema], name: String, docLines: [String]) -> UnionViewModel {
        var caseScope = NameScope()
        var cases: [UnionCaseViewModel] = []
        var caseByReference: [Reference.Target: String] = [:]
        var seenTypes: Set<String> = []
        for (index, branch) in branches.enumerated() {
            let usage = usage(of: branch, suggestedName: name + Self.caseSuffix(branch, index: index))
            guard seenTypes.insert(usage.type).inserted else { continue }
            // A type lifted out of the union is named after it (`Choice` + `ByName`); its case needs only the rest.
            let ownPart = branch.reference == nil && usage.type.count > name.count && usage.type.hasPrefix(name) ? String(usage.type.dropFirst(name.count)) : nil
            let caseName = caseScope.claim(ownPart.map(Naming.memberName) ?? Self.caseName(forType: usage.type))
            cases.append(UnionCaseViewModel(name: Naming.escapedMember(caseName), type: usage.type, isFirst: cases.isEmpty))
            if let reference = branch.reference {
                caseByReference[reference.target] = caseName
            }
        }
        var mappings: [DiscriminatorMappingViewModel] = []
        if let discriminator = schema.discriminator {
            // Branches the mapping does not name are still selected by their schema name (implicit mapping).
            var entries = discriminator.mapping
            let mapped = Set(entries.map { $0.reference.target })
            entries += branches.compactMap { branch in
                branch.reference.flatMap { mapped.contains($0.target) ? nil : ($0.name, $0) }
            }
            for entry in entries {
                guard let caseName = caseByReference[entry.reference.target],
                      let type = cases.first(where: { $0.name == Naming.escapedMember(caseName) })?.type else { continue }
                let literal = SwiftLiteral.string(entry.value)
                if let index = mappings.firstIndex(where: { $0.caseName == Naming.escapedMember(caseName) }) {
                    mappings[index].valueLiterals += ", " + literal
                } else {
                    mappings.append(DiscriminatorMappingViewModel(valueLiterals: literal, caseName: Naming.escapedMember(caseName), caseType: type))
                }
            }
        }
        return UnionViewModel(
            access: access, name: name, docLines: docLines, deprecated: schema.deprecated, indirect: false, cases: cases,
            discriminator: mappings.isEmpty ? nil : SwiftLiteral.string(schema.discriminator!.propertyName),
            discriminatorMappings: mappings
        )
    }

    private static func caseSuffix(_ branch: Schema, index: Int) -> String {
        if let title = branch.title { return Naming.typeName(title) }
        return "Case\(index + 1)"
    }

    /// `String` → `string`, `[Pet]` → `petArray`, `QueryResult` → `queryResult`.
    private static func caseName(forType type: String) -> String {
        switch type {
        case "String": return "string"
        case "Int", "Int32", "Int64": return "integer"
        case "Double", "Float": return "number"
        case "Bool": return "boolean"
        case "JSONValue": return "value"
        default:
            if type.hasPrefix("[String: ") { return "object" }
            if type.hasPrefix("[") { return Naming.memberName(String(type.dropFirst().dropLast())) + "Array" }
            return Naming.memberName(type)
        }
    }
}
