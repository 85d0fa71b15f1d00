/// How a schema is spelled where it is used: the Swift type, and whether `null` or absence makes it optional.
struct TypeUsage: Hashable {
    var type: String
    var nullable: Bool
    /// Set when the type is a generated enum, so defaults can be spelled as its cases.
    var enumCases: [JSONLiteral: String]?
    /// The element's usage for arrays, so array defaults can be spelled too.
    var isArrayOf: [JSONLiteral: String]?

    init(_ type: String, nullable: Bool = false, enumCases: [JSONLiteral: String]? = nil) {
        self.type = type
        self.nullable = nullable
        self.enumCases = enumCases
    }

    static let json = TypeUsage("JSONValue")

    var optionalType: String { type + "?" }
}
