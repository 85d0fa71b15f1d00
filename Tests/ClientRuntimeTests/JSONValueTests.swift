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
