import ClientRuntime
import Foundation
import GoldenNullability30
import Testing

@Suite struct Nullability30Tests {
    @Test func nullableFormsAcceptNull() throws {
        let record = try GoldenCoding.decode(Record.self, """
            {"id": "r", "nickname": null, "owner": null, "nullableOwner": null, "count": null, "values": ["a", null]}
            """)
        #expect(record.nickname == nil)
        #expect(record.owner == nil)
        #expect(record.nullableOwner == nil)
        #expect(record.count == nil)
        #expect(record.values == ["a", nil])
    }

    @Test func nullableFormsKeepValues() throws {
        let record = try GoldenCoding.decode(Record.self, """
            {"id": "r", "nickname": "n", "owner": {"name": "o"}, "nullableOwner": {}, "count": 2, "optional": "p"}
            """)
        let owner: Owner? = record.owner
        #expect(owner == Owner(name: "o"))
        #expect(record.nullableOwner == NullableOwner())
        #expect(record.count == 2)
        #expect(record.optional == "p")
        #expect(try GoldenCoding.roundTrip(record) == record)
    }

    @Test func requiredNullableKeysAreWrittenAsNullOptionalOnesOmitted() throws {
        #expect(try GoldenCoding.json(Record(id: "r")) == .object(["id": .string("r"), "nickname": .null, "owner": .null, "nullableOwner": .null]))
        #expect(throws: DecodingError.self) { try GoldenCoding.decode(Record.self, #"{"id": null}"#) }
    }

    @Test func nullableParameter() {
        let client = Client(serverURL: URL(string: "https://example.com")!)
        let _: (String?) async throws(ClientError) -> Record = client.getRecord
    }
}
