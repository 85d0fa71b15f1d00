/// Request bodies: a `body` parameter becomes the body in each media type the operation consumes; `formData`
/// parameters become the fields of an object schema sent as a form.
extension Swagger2Converter {
    /// `cursor` is the operation using the parameter, `placed` where the converted tree holds the body.
    func requestBody(_ body: Swagger2Parameter, consumes: [String], _ cursor: Cursor, placedAt placed: Cursor) -> YAMLNode {
        let object = body.object
        var output = MappingBuilder(at: object.location)
        if let description = object.entry("description") { output.add(description) }
        if let required = object.entry("required").flatMap({ flag($0, body.cursor, meaning: "the body is optional") }) {
            output.add(required)
        }
        // The schema, the key it is written under, and where it is written.
        var written: (node: YAMLNode, keyLocation: SourceLocation, cursor: Cursor)?
        if let schemaEntry = object.entry("schema") {
            if body.cursor.file == cursor.file {
                written = (schema(schemaEntry.value, body.cursor / "schema"), schemaEntry.keyLocation, body.cursor / "schema")
            } else if let target = schemaReference(to: body.cursor / "schema", from: cursor, at: schemaEntry.value.location) {
                // Written in another file: referred to there, so its positions are read as that file's.
                var reference = MappingBuilder(at: schemaEntry.value.location)
                reference.add("$ref", target, keyLocation: schemaEntry.keyLocation)
                written = (reference.node, schemaEntry.keyLocation, body.cursor / "schema")
            }
        } else if body.cursor.file == cursor.file, let (keywords, keyLocation) = parameterSchema(body, placedAt: placed) {
            // `type` where `schema` belongs: the body is what the keywords describe.
            context.defect("body parameter '\(body.name)' gives 'type' instead of 'schema'; the body is what 'type' describes", body.cursor, at: keyLocation)
            written = (keywords, keyLocation, body.cursor)
        } else {
            context.defect("body parameter '\(body.name)' has no 'schema'; the body is untyped", body.cursor, at: object.location)
        }
        var content = MappingBuilder(at: object.location)
        for mediaType in consumes {
            var media = MappingBuilder(at: object.location)
            if let written {
                media.add("schema", written.node, keyLocation: written.keyLocation)
                relocate(placed / "content" / mediaType / "schema", from: written.cursor)
            }
            content.add(mediaType, media.node, keyLocation: object.location)
        }
        output.add("content", content.node, keyLocation: object.location)
        for entry in object.entries where entry.key.hasPrefix("x-") {
            output.add(entry)
        }
        relocate(placed, from: body.cursor)
        return output.node
    }

    /// The request body of an operation's `formData` parameters.
    func formBody(_ fields: [Swagger2Parameter], consumes: [String], _ cursor: Cursor, placedAt placed: Cursor) -> YAMLNode {
        let first = fields[0]
        let location = first.object.location
        let mediaTypes = formMediaTypes(fields, consumes: consumes, cursor)
        var output = MappingBuilder(at: location)
        if fields.contains(where: \.isRequired) {
            output.add("required", .bool(true, at: location))
        }
        var content = MappingBuilder(at: location)
        for mediaType in mediaTypes {
            let mediaCursor = placed / "content" / mediaType.name
            var media = MappingBuilder(at: location)
            media.add("schema", formSchema(fields, cursor, placedAt: mediaCursor / "schema"))
            if mediaType.encoding == .urlEncoded {
                let encoding = fieldEncodings(fields)
                if !encoding.isEmpty { media.add("encoding", encoding.node) }
            } else {
                warnAboutListedFields(fields)
            }
            content.add(mediaType.name, media.node)
        }
        output.add("content", content.node)
        return output.node
    }

    enum FormEncoding: Equatable {
        case urlEncoded
        case multipart
    }

    /// The form media types `consumes` lists, or the one the fields need: multipart when one is a file.
    private func formMediaTypes(_ fields: [Swagger2Parameter], consumes: [String], _ cursor: Cursor) -> [(name: String, encoding: FormEncoding)] {
        let listed = consumes.compactMap { name -> (name: String, encoding: FormEncoding)? in
            switch BodyKind(contentType: name) {
            case .form: (name, .urlEncoded)
            case .multipart: (name, .multipart)
            default: nil
            }
        }
        if let file = fields.first(where: { $0.isFile || Self.hasFileItems($0) }) {
            let multipart = listed.filter { $0.encoding == .multipart }
            if !multipart.isEmpty { return multipart }
            if !listed.isEmpty {
                context.defect("file parameter '\(file.name)' needs multipart/form-data, which 'consumes' does not list; the form is sent as multipart/form-data", file.cursor, at: file.object.location)
            }
            return [("multipart/form-data", .multipart)]
        }
        return listed.isEmpty ? [("application/x-www-form-urlencoded", .urlEncoded)] : listed
    }

    private static func hasFileItems(_ parameter: Swagger2Parameter) -> Bool {
        parameter.isArray && parameter.object.value("items")?.mapping?.value("type")?.text == "file"
    }

    /// An object with a property per field, each field's schema taken from where the parameter is written.
    private func formSchema(_ fields: [Swagger2Parameter], _ cursor: Cursor, placedAt placed: Cursor) -> YAMLNode {
        let location = fields[0].object.location
        var schema = MappingBuilder(at: location)
        schema.add("type", .word("object", at: location))
        var properties = MappingBuilder(at: location)
        var required: [YAMLNode] = []
        for field in fields {
            let nameLocation = field.object.value("name")?.location ?? field.object.location
            if field.cursor.file == cursor.file {
                properties.add(field.name, formField(field, placedAt: placed / "properties" / field.name), keyLocation: nameLocation)
                relocate(placed / "properties" / field.name, from: field.cursor)
            } else {
                enqueue(field.cursor.target, .formField)
                var reference = MappingBuilder(at: field.object.location)
                reference.add("$ref", .text(referenceText(to: field.cursor.target, from: cursor.file), at: field.object.location))
                properties.add(field.name, reference.node, keyLocation: nameLocation)
            }
            if field.isRequired { required.append(.text(field.name, at: nameLocation)) }
        }
        schema.add("properties", properties.node)
        if !required.isEmpty { schema.add("required", .list(required, at: location)) }
        return schema.node
    }

    /// How each list field of a url-encoded form joins its values, where that differs from OpenAPI 3's default.
    private func fieldEncodings(_ fields: [Swagger2Parameter]) -> MappingBuilder {
        var encoding = MappingBuilder(at: fields[0].object.location)
        let openAPIDefault = CollectionFormat.openAPIDefault(in: .formData)
        for field in fields {
            guard let serialization = serialization(of: field), serialization != openAPIDefault else { continue }
            let at = field.object.entry("collectionFormat")?.value.location ?? field.object.location
            var entry = MappingBuilder(at: at)
            entry.add("style", .word(serialization.style.rawValue, at: at))
            entry.add("explode", .bool(serialization.explode, at: at))
            encoding.add(field.name, entry.node)
        }
        return encoding
    }

    /// Multipart sends each value of a list as a part of its own: a `collectionFormat` that joins them has no
    /// meaning there. The spec is valid, so this is a plain warning, not a defect.
    private func warnAboutListedFields(_ fields: [Swagger2Parameter]) {
        for field in fields where field.isArray {
            guard let entry = field.object.entry("collectionFormat"), let text = entry.value.text, text != CollectionFormat.multi.rawValue else { continue }
            context.warning("multipart/form-data sends each value of '\(field.name)' as a part of its own; collectionFormat '\(text)' is not applied", field.cursor / "collectionFormat", at: entry.value.location)
        }
    }
}
