/// Request bodies, responses and their media types, with `$ref`s resolved and cached per definition.
extension ParseContext {
    func requestBody(_ node: YAMLNode, _ cursor: Cursor) -> RequestBody? {
        guard let (node, cursor, viaReference) = followReferences(node, cursor, unresolved: "the request body is left out") else { return nil }
        let cacheable = viaReference || isComponent(cursor, "requestBodies")
        if cacheable, let cached = requestBodies[cursor.target] { return cached }
        var body: RequestBody?
        if let mapping = self.mapping(node, cursor) {
            var value = RequestBody(source: source(cursor, node.location))
            for entry in mapping.entries {
                let at = cursor / entry.key
                switch entry.key {
                case "description": value.description = string(entry.value, at)
                case "required": value.required = bool(entry.value, at) ?? false
                case "content": value.content = content(entry.value, at)
                default: break
                }
            }
            if mapping.value("content") == nil {
                defect("request body has no 'content'; the request body is left out", cursor, at: node.location)
            }
            body = value
        }
        if cacheable { requestBodies[cursor.target] = body }
        return body
    }

    /// The responses of an operation, in written order; invalid status keys are reported and skipped.
    func responses(_ node: YAMLNode, _ cursor: Cursor) -> [Response] {
        guard let mapping = self.mapping(node, cursor) else { return [] }
        var result: [Response] = []
        for entry in mapping.entries where !entry.key.hasPrefix("x-") {
            let at = cursor / entry.key
            guard let status = Self.status(entry.key) else {
                defect("invalid response status '\(entry.key)' (expected a code from 100 to 599, a range such as 2XX, or default); the response is left out", at, at: entry.keyLocation)
                continue
            }
            if var response = response(entry.value, at) {
                response.status = status
                result.append(response)
            }
        }
        return result
    }

    static func status(_ key: String) -> Response.Status? {
        if key == "default" { return .default }
        let bytes = Array(key.utf8)
        guard bytes.count == 3, let first = bytes.first, (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(first) else { return nil }
        let digit = Int(first - UInt8(ascii: "0"))
        let rest = bytes.dropFirst()
        if rest.allSatisfy({ $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "x") }) { return .range(digit) }
        guard rest.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), let code = Int(key) else { return nil }
        return .code(code)
    }

    /// One response; its status is set by the caller from the key it is written under.
    func response(_ node: YAMLNode, _ cursor: Cursor) -> Response? {
        guard let (node, cursor, viaReference) = followReferences(node, cursor, unresolved: "the response is left out") else { return nil }
        let cacheable = viaReference || isComponent(cursor, "responses")
        if cacheable, let cached = responses[cursor.target] { return cached }
        var response: Response?
        if let mapping = self.mapping(node, cursor) {
            var value = Response(source: source(cursor, node.location), status: .default)
            for entry in mapping.entries {
                let at = cursor / entry.key
                switch entry.key {
                case "description":
                    value.description = string(entry.value, at)
                case "content":
                    value.content = content(entry.value, at)
                case "headers":
                    guard let headers = self.mapping(entry.value, at) else { break }
                    for header in headers.entries where header.key.lowercased() != "content-type" {
                        if let parsed = self.header(named: header.key, header.value, at / header.key) {
                            value.headers.append(parsed)
                        }
                    }
                default:
                    break
                }
            }
            response = value
        }
        if cacheable { responses[cursor.target] = response }
        return response
    }

    /// A `content` map: media type → schema and example, in written order.
    func content(_ node: YAMLNode, _ cursor: Cursor) -> [MediaType] {
        guard let mapping = self.mapping(node, cursor) else { return [] }
        var result: [MediaType] = []
        result.reserveCapacity(mapping.entries.count)
        for entry in mapping.entries {
            let at = cursor / entry.key
            var media = MediaType(contentType: entry.key)
            if case .mapping(let object) = entry.value {
                for field in object.entries {
                    switch field.key {
                    case "schema": media.schema = schema(field.value, at / "schema")
                    case "itemSchema": media.itemSchema = schema(field.value, at / "itemSchema")
                    case "encoding": media.encoding = encodings(field.value, at / "encoding")
                    case "example": media.example = JSONLiteral(field.value)
                    case "examples": if media.example == nil { media.example = firstExample(field.value) }
                    default: break
                    }
                }
            } else if !(entry.value.scalar?.isNull ?? false) {
                defect("expected a mapping, found \(entry.value.kindDescription); the media type is read without a schema", at, at: entry.value.location)
            }
            result.append(media)
        }
        return result
    }

    /// `encoding`: per property, the part's content type and headers, or the field's style and explode.
    private func encodings(_ node: YAMLNode, _ cursor: Cursor) -> [String: MediaType.Encoding] {
        guard let mapping = self.mapping(node, cursor) else { return [:] }
        var result: [String: MediaType.Encoding] = [:]
        for entry in mapping.entries {
            let at = cursor / entry.key
            guard let fields = self.mapping(entry.value, at) else { continue }
            var encoding = MediaType.Encoding(source: source(at, entry.keyLocation))
            for field in fields.entries {
                let fieldAt = at / field.key
                switch field.key {
                case "contentType":
                    encoding.contentType = string(field.value, fieldAt)
                case "headers":
                    guard let headers = self.mapping(field.value, fieldAt) else { break }
                    encoding.headers = headers.entries.compactMap { header(named: $0.key, $0.value, fieldAt / $0.key) }
                case "style":
                    guard let text = string(field.value, fieldAt) else { break }
                    encoding.style = Parameter.Style(rawValue: text)
                    if encoding.style == nil {
                        defect("unknown encoding style '\(text)' (expected form, spaceDelimited, pipeDelimited or deepObject); the default is used", fieldAt, at: field.value.location)
                    }
                case "explode":
                    encoding.explode = bool(field.value, fieldAt)
                case "allowReserved":
                    encoding.allowReserved = bool(field.value, fieldAt) ?? false
                default:
                    break
                }
            }
            result[entry.key] = encoding
        }
        return result
    }
}
