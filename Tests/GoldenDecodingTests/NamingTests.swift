import ClientRuntime
import Foundation
import GoldenNaming
import Testing

@Suite struct NamingTests {
    @Test func reservedWordsAreUsableAtCallSites() throws {
        let value = try GoldenCoding.decode(TypeModel.self, """
            {"class": "c", "self": "s", "default": 1, "init": true, "func": "f", "Type": "T", "Protocol": "P", "Self": "S"}
            """)
        #expect(value.class == "c")
        #expect(value.selfValue == "s")
        #expect(value.default == 1)
        #expect(value.`init` == true)
        #expect(value.func == "f")
        #expect(value.type == "T")
        #expect(value.protocol == "P")
        #expect(value.selfValue2 == "S")
        let made = TypeModel(class: "c", selfValue: "s", default: 1, init: true, func: "f", type: "T", protocol: "P", selfValue2: "S")
        #expect(made == value)
        #expect(try GoldenCoding.json(made)["self"] == .string("s"))
    }

    @Test func punctuationUnicodeDigitsAndEmoji() throws {
        let value = try GoldenCoding.decode(ProtocolModel.self, """
            {"@id": "i", "$ref": "r", "2fa_enabled": true, "naïve_café": "n", "🚀": "rocket", "+": "plus", "123": 7,
             "user_name": "snake", "userName": "camel", "legacy_field": "modern"}
            """)
        #expect(value.id == "i")
        #expect(value.ref == "r")
        #expect(value._2faEnabled == true)
        #expect(value.naïveCafé == "n")
        #expect(value.value == "rocket")
        #expect(value.plus == "plus")
        #expect(value._123 == 7)
        #expect(value.userName == "snake")
        #expect(value.userName2 == "camel")
        #expect(value.modernField == "modern")
        #expect(try GoldenCoding.roundTrip(value) == value)
    }

    @Test func typeNamesAvoidSwiftAndRuntimeNames() {
        let _: SelfModel = SelfModel(id: 1)
        let _: ProtocolModel = ProtocolModel()
        let _: Model2FAConfig = Model2FAConfig(enabled: true)
        #expect(UserProfile(name: "n").name == "n")
        #expect(UserProfile2(id: 1).id == 1)
    }

    @Test func swiftNameOverrides() {
        #expect(ModernThing(id: 3).id == 3)
        #expect(ProtocolModel(modernField: "m").modernField == "m")
    }

    @Test func operationNames() {
        let client = Client(serverURL: URL(string: "https://example.com")!)
        let _: (String, Bool?, String?, Int?) async throws(ClientError) -> TypeModel = client.class
        let _: () async throws(ClientError) -> ProtocolModel = client.`init`
        let _: (Int) async throws(ClientError) -> SelfModel = client.readItem
        let _: (String) async throws(ClientError) -> Void = client.getThingsByThingIdParts
        let _: (String) async throws(ClientError) -> Void = client.removeAllParts
    }
}
