import ClientRuntime
import Foundation
import GoldenDictionaries
import Testing

@Suite struct DictionariesTests {
    @Test func additionalPropertiesSchemasAndFreeForm() throws {
        let metrics = try GoldenCoding.decode(Metrics.self, """
            {"counts": {"a": 1, "b": 2}, "freeForm": {"x": [1, "y"]}, "empty": 3, "missing": {"k": null},
             "nested": {"n": ["s"]}}
            """)
        let counts: Counts? = metrics.counts
        #expect(counts == ["a": 1, "b": 2])
        #expect(metrics.freeForm == ["x": .array([.int(1), .string("y")])])
        #expect(metrics.empty == .int(3))
        #expect(metrics.missing == ["k": .null])
        // `type: object` is any object, not any value.
        #expect(throws: DecodingError.self) { try GoldenCoding.decode(Metrics.self, #"{"freeForm": "text"}"#) }
        #expect(throws: DecodingError.self) { try GoldenCoding.decode(Metrics.self, #"{"missing": [1]}"#) }
        #expect(metrics.nested == ["n": ["s"]])
        let anything: Anything = ["z": .bool(true)]
        #expect(try GoldenCoding.roundTrip(anything) == anything)
    }

    @Test func additionalPropertiesBesideDeclaredOnesAreKeptAndReEncoded() throws {
        let labelled = try GoldenCoding.decode(Labelled.self, #"{"name": "n", "color": "red", "size": "L"}"#)
        #expect(labelled.name == "n")
        #expect(labelled.additionalProperties == ["color": "red", "size": "L"])
        #expect(try GoldenCoding.json(labelled) == .object(["name": .string("n"), "color": .string("red"), "size": .string("L")]))
        #expect(throws: DecodingError.self) { try GoldenCoding.decode(Labelled.self, #"{"name": "n", "count": 1}"#) }

        let open = try GoldenCoding.decode(Open.self, #"{"id": 1, "extra": {"deep": [true]}}"#)
        #expect(open.id == 1)
        #expect(open.additionalProperties == ["extra": .object(["deep": .array([.bool(true)])])])
        #expect(try GoldenCoding.roundTrip(open) == open)
    }

    @Test func aStructOfOnlyExtraMembersKeepsThemAll() throws {
        let extras = try GoldenCoding.decode(OnlyExtras.self, #"{"a": "1", "b": "2"}"#)
        #expect(extras.additionalProperties == ["a": "1", "b": "2"])
        #expect(try GoldenCoding.roundTrip(extras) == extras)
    }

    @Test func closedObjectsIgnoreUnknownKeys() throws {
        #expect(try GoldenCoding.decode(Closed.self, #"{"id": 1, "other": 2}"#) == Closed(id: 1))
    }
}
