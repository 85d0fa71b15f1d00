import Foundation
import Testing
@testable import ClientRuntime

/// `JSONValueParser` stands in for `JSONDecoder` on free-form rows, so `JSONDecoder` is the judge: the same value
/// for every text it accepts, and a failure for every text it refuses.
@Suite struct JSONValueParserTests {
    static func decoded(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static func parsed(_ text: String) -> JSONValue? {
        try? JSONValueParser.parse(Data(text.utf8))
    }

    static let valid = [
        "0", "-0", "7", "-12", "1.0", "1e3", "1E+2", "2.5e-3", "-0.0", "123456789012345678", "1234567890123456789",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "0.1", "3.141592653589793",
        "true", "false", "null", #""""#, #""plain""#, #""é 中 😀""#, #""\"\\\/\b\f\n\r\t""#, #""\u00e9\u4e2d""#,
        #""\ud83d\ude00""#, "[]", "{}", " [ 1 , 2 ] ", #"{"a":1,"a":2}"#, #"{"nested":{"deep":[[[]]],"x":null}}"#,
        #"[{"id":1,"name":"a"},{"id":2.5,"name":null,"tags":["x","y"]}]"#, "\t\r\n[\n1\n]\n",
    ]

    static let invalid = [
        "", " ", "01", "-", "1.", ".5", "1e", "+1", "[,1]", #"{"a" 1}"#, "{a:1}", "[1 2]",
        "tru", "nul", "True", #""unterminated"#, "\"tab\there\"", #""\x""#, #""\u12""#, #""\ud83d""#, #""\ude00""#,
        "[1]]", "{} {}", "[", "NaN", "Infinity", "1e400",
    ]

    @Test(arguments: valid) func agreesWithJSONDecoder(_ text: String) throws {
        let expected = try #require(Self.decoded(text), "JSONDecoder refuses \(text)")
        #expect(Self.parsed(text) == expected, "\(text)")
    }

    @Test(arguments: invalid) func refusesWhatJSONDecoderRefuses(_ text: String) {
        #expect(Self.decoded(text) == nil, "JSONDecoder accepts \(text)")
        #expect(Self.parsed(text) == nil, "\(text)")
    }

    /// JSONDecoder allows a trailing comma; the parser does not, and `JSONRows` then falls back to JSONDecoder.
    @Test func trailingCommasAreLeftToJSONDecoder() {
        for text in ["[1,]", #"{"a":1,}"#] {
            #expect(Self.decoded(text) != nil)
            #expect(Self.parsed(text) == nil, "\(text)")
        }
    }

    @Test func refusesInvalidUTF8() {
        let bytes = Data([0x22, 0xC3, 0x28, 0x22])
        #expect((try? JSONDecoder().decode(JSONValue.self, from: bytes)) == nil)
        #expect((try? JSONValueParser.parse(bytes)) == nil)
    }

    @Test func boundsNesting() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONValueParser.Failure.self) { try JSONValueParser.parse(Data(deep.utf8)) }
    }

    /// Random documents, encoded by `JSONSerialization` so that the text is an independent party's.
    @Test func agreesOnRandomDocuments() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        for round in 0..<300 {
            let object = Self.randomValue(depth: 0, using: &generator)
            let data = try JSONSerialization.data(withJSONObject: ["v": object], options: [.fragmentsAllowed])
            let expected = try JSONDecoder().decode(JSONValue.self, from: data)
            #expect(try JSONValueParser.parse(data) == expected, "round \(round): \(String(decoding: data, as: UTF8.self))")
        }
    }

    static func randomValue(depth: Int, using generator: inout SeededGenerator) -> Any {
        let pick = Int.random(in: 0..<(depth > 3 ? 6 : 8), using: &generator)
        switch pick {
        case 0: return NSNull()
        case 1: return Bool.random(using: &generator)
        case 2: return Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0..<63, using: &generator)
        case 3: return Double.random(in: -1e12...1e12, using: &generator)
        case 4: return Double(Int.random(in: -1000...1000, using: &generator)) / 8
        case 5:
            let alphabet = Array("ab \"\\/\n\t\u{1}é中😀")
            return String((0..<Int.random(in: 0..<12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        case 6: return (0..<Int.random(in: 0..<5, using: &generator)).map { _ in randomValue(depth: depth + 1, using: &generator) }
        default:
            var object: [String: Any] = [:]
            for index in 0..<Int.random(in: 0..<5, using: &generator) {
                object["k\(index)"] = randomValue(depth: depth + 1, using: &generator)
            }
            return object
        }
    }
}

/// SplitMix64, so that a failing round can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
