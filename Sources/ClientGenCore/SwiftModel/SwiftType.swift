/// A Swift type as generated code spells it. Translation passes compare and walk these instead of reading
/// type spellings back out of strings; only rendering spells them.
public indirect enum SwiftType: Hashable, Sendable {
    /// A type from the standard library, Foundation or ClientRuntime.
    case builtin(BuiltinType)
    /// A type the generated module declares, by its Swift name.
    case declared(String)
    case optional(SwiftType)
    case array(SwiftType)
    /// `[String: Value]`: JSON objects only have string keys.
    case dictionary(SwiftType)
    /// `ServerSentEvents<Payload>`: a `text/event-stream` response's events, their data decoded as `Payload`.
    case events(SwiftType)
    /// `JSONStream<Item>`: a JSON Lines or JSON text sequence response's items.
    case jsonStream(SwiftType)
    /// `JSONRows<Row>`: the elements of an array in a large JSON response.
    case jsonRows(SwiftType)

    public var spelling: String {
        switch self {
        case .builtin(let type): type.rawValue
        case .declared(let name): name
        case .optional(let wrapped): wrapped.spelling + "?"
        case .array(let element): "[" + element.spelling + "]"
        case .dictionary(let value): "[String: " + value.spelling + "]"
        case .events(let payload): "ServerSentEvents<" + payload.spelling + ">"
        case .jsonStream(let item): "JSONStream<" + item.spelling + ">"
        case .jsonRows(let row): "JSONRows<" + row.spelling + ">"
        }
    }

    /// `T?` for a `T`; a type that is already optional stays as it is.
    public var optional: SwiftType {
        if case .optional = self { return self }
        return .optional(self)
    }

    public var isOptional: Bool {
        if case .optional = self { true } else { false }
    }

    /// The type without one level of `Optional`.
    public var unwrapped: SwiftType {
        if case .optional(let wrapped) = self { wrapped } else { self }
    }

    /// The name of a type this module declares, seen through one level of `Optional`.
    public var declaredName: String? {
        if case .declared(let name) = unwrapped { name } else { nil }
    }

    public static let string = SwiftType.builtin(.string)
    public static let json = SwiftType.builtin(.jsonValue)
}

/// The types generated code uses without declaring them.
public enum BuiltinType: String, Hashable, Sendable, CaseIterable {
    case string = "String"
    case int = "Int"
    case int32 = "Int32"
    case int64 = "Int64"
    case double = "Double"
    case bool = "Bool"
    case date = "Date"
    case calendarDate = "CalendarDate"
    case uuid = "UUID"
    case data = "Data"
    case url = "URL"
    case jsonValue = "JSONValue"
    /// A body read as it arrives.
    case httpBody = "HTTPBody"
    case multipartFile = "MultipartFile"
    case multipartForm = "MultipartForm"
    case csvRows = "CSVRows"
    case basicCredentials = "BasicCredentials"
    case clientConfiguration = "ClientConfiguration"
}
