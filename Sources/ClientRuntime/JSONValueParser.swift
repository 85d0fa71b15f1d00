import Foundation

/// Parses JSON text (RFC 8259) straight into `JSONValue`, with the same results `JSONDecoder` gives for it:
/// numbers with an exact integer value become `.int`, others `.double`. Free-form result rows (Dune's) are
/// mostly what large results hold, and going through `Decodable` costs a thrown error for every value whose type is
/// not the first one tried, several times what parsing costs.
struct JSONValueParser {
    struct Failure: Error, CustomStringConvertible {
        var offset: Int
        var reason: String
        var description: String { "\(reason) at byte \(offset)" }
    }

    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    private var depth = 0
    private static let maxDepth = 512

    private init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The value of a whole JSON text.
    static func parse(_ data: some ContiguousBytes) throws -> JSONValue {
        try data.withUnsafeBytes { buffer in
            var parser = JSONValueParser(buffer)
            let value = try parser.value()
            parser.skipWhitespace()
            guard parser.index == buffer.count else { throw Failure(offset: parser.index, reason: "text after the JSON value") }
            return value
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func value() throws -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw Failure(offset: index, reason: "the text ends where a value should be") }
        switch bytes[index] {
        case 0x7B: return try object()
        case 0x5B: return try array()
        case 0x22: return .string(try string())
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        case 0x2D, 0x30...0x39: return try number()
        default: throw Failure(offset: index, reason: "unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let length = word.utf8CodeUnitCount
        guard index + length <= bytes.count,
              memcmp(bytes.baseAddress! + index, word.utf8Start, length) == 0 else {
            throw Failure(offset: index, reason: "expected \(word)")
        }
        index += length
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maxDepth { throw Failure(offset: index, reason: "nested deeper than \(Self.maxDepth) levels") }
    }

    private mutating func object() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == 0x7D {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == 0x22 else { throw Failure(offset: index, reason: "expected a member name") }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == 0x3A else { throw Failure(offset: index, reason: "expected ':'") }
            index += 1
            let member = try value()
            // The first of repeated names wins, as in JSONDecoder.
            if members[key] == nil { members[key] = member }
            skipWhitespace()
            guard index < bytes.count else { throw Failure(offset: index, reason: "the text ends inside an object") }
            if bytes[index] == 0x2C {
                index += 1
            } else if bytes[index] == 0x7D {
                index += 1
                return .object(members)
            } else {
                throw Failure(offset: index, reason: "expected ',' or '}'")
            }
        }
    }

    private mutating func array() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == 0x5D {
            index += 1
            return .array(items)
        }
        while true {
            items.append(try value())
            skipWhitespace()
            guard index < bytes.count else { throw Failure(offset: index, reason: "the text ends inside an array") }
            if bytes[index] == 0x2C {
                index += 1
            } else if bytes[index] == 0x5D {
                index += 1
                return .array(items)
            } else {
                throw Failure(offset: index, reason: "expected ',' or ']'")
            }
        }
    }

    private mutating func string() throws -> String {
        index += 1
        let start = index
        // The common case, no escapes: one copy of the bytes, validated only when they are not all ASCII.
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                index += 1
                if ascii { return String(decoding: slice, as: UTF8.self) }
                guard let text = String(bytes: slice, encoding: .utf8) else { throw Failure(offset: start, reason: "a string is not valid UTF-8") }
                return text
            }
            if byte == 0x5C { break }
            if byte < 0x20 { throw Failure(offset: index, reason: "a control character in a string") }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        var scalars = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x22:
                index += 1
                guard let text = String(bytes: scalars, encoding: .utf8) else { throw Failure(offset: start, reason: "a string is not valid UTF-8") }
                return text
            case 0x5C:
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case 0x22, 0x5C, 0x2F: scalars.append(escape)
                case 0x62: scalars.append(0x08)
                case 0x66: scalars.append(0x0C)
                case 0x6E: scalars.append(0x0A)
                case 0x72: scalars.append(0x0D)
                case 0x74: scalars.append(0x09)
                case 0x75:
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code) {
                        guard index + 2 <= bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else {
                            throw Failure(offset: index, reason: "an unpaired surrogate in a string")
                        }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw Failure(offset: index, reason: "an unpaired surrogate in a string") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(code) {
                        throw Failure(offset: index, reason: "an unpaired surrogate in a string")
                    }
                    scalars.append(contentsOf: String(Character(Unicode.Scalar(code)!)).utf8)
                default:
                    throw Failure(offset: index - 1, reason: "an invalid escape in a string")
                }
            default:
                if byte < 0x20 { throw Failure(offset: index, reason: "a control character in a string") }
                scalars.append(byte)
                index += 1
            }
        }
        throw Failure(offset: start, reason: "a string is never closed")
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw Failure(offset: index, reason: "a short \\u escape") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32 = switch byte {
            case 0x30...0x39: UInt32(byte - 0x30)
            case 0x41...0x46: UInt32(byte - 0x41 + 10)
            case 0x61...0x66: UInt32(byte - 0x61 + 10)
            default: throw Failure(offset: index, reason: "an invalid \\u escape")
            }
            code = code << 4 | digit
            index += 1
        }
        return code
    }

    /// As `JSONDecoder` reads into `JSONValue`: an exact integer value that fits `Int` is `.int`, even written
    /// `1.0` or `1e3`; anything else a finite `.double`.
    private mutating func number() throws -> JSONValue {
        let start = index
        var integral = true
        if bytes[index] == 0x2D { index += 1 }
        guard index < bytes.count, (0x30...0x39).contains(bytes[index]) else { throw Failure(offset: start, reason: "a malformed number") }
        if bytes[index] == 0x30 {
            index += 1
        } else {
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == 0x2E {
            integral = false
            index += 1
            guard index < bytes.count, (0x30...0x39).contains(bytes[index]) else { throw Failure(offset: start, reason: "a malformed number") }
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            integral = false
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            guard index < bytes.count, (0x30...0x39).contains(bytes[index]) else { throw Failure(offset: start, reason: "a malformed number") }
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        }
        let digits = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        if integral, digits.count < 19 {
            // Up to 18 digits always fit an Int.
            var value = 0
            for digit in digits where digit != 0x2D { value = value * 10 + Int(digit - 0x30) }
            return .int(digits[0] == 0x2D ? -value : value)
        }
        let text = String(decoding: digits, as: UTF8.self)
        if integral, let value = Int(text) { return .int(value) }
        guard let value = Double(text), value.isFinite else { throw Failure(offset: start, reason: "a number out of range") }
        if let exact = Int(exactly: value) { return .int(exact) }
        return .double(value)
    }
}

/// Row types that `JSONRows` fills from `JSONValueParser` rather than through `Decodable`.
protocol JSONValueRow {
    init?(jsonValue: JSONValue)
}

extension JSONValue: JSONValueRow {
    init?(jsonValue: JSONValue) {
        self = jsonValue
    }
}

extension Dictionary: JSONValueRow where Key == String, Value == JSONValue {
    init?(jsonValue: JSONValue) {
        guard case .object(let members) = jsonValue else { return nil }
        self = members
    }
}
