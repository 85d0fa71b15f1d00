/// Spells spec values (`default`, enum raw values, discriminator values) as Swift literals.
enum SwiftLiteral {
    static func string(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\0": text += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    text += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }

    /// The literal for `value` as a `usage`, or nil when the value does not fit the type (real specs have
    /// defaults of the wrong type; those are left out rather than breaking the build).
    static func value(_ value: JSONLiteral, as usage: TypeUsage) -> String? {
        if let cases = usage.enumCases {
            return cases[value].map { "." + $0 }
        }
        switch (usage.type, value) {
        case ("String", .string(let text)): return string(text)
        case ("Int", .int(let number)), ("Int64", .int(let number)): return String(number)
        case ("Int32", .int(let number)):
            return Int32(exactly: number) != nil ? String(number) : nil
        case ("Double", .int(let number)), ("Float", .int(let number)): return String(number)
        case ("Double", .double(let number)), ("Float", .double(let number)):
            return number.isFinite ? String(number) : nil
        case ("Bool", .bool(let flag)): return String(flag)
        default:
            break
        }
        if let elementCases = usage.isArrayOf, case .array(let items) = value {
            let literals = items.map { elementCases[$0].map { "." + $0 } }
            guard !literals.contains(where: { $0 == nil }) else { return nil }
            return "[" + literals.compactMap { $0 }.joined(separator: ", ") + "]"
        }
        if usage.type.hasPrefix("["), !usage.type.contains(":"), case .array(let items) = value {
            let element = TypeUsage(String(usage.type.dropFirst().dropLast()))
            let literals = items.map { Self.value($0, as: element) }
            guard !literals.contains(where: { $0 == nil }) else { return nil }
            return "[" + literals.compactMap { $0 }.joined(separator: ", ") + "]"
        }
        return nil
    }
}
