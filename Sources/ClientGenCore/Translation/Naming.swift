/// Turns spec names into Swift identifiers. Every rule is here, so a name is spelled the same way wherever it
/// appears in generated code.
enum Naming {
    /// Splits `get_query-runs`, `queriedAt`, `HTTPValidationError`, `X-Dune-API-Key` into words.
    static func words(_ raw: String) -> [String] {
        // One pass over the bytes answers every question for an ASCII name, the common case; the generic
        // `contains` and `allSatisfy` were a tenth of generating a large spec with the debug build.
        var isASCII = true, hasApostrophe = false, hasLowercase = false
        for byte in raw.utf8 {
            if byte >= 0x80 { isASCII = false; break }
            if byte == UInt8(ascii: "'") { hasApostrophe = true }
            if isLower(byte) { hasLowercase = true }
        }
        // An apostrophe joins its word ("doesn't" → "doesnt"), it does not end it.
        let split: [String]
        if isASCII {
            split = asciiWords(hasApostrophe ? raw.utf8.filter { $0 != UInt8(ascii: "'") } : Array(raw.utf8))
        } else {
            let raw = raw.unicodeScalars.contains(where: isApostrophe) ? String(String.UnicodeScalarView(raw.unicodeScalars.filter { !isApostrophe($0) })) : raw
            hasLowercase = raw.contains(where: \.isLowercase)
            split = unicodeWords(raw)
        }
        // SCREAMING_SNAKE_CASE carries no case information: `QUERY_STATE_COMPLETED` reads as query, state, completed.
        if split.count > 1, !hasLowercase {
            return split.map { $0.lowercased() }
        }
        return split
    }

    private static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}"
    }

    private static func unicodeWords(_ raw: String) -> [String] {
        var words: [String] = []
        var current: [Character] = []
        func flush() {
            if !current.isEmpty {
                words.append(String(current))
                current.removeAll(keepingCapacity: true)
            }
        }
        let characters = Array(raw)
        for (index, character) in characters.enumerated() {
            guard character.isLetter || character.isNumber else {
                flush()
                continue
            }
            if let previous = current.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let lowerToUpper = previous.isLowercase && character.isUppercase
                // "HTTPValidation": the V starts a word because a lower-case letter follows it.
                let acronymEnd = previous.isUppercase && character.isUppercase && (next?.isLowercase ?? false)
                if lowerToUpper || acronymEnd {
                    flush()
                }
            }
            current.append(character)
        }
        flush()
        return words
    }

    /// The same rules as `words` on bytes: most spec names are ASCII, and Unicode property lookups per
    /// character dominate the cost of naming a large spec.
    private static func asciiWords(_ bytes: [UInt8]) -> [String] {
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var words: [String] = []
        var start = -1
        for index in bytes.indices {
            let byte = bytes[index]
            guard isLower(byte) || isUpper(byte) || isDigit(byte) else {
                if start >= 0 {
                    words.append(String(decoding: bytes[start..<index], as: UTF8.self))
                    start = -1
                }
                continue
            }
            if start >= 0, index > start {
                let previous = bytes[index - 1]
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                if (isLower(previous) && isUpper(byte)) || (isUpper(previous) && isUpper(byte) && isLower(next)) {
                    words.append(String(decoding: bytes[start..<index], as: UTF8.self))
                    start = index
                }
            }
            if start < 0 { start = index }
        }
        if start >= 0 {
            words.append(String(decoding: bytes[start...], as: UTF8.self))
        }
        return words
    }

    /// `query_run_results` → `QueryRunResults`; acronyms keep their case (`HTTPValidationError`).
    static func typeName(_ raw: String) -> String {
        let joined = words(raw).map(capitalizeFirst).joined()
        return validIdentifier(joined, fallback: "Value", isType: true)
    }

    /// `queried_at` → `queriedAt`, `X-Polytomic-Version` → `xPolytomicVersion`, `APIKeyBearer` → `apiKeyBearer`.
    static func memberName(_ raw: String) -> String {
        let parts = words(raw)
        guard let first = parts.first, !startsWithNamedSymbol(raw, beforeDigit: first) else {
            return validIdentifier(symbolName(raw), fallback: "value", isType: false)
        }
        let head = lowercasedLeadingWord(first)
        let joined = head + parts.dropFirst().map(capitalizeFirst).joined()
        return validIdentifier(joined, fallback: "value", isType: false)
    }

    /// Member names for the string values of the enum `typeName`, without the leading words every value shares
    /// when those only repeat what the type says: `QUERY_STATE_PENDING`, `QUERY_STATE_COMPLETED` → `pending`,
    /// `completed`. A prefix of one word is dropped only when the type's name has that word (`ConnectorType`:
    /// `connector_gmail` → `gmail`), since one shared word is often half of the meaning (`read_only` and
    /// `read_write` are not `only` and `write`); a negation is never dropped. Values that would lose all their words
    /// or be left starting with a digit keep their whole names. Values left as they are map to nothing.
    static func caseNames(_ values: [String], typeName: String) -> [String: String] {
        let split = values.map { words($0) }
        guard split.count > 1, let first = split.first else { return [:] }
        var shared = first.count
        for words in split.dropFirst() {
            shared = min(shared, zip(first, words).prefix { $0.lowercased() == $1.lowercased() }.count)
        }
        guard shared > 1 || (shared == 1 && words(typeName).contains { $0.lowercased() == first[0].lowercased() }),
              split.allSatisfy({ $0.count > shared && $0[shared].first?.isNumber == false }),
              !first.prefix(shared).contains(where: { negations.contains($0.lowercased()) }) else { return [:] }
        var result: [String: String] = [:]
        for (value, words) in zip(values, split) {
            result[value] = memberName(words.dropFirst(shared).joined(separator: "_"))
        }
        return result
    }

    private static let negations: Set<String> = ["not", "no", "non", "none", "never", "without"]

    /// Whether `name` can be written as a Swift identifier (in backticks, when it is a keyword).
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType == .decimal }
    }

    /// Why an `x-swift-name` value cannot name a declaration, or nil when it can.
    static func problemWithSwiftName(_ value: JSONLiteral) -> String? {
        guard case .string(let name) = value else {
            return "x-swift-name must be a string, found \(value.kindDescription); the name derived from the spec is used"
        }
        guard isIdentifier(name) else {
            return "x-swift-name '\(name)' is not a Swift identifier; the name derived from the spec is used"
        }
        return nil
    }

    /// How a member name is written in code: reserved words in backticks.
    static func escapedMember(_ name: String) -> String {
        reservedMemberWords.contains(name) ? "`\(name)`" : name
    }

    /// An all-caps first word is lower-cased whole (`URL` → `url`; `APIKey` splits into `API`, `Key`).
    private static func lowercasedLeadingWord(_ word: String) -> String {
        var bytes = Array(word.utf8)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            if !bytes.contains(where: isLower) { return word.lowercased() }
            if isUpper(bytes[0]) { bytes[0] += 0x20 }
            return String(decoding: bytes, as: UTF8.self)
        }
        if word.allSatisfy({ !$0.isLowercase }) {
            return word.lowercased()
        }
        return word.prefix(1).lowercased() + word.dropFirst()
    }

    private static func capitalizeFirst(_ word: String) -> String {
        if let first = word.utf8.first, first < 0x80 {
            guard isLower(first) else { return word }
            var bytes = Array(word.utf8)
            bytes[0] = first - 0x20
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// `+1` and `-1` would both become `_1`; spelling the sign keeps them apart.
    private static func startsWithNamedSymbol(_ raw: String, beforeDigit firstWord: String) -> Bool {
        guard let first = raw.first, let digit = firstWord.first else { return false }
        return digit.isNumber && symbolNames[first] != nil && first != "_" && first != " "
    }

    /// Names made only of symbols still need distinct, readable members: `+1` → `plus1`, `*` → `asterisk`.
    private static func symbolName(_ raw: String) -> String {
        var text = ""
        for character in raw {
            if let name = symbolNames[character] {
                text += text.isEmpty ? name : capitalizeFirst(name)
            } else if character.isLetter || character.isNumber {
                text.append(character)
            }
        }
        return text
    }

    private static let symbolNames: [Character: String] = [
        "+": "plus", "-": "minus", "*": "asterisk", "/": "slash", ".": "dot", "=": "equals", "<": "less",
        ">": "greater", "!": "not", "@": "at", "#": "hash", "$": "dollar", "%": "percent", "&": "and",
        "|": "or", "~": "tilde", "^": "caret", "?": "question", ":": "colon", ",": "comma", "_": "underscore",
        " ": "space",
    ]

    /// A member name that still starts with a digit gets a leading underscore, a type name a `Model` prefix (were
    /// both `_123`, a parameter would shadow the type its operation returns); an empty name gets the fallback.
    /// A member may not be `self`: as an initializer's parameter it would shadow the instance being set up.
    private static func validIdentifier(_ name: String, fallback: String, isType: Bool) -> String {
        guard let first = name.first else { return fallback }
        if first.isNumber { return isType ? "Model" + name : "_" + name }
        if isType, reservedTypeNames.contains(name) { return name + "Model" }
        if !isType, name == "self" { return "selfValue" }
        return name
    }

    /// Names a generated type may not take: they would shadow what generated code and its users rely on.
    static let reservedTypeNames: Set<String> = [
        "Any", "Array", "Bool", "CalendarDate", "Client", "ClientError", "Codable", "CodingKey", "CodingKeys",
        "Connection", "Data", "Date", "Decodable", "Decoder", "Dictionary", "Double", "Encodable", "Encoder",
        "Error", "Float", "Hashable", "Int", "Int32", "Int64", "JSONValue", "Never", "Optional", "Protocol",
        "Request", "Response", "Result", "Self", "Sendable", "Set", "String", "Type", "URL", "UUID", "Void",
        "Indirect", "Credential", "ClientConfiguration",
    ]

    static let reservedMemberWords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "as", "false", "is", "nil", "self", "Self", "super", "throws",
        "true", "try", "Any", "Type", "Protocol", "await", "consume", "copy", "discard", "borrowing", "consuming",
        "_",
    ]
}

/// Hands out names that stay unique within one scope; a clash gets the lowest free numeric suffix, so the
/// outcome depends only on the order names are requested in, which callers keep sorted.
struct NameScope {
    private var taken: Set<String>

    init(reserved: Set<String> = []) {
        taken = reserved
    }

    mutating func claim(_ name: String) -> String {
        if taken.insert(name).inserted { return name }
        var suffix = 2
        while !taken.insert("\(name)\(suffix)").inserted { suffix += 1 }
        return "\(name)\(suffix)"
    }

    func contains(_ name: String) -> Bool { taken.contains(name) }
}
