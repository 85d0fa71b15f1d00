/// A value generated code writes as a literal or a short expression: parameter and property defaults, and
/// the values a `waitFor…` helper matches.
public indirect enum SwiftValue: Hashable, Sendable {
    case `nil`
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// `.pending`: a case of the generated enum `of` names, which the value's type is or wraps.
    case enumCase(String, of: String)
    case array([SwiftValue])
    /// `[:]`
    case emptyDictionary
    /// `.init()`
    case defaultInstance
    /// `URL(string: "…")!` for a URL the translator has checked.
    case url(String)
}

extension SwiftValue {
    /// The value of a spec literal (`default`, a value in `x-clientgen-wait`) as a `type`, or nil when the
    /// literal does not fit the type: real specs have defaults of the wrong type, and those are left out
    /// rather than breaking the build. `enumCases` gives the case names of the generated enums.
    static func from(_ literal: JSONLiteral, as type: SwiftType, enumCases: (String) -> [JSONLiteral: String]?) -> SwiftValue? {
        switch type {
        case .declared(let name):
            return enumCases(name).flatMap { $0[literal] }.map { .enumCase($0, of: name) }
        case .builtin(let builtin):
            switch (builtin, literal) {
            case (.string, .string(let text)): return .string(text)
            case (.int, .int(let number)), (.int64, .int(let number)): return .int(number)
            case (.int32, .int(let number)): return Int32(exactly: number) != nil ? .int(number) : nil
            case (.double, .int(let number)): return .int(number)
            case (.double, .double(let number)): return number.isFinite ? .double(number) : nil
            case (.bool, .bool(let flag)): return .bool(flag)
            default: return nil
            }
        case .array(let element):
            guard case .array(let items) = literal else { return nil }
            var values: [SwiftValue] = []
            for item in items {
                guard let value = from(item, as: element, enumCases: enumCases) else { return nil }
                values.append(value)
            }
            return .array(values)
        case .optional, .dictionary, .events, .jsonStream, .jsonRows:
            return nil
        }
    }
}
