/// Reads and writes the members of a JSON object that its schema does not name, for types whose schema
/// allows `additionalProperties` beside declared ones.
public enum AdditionalProperties {
    public static func decode<Value: Decodable, Known: CodingKey>(
        from decoder: any Decoder,
        excluding known: Known.Type
    ) throws -> [String: Value] {
        try decode(from: decoder, keeping: { Known(stringValue: $0) == nil })
    }

    private static func decode<Value: Decodable>(from decoder: any Decoder, keeping isExtra: (String) -> Bool) throws -> [String: Value] {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var values: [String: Value] = [:]
        for key in container.allKeys where isExtra(key.stringValue) {
            values[key.stringValue] = try container.decode(Value.self, forKey: key)
        }
        return values
    }

    /// Every member, for types that declare none of their own.
    public static func decode<Value: Decodable>(from decoder: any Decoder) throws -> [String: Value] {
        try decode(from: decoder, keeping: { _ in true })
    }

    public static func encode<Value: Encodable>(_ values: [String: Value], to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (key, value) in values {
            try container.encode(value, forKey: AnyCodingKey(stringValue: key))
        }
    }
}

/// A coding key for any member name.
public struct AnyCodingKey: CodingKey, Hashable, Sendable {
    public var stringValue: String
    public var intValue: Int?

    public init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    public init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
