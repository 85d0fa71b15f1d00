/// A Swagger 2.0 parameter, read far enough to know where it goes: `body` and `formData` parameters become
/// the request body in OpenAPI 3, the others stay parameters.
struct Swagger2Parameter {
    enum Location: String, CaseIterable {
        case query, header, path, formData, body
    }

    var name: String
    var location: Location
    /// The parameter object, wherever a reference led.
    var object: YAMLMapping
    /// Where the object is written.
    var cursor: Cursor

    /// `type`, `format`, `items` and the validation keywords: the schema OpenAPI 3 puts under `schema`.
    static let schemaKeys: Set<String> = [
        "type", "format", "items", "default", "enum", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "multipleOf", "x-nullable", "x-isnullable",
    ]

    var isArray: Bool { object.value("type")?.text == "array" }
    var isFile: Bool { object.value("type")?.text == "file" }
    /// `required: true`, quoted or not, as the parser reads it.
    var isRequired: Bool {
        guard let required = object.value("required") else { return false }
        return required.scalar?.bool == true || required.text == "true"
    }
}
