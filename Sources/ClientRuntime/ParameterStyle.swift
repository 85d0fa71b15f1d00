/// How a query parameter is serialized (OpenAPI `style`). Only the styles OpenAPI allows in a query.
public enum QueryStyle: String, Sendable, Hashable {
    case form
    case spaceDelimited
    case pipeDelimited
    case deepObject
}

/// How a path parameter is serialized (OpenAPI `style`); `simple` is what almost every API uses.
public enum PathStyle: String, Sendable, Hashable {
    case simple
    case label
    case matrix
}

/// Failures while turning a value into URL or header text, phrased for `ClientError.invalidRequest`.
struct SerializationProblem: Error {
    let message: String
}

/// The OpenAPI 3.1 "Style Values" table as code. Values arrive already percent-encoded where the
/// location needs it (`encode`), so delimiters the style adds stay literal and delimiters inside values don't.
enum StyleSerializer {
    /// Query pairs `(name, value)`, both already percent-encoded; an empty result means "omit".
    static func query(name: String, value: ParameterValue, style: QueryStyle, explode: Bool) throws -> [(String, String)] {
        let encodedName = PercentEncoding.encode(name)
        let enc = PercentEncoding.encode
        switch value {
        case .null:
            return []
        case .primitive(let text):
            return [(encodedName, enc(text))]
        case .array(let items):
            let texts = try items.map { try primitive($0, name: name) }.map(enc)
            if explode { return texts.map { (encodedName, $0) } }
            let delimiter = switch style {
            case .form, .deepObject: ","
            case .spaceDelimited: "%20"
            case .pipeDelimited: "%7C"
            }
            return [(encodedName, texts.joined(separator: delimiter))]
        case .object(let pairs):
            switch (style, explode) {
            case (.deepObject, _):
                return try flatten(pairs, prefix: name).map { (enc($0.0), enc($0.1)) }
            case (_, true):
                return try flatten(pairs, prefix: nil).map { (enc($0.0), enc($0.1)) }
            case (.form, false), (.spaceDelimited, false), (.pipeDelimited, false):
                let delimiter = style == .form ? "," : style == .spaceDelimited ? "%20" : "%7C"
                let parts = try present(pairs).flatMap { [enc($0.key), enc(try primitive($0.value, name: name))] }
                return [(encodedName, parts.joined(separator: delimiter))]
            }
        }
    }

    /// A path segment (or several segments' worth of text for label/matrix), percent-encoded.
    static func path(name: String, value: ParameterValue, style: PathStyle, explode: Bool) throws -> String {
        let enc = PercentEncoding.encodeSegment
        switch (style, value) {
        case (_, .null):
            throw SerializationProblem(message: "path parameter \(name) is null")
        case (.simple, .primitive(let text)): return enc(text)
        case (.label, .primitive(let text)): return "." + enc(text)
        case (.matrix, .primitive(let text)): return ";\(enc(name))=\(enc(text))"
        case (_, .array(let items)):
            let texts = try items.map { enc(try primitive($0, name: name)) }
            switch style {
            case .simple: return texts.joined(separator: ",")
            case .label: return "." + texts.joined(separator: explode ? "." : ",")
            case .matrix:
                return explode ? texts.map { ";\(enc(name))=\($0)" }.joined() : ";\(enc(name))=" + texts.joined(separator: ",")
            }
        case (_, .object(let pairs)):
            let encoded = try present(pairs).map { (enc($0.key), enc(try primitive($0.value, name: name))) }
            let flat = encoded.map { explode ? "\($0.0)=\($0.1)" : "\($0.0),\($0.1)" }
            switch style {
            case .simple: return flat.joined(separator: ",")
            case .label: return "." + flat.joined(separator: explode ? "." : ",")
            case .matrix:
                return explode ? encoded.map { ";\($0.0)=\($0.1)" }.joined() : ";\(enc(name))=" + flat.joined(separator: ",")
            }
        }
    }

    /// Header text (style `simple`); not percent-encoded, HTTP carries it as is.
    static func header(name: String, value: ParameterValue, explode: Bool) throws -> String? {
        switch value {
        case .null: return nil
        case .primitive(let text): return text
        case .array(let items): return try items.map { try primitive($0, name: name) }.joined(separator: ",")
        case .object(let pairs):
            return try present(pairs).map { explode ? "\($0.key)=\(try primitive($0.value, name: name))" : "\($0.key),\(try primitive($0.value, name: name))" }
                .joined(separator: ",")
        }
    }

    /// A cookie value (style `form`, not exploded: one cookie per parameter), percent-encoded because
    /// cookie values may not contain spaces, commas, semicolons or quotes.
    static func cookie(name: String, value: ParameterValue) throws -> String? {
        let enc = PercentEncoding.encode
        switch value {
        case .null: return nil
        case .primitive(let text): return enc(text)
        case .array(let items): return try items.map { enc(try primitive($0, name: name)) }.joined(separator: ",")
        case .object(let pairs):
            return try present(pairs).flatMap { [enc($0.key), enc(try primitive($0.value, name: name))] }.joined(separator: ",")
        }
    }

    /// Bracket-notation pairs (`a[b][c]`, arrays repeated) — the convention deepObject and
    /// form bodies share for nesting that OpenAPI leaves undefined. Not encoded yet.
    static func flatten(_ pairs: [(key: String, value: ParameterValue)], prefix: String?) throws -> [(String, String)] {
        var output: [(String, String)] = []
        for (key, value) in pairs {
            let name = prefix.map { "\($0)[\(key)]" } ?? key
            switch value {
            case .null: continue
            case .primitive(let text): output.append((name, text))
            case .object(let nested): output += try flatten(nested, prefix: name)
            case .array(let items):
                for item in items {
                    switch item {
                    case .null: continue
                    case .primitive(let text): output.append((name, text))
                    case .object(let nested): output += try flatten(nested, prefix: name + "[]")
                    case .array: throw SerializationProblem(message: "\(name) is an array of arrays, which has no form encoding")
                    }
                }
            }
        }
        return output
    }

    /// Form body fields, not encoded yet: each property in its `encoding` when it has one, in `flatten`'s
    /// convention otherwise. deepObject writes arrays with indices (`expand[0]=a&expand[1]=b`), as Stripe's
    /// servers read them, since OpenAPI defines deepObject for objects only.
    static func form(_ properties: [(key: String, value: ParameterValue)], encoding: [String: FormEncoding]) throws -> [(String, String)] {
        var output: [(String, String)] = []
        for (key, value) in properties {
            guard let field = encoding[key] else {
                output += try flatten([(key, value)], prefix: nil)
                continue
            }
            switch (field.style, value) {
            case (_, .null):
                continue
            case (.deepObject, _):
                output += indexed(value, name: key)
            case (_, .primitive(let text)):
                output.append((key, text))
            case (_, .array(let items)) where field.explode:
                output += try items.map { (key, try primitive($0, name: key)) }
            case (_, .array(let items)):
                let delimiter = field.style == .spaceDelimited ? " " : field.style == .pipeDelimited ? "|" : ","
                output.append((key, try items.map { try primitive($0, name: key) }.joined(separator: delimiter)))
            case (_, .object(let pairs)) where field.explode:
                output += try flatten(pairs, prefix: key)
            case (_, .object(let pairs)):
                let delimiter = field.style == .spaceDelimited ? " " : field.style == .pipeDelimited ? "|" : ","
                output.append((key, try present(pairs).flatMap { [$0.key, try primitive($0.value, name: key)] }.joined(separator: delimiter)))
            }
        }
        return output
    }

    /// `name[key]` for object members and `name[index]` for array elements, all the way down.
    private static func indexed(_ value: ParameterValue, name: String) -> [(String, String)] {
        switch value {
        case .null: []
        case .primitive(let text): [(name, text)]
        case .array(let items): items.enumerated().flatMap { indexed($0.element, name: "\(name)[\($0.offset)]") }
        case .object(let pairs): pairs.flatMap { indexed($0.value, name: "\(name)[\($0.key)]") }
        }
    }

    private static func present(_ pairs: [(key: String, value: ParameterValue)]) -> [(key: String, value: ParameterValue)] {
        pairs.filter { $0.value != .null }
    }

    private static func primitive(_ value: ParameterValue, name: String) throws -> String {
        switch value {
        case .primitive(let text): return text
        case .null: return ""
        case .array, .object:
            throw SerializationProblem(message: "parameter \(name) nests arrays or objects, which this style cannot express")
        }
    }
}
