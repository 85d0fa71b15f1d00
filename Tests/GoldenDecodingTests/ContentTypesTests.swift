import ClientRuntime
import Foundation
import GoldenContentTypes
import Testing

@Suite struct ContentTypesTests {
    @Test func operationSignatures() {
        let client = Client(serverURL: URL(string: "https://example.com")!)
        let _: () async throws -> String = client.getReport
        let _: () async throws -> Data = client.download
        let _: () async throws -> Data = client.getAnything
        let _: (Data) async throws -> Void = client.upload
        let _: (LoginRequest) async throws -> LoginResponse = client.login
        let _: (AttachForm) async throws -> Void = client.attach
        let _: (String?) async throws -> Void = client.addNote
        let _: (String) async throws -> Entry? = client.getCached
        let _: () async throws -> Entry = client.getMixed
    }

    @Test func formBodyTypeIsCodable() throws {
        let login = LoginRequest(username: "u", password: "p")
        #expect(try GoldenCoding.json(login) == .object(["username": .string("u"), "password": .string("p")]))
        #expect(try GoldenCoding.decode(LoginResponse.self, #"{"token": "t"}"#).token == "t")
    }
}
