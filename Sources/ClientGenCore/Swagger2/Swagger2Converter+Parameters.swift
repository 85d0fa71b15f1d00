/// Parameters: read far enough to know where each goes, then query, header and path parameters written as
/// OpenAPI 3 writes them, with `type` and its keywords moved under `schema` and `collectionFormat` said as
/// `style` and `explode`.
extension Swagger2Converter {
    /// A parameter of a list, followed through its references; nil after a warning when it cannot be used.
    func readParameter(_ resolved: ResolvedObject) -> Swagger2Parameter? {
        let object = resolved.mapping
        let cursor = resolved.cursor
        let expected = "expected query, header, path, formData or body"
        guard let inEntry = object.entry("in") else {
            context.defect("parameter has no 'in'; \(expected); the parameter is dropped", cursor, at: object.location)
            return nil
        }
        guard let text = inEntry.value.text else {
            context.defect("parameter location is not a string; \(expected); the parameter is dropped", cursor / "in", at: inEntry.value.location)
            return nil
        }
        var location = Swagger2Parameter.Location(rawValue: text)
        if location == nil, let meant = Swagger2Parameter.Location.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) {
            context.defect("parameter location '\(text)' is read as '\(meant.rawValue)'", cursor / "in", at: inEntry.value.location)
            location = meant
        }
        guard let location else {
            context.defect("invalid parameter location '\(text)'; \(expected); the parameter is dropped", cursor / "in", at: inEntry.value.location)
            return nil
        }
        let name = object.value("name")?.text
        // A body parameter's name is sent nowhere.
        if name == nil, location != .body {
            context.defect("parameter has no 'name'; the parameter is dropped", cursor, at: object.location)
            return nil
        }
        return Swagger2Parameter(name: name ?? "body", location: location, object: object, cursor: cursor)
    }

    /// A query, header or path parameter as OpenAPI 3 writes it; `placed` is where the converted tree holds it.
    func parameter(of parameter: Swagger2Parameter, placedAt placed: Cursor) -> YAMLNode {
        let object = parameter.object
        let cursor = parameter.cursor
        var output = MappingBuilder(at: object.location)
        for entry in object.entries {
            switch entry.key {
            case "in":
                output.add("in", .text(parameter.location.rawValue, at: entry.value.location), keyLocation: entry.keyLocation)
            case "required" where parameter.location == .path:
                break
            case "required":
                if let required = flag(entry, cursor, meaning: "the parameter is optional") { output.add(required) }
            case "name", "description", "allowEmptyValue", "deprecated", "example":
                output.add(entry)
            default:
                if entry.key.hasPrefix("x-"), !Swagger2Parameter.schemaKeys.contains(entry.key) { output.add(entry) }
            }
        }
        if parameter.location == .path {
            let written = object.entry("required")
            if !parameter.isRequired {
                context.defect("path parameter '\(parameter.name)' is not marked 'required: true'; it is required, as every path parameter is", written.map { _ in cursor / "required" } ?? cursor, at: written?.value.location ?? object.location)
            }
            output.add("required", .bool(true, at: written?.value.location ?? object.location), keyLocation: written?.keyLocation)
        }
        if let (schema, keyLocation) = parameterSchema(parameter, placedAt: placed / "schema") {
            output.add("schema", schema, keyLocation: keyLocation)
        }
        if let serialization = serialization(of: parameter) {
            let openAPIDefault = CollectionFormat.openAPIDefault(in: parameter.location)
            let at = object.entry("collectionFormat")?.value.location ?? object.location
            if serialization.style != openAPIDefault.style {
                output.add("style", .word(serialization.style.rawValue, at: at))
            }
            if serialization.explode != openAPIDefault.explode {
                output.add("explode", .bool(serialization.explode, at: at))
            }
        }
        relocate(placed, from: cursor)
        return output.node
    }

    /// The schema of a parameter that is not a body: its own `type` and keywords, which stay where the
    /// parameter wrote them, or the `schema` some specs give in OpenAPI 3's manner.
    func parameterSchema(_ parameter: Swagger2Parameter, placedAt placed: Cursor) -> (YAMLNode, keyLocation: SourceLocation)? {
        let object = parameter.object
        var keywords = MappingBuilder(at: object.value("type")?.location ?? object.location)
        for entry in object.entries where Swagger2Parameter.schemaKeys.contains(entry.key) {
            keywords.add(entry)
        }
        if keywords.isEmpty {
            guard let written = object.entry("schema") else { return nil }
            context.defect("a \(parameter.location.rawValue) parameter takes 'type', not 'schema' (as in OpenAPI 3); the schema is used", parameter.cursor / "schema", at: written.keyLocation)
            relocate(placed, from: parameter.cursor / "schema")
            return (schema(written.value, parameter.cursor / "schema"), written.keyLocation)
        }
        relocate(placed, from: parameter.cursor)
        return (schema(keywords.node, parameter.cursor), object.entry("type")?.keyLocation ?? object.location)
    }

    /// A `formData` parameter as the schema of its form field.
    func formField(_ parameter: Swagger2Parameter, placedAt placed: Cursor) -> YAMLNode {
        let object = parameter.object
        guard case .mapping(var field)? = parameterSchema(parameter, placedAt: placed)?.0 else {
            var untyped = MappingBuilder(at: object.location)
            if let description = object.entry("description") { untyped.add(description) }
            return untyped.node
        }
        if let description = object.entry("description"), field.value("description") == nil {
            field.entries.append(description)
        }
        return .mapping(field)
    }

    /// How an array parameter's values are sent; nil for a parameter that is no array.
    func serialization(of parameter: Swagger2Parameter) -> CollectionFormat.Serialization? {
        guard parameter.isArray else { return nil }
        var format = CollectionFormat.csv
        let at = parameter.cursor / "collectionFormat"
        if let entry = parameter.object.entry("collectionFormat") {
            if let text = entry.value.text, let known = CollectionFormat(rawValue: text) {
                format = known
            } else {
                let written = entry.value.text.map { "unknown collectionFormat '\($0)'" } ?? "collectionFormat is \(entry.value.kindDescription)"
                context.defect("\(written); expected csv, ssv, tsv, pipes or multi; csv is assumed", at, at: entry.value.location)
            }
        }
        let (serialization, assumed) = format.serialization(in: parameter.location)
        if let assumed {
            let location = parameter.object.entry("collectionFormat")?.value.location ?? parameter.object.location
            if assumed.isDefect {
                context.defect(assumed.message, at, at: location)
            } else {
                context.warning(assumed.message, at, at: location)
            }
        }
        return serialization
    }

    /// A `required` that is a boolean as written; another value is a warning saying what is assumed.
    func flag(_ entry: YAMLMapping.Entry, _ cursor: Cursor, meaning assumed: String) -> YAMLMapping.Entry? {
        if entry.value.scalar?.bool != nil || entry.value.text == "true" || entry.value.text == "false" { return entry }
        if entry.value.scalar?.isNull != true {
            context.defect("'\(entry.key)' must be a boolean, found \(entry.value.kindDescription); \(assumed)", cursor / entry.key, at: entry.value.location)
        }
        return nil
    }
}
