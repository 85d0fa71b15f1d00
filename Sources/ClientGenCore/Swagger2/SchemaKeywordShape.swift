/// The kind of value each schema keyword takes. A schema that writes another kind loses that keyword with a
/// warning, where the parser would reject the whole spec for a defect local to one schema.
enum SchemaKeywordShape {
    case schema
    case schemaList
    case schemaMap
    case nameList
    case valueList
    case number
    case numberOrFlag
    case integer
    case flag

    static let byKeyword: [String: SchemaKeywordShape] = [
        "items": .schema, "additionalProperties": .schema, "not": .schema,
        "allOf": .schemaList, "anyOf": .schemaList, "oneOf": .schemaList,
        "properties": .schemaMap,
        "required": .nameList,
        "enum": .valueList,
        "minimum": .number, "maximum": .number, "multipleOf": .number,
        "exclusiveMinimum": .numberOrFlag, "exclusiveMaximum": .numberOrFlag,
        "minLength": .integer, "maxLength": .integer, "minItems": .integer, "maxItems": .integer,
        "minProperties": .integer, "maxProperties": .integer,
        "nullable": .flag, "readOnly": .flag, "writeOnly": .flag, "deprecated": .flag, "uniqueItems": .flag,
    ]

    /// How a message names what was expected.
    var expected: String {
        switch self {
        case .schema: "a schema"
        case .schemaList: "a list of schemas"
        case .schemaMap: "a mapping of schemas"
        case .nameList: "a list of property names"
        case .valueList: "a list of values"
        case .number: "a number"
        case .numberOrFlag: "a number or a boolean"
        case .integer: "an integer"
        case .flag: "a boolean"
        }
    }

    /// Whether the parser reads `node` as this keyword's value; null reads as absent everywhere.
    func accepts(_ node: YAMLNode) -> Bool {
        if node.scalar?.isNull == true { return true }
        switch self {
        case .schema:
            // A list under `items` is a tuple, which the parser warns about itself.
            return node.mapping != nil || node.sequence != nil || node.scalar?.bool != nil
        case .schemaList, .valueList:
            return node.sequence != nil
        case .schemaMap:
            return node.mapping != nil
        case .nameList:
            return node.sequence != nil || node.scalar?.bool != nil
        case .number:
            return Self.number(node) != nil
        case .numberOrFlag:
            return Self.number(node) != nil || node.scalar?.bool != nil
        case .integer:
            guard let value = Self.number(node) else { return false }
            return value.rounded() == value && abs(value) < 1e15
        case .flag:
            return node.scalar?.bool != nil || node.text == "true" || node.text == "false"
        }
    }

    private static func number(_ node: YAMLNode) -> Double? {
        guard case .scalar(let scalar) = node else { return nil }
        if let value = scalar.int { return Double(value) }
        return scalar.double ?? Double(scalar.value)
    }
}
