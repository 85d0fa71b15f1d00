import ClientRuntime
import Foundation
import GoldenErrors
import Testing

@Suite struct ErrorsTests {
    @Test func errorBodiesDecode() throws {
        #expect(try GoldenCoding.decode(Problem.self, #"{"title": "Nope", "status": 404}"#) == Problem(title: "Nope", status: 404))
        #expect(try GoldenCoding.decode(GetOrderUnprocessableContent.self, #"{"fields": ["id"]}"#).fields == ["id"])
        #expect(try GoldenCoding.decode(CreateOrderDefault.self, #"{"message": "m"}"#).message == "m")
    }

    @Test func defaultOnlyResponseIsTheSuccessType() throws {
        #expect(try GoldenCoding.decode(HealthResponse.self, #"{"ok": true}"#).ok == true)
        let client = Client(serverURL: URL(string: "https://example.com")!)
        let _: () async throws(ClientError) -> HealthResponse = client.health
        let _: (String) async throws(ClientError) -> Order = client.getOrder
        let _: (Order) async throws(ClientError) -> Order = client.createOrder
        let _: () async throws(ClientError) -> String = client.ping
    }
}
