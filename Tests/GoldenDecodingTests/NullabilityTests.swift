import ClientRuntime
import Foundation
import GoldenNullability
import Testing

@Suite struct NullabilityTests {
    @Test func nullAndAbsentBothReadAsNil() throws {
        let record = try GoldenCoding.decode(Record.self, """
            {"id": "r1", "nickname": null, "requiredNullable": null, "owner": null, "optionalNullable": null}
            """)
        #expect(record.nickname == nil)
        #expect(record.requiredNullable == nil)
        #expect(record.owner == nil)
        #expect(record.optionalNullable == nil)
        #expect(record.optional == nil)
        #expect(record.previousOwner == nil)
    }

    @Test func valuesOfNullableForms() throws {
        let record = try GoldenCoding.decode(Record.self, """
            {"id": "r1", "nickname": "Bo", "requiredNullable": 3, "optionalNullable": "x", "optional": "y",
             "owner": {"name": "A"}, "previousOwner": {"name": "B"}, "scores": [1.5, null], "labels": null}
            """)
        let owner: Owner? = record.owner
        #expect(owner?.name == "A")
        #expect(record.previousOwner?.name == "B")
        #expect(record.nickname == "Bo")
        #expect(record.requiredNullable == 3)
        #expect(record.scores == [1.5, nil])
        #expect(record.labels == nil)
        #expect(try GoldenCoding.roundTrip(record) == record)
    }

    @Test func requiredNonNullableIsRequired() {
        #expect(throws: DecodingError.self) { try GoldenCoding.decode(Record.self, #"{"nickname": "Bo"}"#) }
        #expect(throws: DecodingError.self) { try GoldenCoding.decode(Record.self, #"{"id": null}"#) }
        #expect(throws: DecodingError.self) { try GoldenCoding.decode(Record.self, #"{"id": "r", "optional": null, "owner": {}}"#) }
    }

    @Test func requiredNullableKeysAreWrittenAsNullOptionalOnesOmitted() throws {
        let json = try GoldenCoding.json(Record(id: "r"))
        #expect(json == .object(["id": .string("r"), "nickname": .null, "requiredNullable": .null, "owner": .null]))
    }

    @Test func nullableQueryParameter() {
        let client = Client(serverURL: URL(string: "https://example.com")!)
        let _: (String, String?) async throws(ClientError) -> Record = client.getRecord
    }
}
