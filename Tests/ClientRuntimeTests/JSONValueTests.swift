import ClientRuntime
import Foundation
import Testing

@Suite struct JSONValueTests {
    @Test func roundTripsEveryKind() throws {
        let text = #"{"a":[1,2.5,"x",true,null],"b":{"c":-3}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(value["a"]?[0] == .int(1))
        #expect(value["a"]?[1] == .double(2.5))
        #expect(value["a"]?[2]?.stringValue == "x")
        #expect(value["a"]?[3]?.boolValue == true)
        #expect(value["a"]?[4]?.isNull == true)
        #expect(value["b"]?["c"]?.intValue == -3)
        let again = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
        #expect(again == value)
    }

    @Test func decodesIntoUserType() throws {
        struct Point: Decodable, Equatable { var x: Int; var y: Int }
        let value = JSONValue.object(["x": .int(1), "y": .int(2)])
        #expect(try value.decode(as: Point.self) == Point(x: 1, y: 2))
    }
}

@Suite struct JSONValueNumberTests {
    private func roundTrip(_ text: String) throws -> (JSONValue, String) {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        return (value, String(decoding: try JSONEncoder().encode(value), as: UTF8.self))
    }

    @Test func largeIntegersStayExact() throws {
        let (value, text) = try roundTrip("[9223372036854775807,-9223372036854775808,9007199254740993]")
        #expect(value[0] == .int(.max))
        #expect(value[1] == .int(.min))
        #expect(value[2]?.intValue == 9_007_199_254_740_993)
        #expect(text == "[9223372036854775807,-9223372036854775808,9007199254740993]")
    }

    @Test func numbersBeyondIntBecomeDoubles() throws {
        let (value, text) = try roundTrip("[18446744073709551616,1e300,0.1]")
        #expect(value[0] == .double(18_446_744_073_709_551_616))
        #expect(value[1] == .double(1e300))
        #expect(value[2] == .double(0.1))
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) == value)
    }

    @Test func integralDoublesEqualTheirIntAfterARoundTrip() throws {
        let original = JSONValue.object(["x": .double(3.0), "y": .double(2.5)])
        let again = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(original))
        #expect(again == original)
        #expect(again.hashValue == original.hashValue)
        #expect(JSONValue.int(1) != .double(1.5))
        #expect(JSONValue.string("1") != .int(1))
    }

    @Test func literalsAndDatesThroughDecodeAs() throws {
        struct Event: Decodable { var at: Date; var tags: [String] }
        let value: JSONValue = ["at": "2024-04-29T21:11:17.123456Z", "tags": ["a", "b"], "ok": true]
        let event = try value.decode(as: Event.self)
        #expect(abs(event.at.timeIntervalSince1970 - 1_714_425_077.123456) < 1e-6)
        #expect(event.tags == ["a", "b"])
    }
}
