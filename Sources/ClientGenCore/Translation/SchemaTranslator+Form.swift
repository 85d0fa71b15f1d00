extension SchemaTranslator {
    /// A struct for the parts of a `multipart/form-data` body whose schema is an object, or nil when it is not one
    /// (the method then takes a `MultipartForm` the caller builds). Binary properties become file parts, single
    /// values text parts, lists of either one part per element, and anything else a JSON part; the body's
    /// `encoding` sets each part's content type and adds fields for its headers.
    mutating func form(_ schema: Schema, name: String, encoding: [String: MediaType.Encoding]) -> String? {
        var object = GatheredObject()
        var visited: Set<Reference.Target> = []
        gather(schema, into: &object, visited: &visited, optionalOnly: false)
        guard !object.properties.isEmpty else { return nil }
        // A named schema's struct already holds the types of its properties; the form uses the same ones.
        let declared = schema.reference.flatMap(declaredStructure(for:))
        let formName = typeNames.claim(name)
        var members = NameScope()
        var fields: [FormField] = []
        for gathered in object.properties {
            let property = gathered.schema
            let resolved = resolve(property) ?? property
            let required = gathered.required || object.required.contains(gathered.jsonKey)
            let fieldName = members.claim(property.swiftName ?? Naming.memberName(gathered.jsonKey))
            let kind: FormField.PartKind
            var type: SwiftType
            if Self.isBinary(resolved) {
                kind = .file
                type = .builtin(.multipartFile)
            } else if let items = resolved.items.map({ resolve($0) ?? $0 }), Self.isBinary(items) {
                kind = .files
                type = .array(.builtin(.multipartFile))
            } else {
                let usage = declared?.properties.first { $0.jsonKey == gathered.jsonKey }.map { TypeUsage($0.type.unwrapped) }
                    ?? usage(of: property, suggestedName: formName + Naming.typeName(gathered.jsonKey))
                type = usage.type
                kind = switch SchemaShape(resolved, resolve: resolve) {
                case .primitive, .enumeration: .text
                case .array(let items?) where Self.isSingleValue(SchemaShape(resolve(items) ?? items, resolve: resolve)): .texts
                default: .json
                }
                if usage.nullable { type = type.optional }
            }
            var headers: [FormField.HeaderField] = []
            var headerFields: [FormField] = []
            for header in encoding[gathered.jsonKey]?.headers ?? [] where header.name.lowercased() != "content-type" {
                let headerField = members.claim(fieldName + Naming.typeName(header.name))
                headers.append(FormField.HeaderField(header: header.name, field: headerField))
                let value = header.schema.flatMap { $0.defaultValue ?? resolve($0)?.defaultValue }.flatMap { self.value($0, as: .string) }
                headerFields.append(FormField(
                    name: headerField, type: value == nil ? SwiftType.string.optional : .string, defaultValue: value,
                    documentation: Documentation(description: header.description ?? "The `\(header.name)` header of the `\(gathered.jsonKey)` part."),
                    role: .header
                ))
            }
            let contentType = encoding[gathered.jsonKey]?.contentType?.split(separator: ",").first.map { String($0).trimmingWhitespace }
            fields.append(FormField(
                name: fieldName, type: required ? type : type.optional, defaultValue: nil,
                documentation: Documentation(title: property.title, description: property.description, deprecated: property.deprecated),
                role: .part(name: gathered.jsonKey, kind: kind, contentType: contentType.flatMap { $0.contains("*") ? nil : $0 }, headers: headers)
            ))
            fields += headerFields
        }
        declarations.append(.form(FormModel(
            name: formName,
            documentation: Documentation(description: "The parts of a `multipart/form-data` request body."),
            fields: fields
        )))
        return formName
    }

    /// `type: string, format: binary`: bytes, sent as a file.
    private static func isBinary(_ schema: Schema) -> Bool {
        schema.format == "binary" && (schema.nonNullTypes ?? [.string]) == [.string]
    }

    private static func isSingleValue(_ shape: SchemaShape) -> Bool {
        switch shape {
        case .primitive, .enumeration: true
        default: false
        }
    }
}
