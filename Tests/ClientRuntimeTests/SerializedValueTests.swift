import ClientRuntime
import Foundation
import Testing

@Suite struct SerializedValueTests {
    struct Row: Decodable, Equatable { var id: Int; var at: Date }

    @Test func decodesJSONWhenUntypedOrJSON() throws {
        let text = #"[{"id":1,"at":"2024-04-29 21:11:17+00:00"}]"#
        let expected = [Row(id: 1, at: Date(timeIntervalSince1970: 1_714_425_077))]
        #expect(try SerializedValue.decode(text, contentType: nil, as: [Row].self) == expected)
        #expect(try SerializedValue.decode(text, contentType: "application/json", as: [Row].self) == expected)
        #expect(try SerializedValue.decode(text, contentType: "application/vnd.api+json", as: [Row].self) == expected)
        #expect(try SerializedValue.decode(#"{"a":1}"#, contentType: nil, as: JSONValue.self) == ["a": 1])
    }

    @Test func textAndCSV() throws {
        #expect(try SerializedValue.decode("id\n1\n", contentType: "text/plain", as: String.self) == "id\n1\n")
        #expect(try SerializedValue.decode(#"{"a":1}"#, contentType: "application/json", as: String.self) == #"{"a":1}"#)
        #expect(try SerializedValue.decode(#""quoted""#, contentType: nil, as: String.self) == "quoted")
        #expect(try SerializedValue.decode("id\n1\n", contentType: "text/csv; charset=utf-8", as: CSVTable.self).rows == [["1"]])
    }

    @Test func reportsWhatCannotBeDecoded() throws {
        #expect {
            try SerializedValue.decode("id\n1\n", contentType: "text/csv", as: [Row].self)
        } throws: { error in
            guard case ClientError.unexpectedContentType(_, "text/csv") = error else { return false }
            return true
        }
        #expect {
            try SerializedValue.decode(#"[{"id":"x"}]"#, contentType: nil, as: [Row].self)
        } throws: { error in
            guard case ClientError.decoding(let failure) = error else { return false }
            return failure.codingPath == "[0].id"
        }
    }
}

extension SerializedValueTests {
    @Test func csvTablesNeedACSVType() throws {
        #expect(try SerializedValue.decode("a\n1", contentType: nil, as: CSVTable.self).header == ["a"])
        #expect(throws: ClientError.self) { try SerializedValue.decode("{}", contentType: "application/json", as: CSVTable.self) }
    }
}
