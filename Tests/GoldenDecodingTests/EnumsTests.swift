import ClientRuntime
import Foundation
import GoldenEnums
import Testing

@Suite struct EnumsTests {
    @Test func unknownValuesDecodeAsUnknownAndRoundTrip() throws {
        let kind = try GoldenCoding.decode(FileKind.self, #""parquet_file""#)
        #expect(kind == .unknown("parquet_file"))
        #expect(try GoldenCoding.json(kind) == .string("parquet_file"))
        #expect(try GoldenCoding.decode(Priority.self, "9") == .unknown(9))
        #expect(try GoldenCoding.json(Priority.unknown(9)) == .int(9))
    }

    @Test func valuesThatNeedRenaming() throws {
        #expect(try GoldenCoding.decode([Vote].self, #"["+1", "-1"]"#) == [.plus1, .minus1])
        let kinds = try GoldenCoding.decode([FileKind].self, #"["json_file", "csv_file", "default", "unknown", "", "self", "Type"]"#)
        #expect(kinds == [.jsonFile, .csvFile, .default, .unknown2, .empty, .selfValue, .type])
        #expect(kinds.map(\.rawValue) == ["json_file", "csv_file", "default", "unknown", "", "self", "Type"])
        #expect(FileKind(rawValue: "unknown") == .unknown2)
    }

    @Test func valuesDifferingOnlyInCaseStayDistinct() throws {
        #expect(try GoldenCoding.decode([Casing].self, #"["value", "Value", "VALUE"]"#) == [.value, .value2, .value3])
        #expect(Casing.value3.rawValue == "VALUE")
    }

    @Test func integerEnums() throws {
        #expect(try GoldenCoding.decode([Priority].self, "[1, 2, 3, -1]") == [._1, ._2, ._3, .minus1])
        #expect(Priority.minus1.rawValue == -1)
    }

    @Test func inlineEnumsInPropertiesAndParameters() throws {
        let reaction = try GoldenCoding.decode(Reaction.self, #"{"vote": "+1", "file": "json_file", "mood": "sad", "tags": ["hot", "cold"]}"#)
        #expect(reaction.mood == ReactionMood.sad)
        #expect(reaction.tags == [ReactionTagsItem.hot, .unknown("cold")])
        #expect(try GoldenCoding.roundTrip(reaction) == reaction)
        let client = Client(serverURL: URL(string: "https://example.com")!)
        let _: (ListReactionsKind, ListReactionsOrder?, Priority?) async throws(ClientError) -> [Reaction] = client.listReactions
        #expect(ListReactionsOrder.desc.rawValue == "desc")
    }
}
