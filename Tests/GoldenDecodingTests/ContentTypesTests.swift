import ClientRuntime
import Foundation
import GoldenContentTypes
import Testing

@Suite struct ContentTypesTests {
    @Test func operationSignatures() {
        let client = Client(serverURL: URL(string: "https://example.com")!)
        let _: () async throws(ClientError) -> String = client.getReport
        let _: () async throws(ClientError) -> Data = client.download
        let _: () async throws(ClientError) -> Data = client.getAnything
        let _: (Data) async throws(ClientError) -> Void = client.upload
        let _: (LoginRequest) async throws(ClientError) -> LoginResponse = client.login
        let _: (AttachForm) async throws(ClientError) -> Void = client.attach
        let _: (String?) async throws(ClientError) -> Void = client.addNote
        let _: (String) async throws(ClientError) -> Entry? = client.getCached
        let _: () async throws(ClientError) -> Entry = client.getMixed
    }

    @Test func formBodyTypeIsCodable() throws {
        let login = LoginRequest(username: "u", password: "p")
        #expect(try GoldenCoding.json(login) == .object(["username": .string("u"), "password": .string("p")]))
        #expect(try GoldenCoding.decode(LoginResponse.self, #"{"token": "t"}"#).token == "t")
    }
}
