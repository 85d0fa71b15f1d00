/// Large specs repeat the same inline enum in many places: Stripe spells `[exclusive, inclusive, unspecified]`
/// out for 47 different properties, and 1,146 inline enums there hold only 290 distinct value lists. Declaring
/// each list once and giving every other place a typealias of it cuts Stripe's generated code by a quarter and
/// its compile time with it, while each property keeps the type name derived from where it appears.
enum EnumMerger {
    /// Replaces every inline enum that repeats another enum's values with a typealias of that enum. A spec's own
    /// (component) enums are never replaced, and are preferred as the declaration the others refer to.
    static func merge(_ declarations: [Declaration], inlineNames: Set<String>) -> [Declaration] {
        var canonical: [Key: String] = [:]
        for declaration in declarations {
            guard case .enumeration(let enumeration) = declaration else { continue }
            let key = Key(enumeration)
            let isInline = inlineNames.contains(enumeration.name)
            guard let current = canonical[key] else {
                canonical[key] = enumeration.name
                continue
            }
            if isInline, inlineNames.contains(current), prefers(enumeration.name, over: current) {
                canonical[key] = enumeration.name
            } else if !isInline, inlineNames.contains(current) {
                canonical[key] = enumeration.name
            }
        }
        return declarations.map { declaration in
            guard case .enumeration(let enumeration) = declaration, inlineNames.contains(enumeration.name),
                  let target = canonical[Key(enumeration)], target != enumeration.name else { return declaration }
            return .alias(AliasModel(name: enumeration.name, documentation: enumeration.documentation, target: .declared(target)))
        }
    }

    /// The shorter name reads better wherever the shared type shows up (errors, Quick Help); ties go by name
    /// so the choice never depends on declaration order.
    private static func prefers(_ name: String, over other: String) -> Bool {
        (name.count, name) < (other.count, other)
    }

    /// Two enums are interchangeable when they list the same raw values in the same order (their case names
    /// follow from the values) and agree on deprecation, which a typealias would otherwise spread or hide.
    private struct Key: Hashable {
        let rawType: BuiltinType
        let values: [JSONLiteral]
        let deprecated: Bool

        init(_ enumeration: EnumModel) {
            rawType = enumeration.rawType
            values = enumeration.cases.map(\.value)
            deprecated = enumeration.documentation.deprecated
        }
    }
}
