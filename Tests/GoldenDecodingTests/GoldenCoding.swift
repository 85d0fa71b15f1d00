import ClientRuntime
import Foundation

/// Decodes and encodes with the coders the runtime uses, so the tests see what a client would.
enum GoldenCoding {
    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONCoding.makeDecoder().decode(T.self, from: Data(json.utf8))
    }

    /// The value as JSON, read back as a `JSONValue` so key order does not matter.
    static func json<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONCoding.makeDecoder().decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(value))
    }

    static func roundTrip<T: Codable>(_ value: T) throws -> T {
        try JSONCoding.makeDecoder().decode(T.self, from: JSONCoding.makeEncoder().encode(value))
    }
}
