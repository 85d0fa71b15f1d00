import ClientRuntime
import Foundation
import GoldenAuth
import Testing

@Suite struct AuthTests {
    @Test func serverVariablesTakeTheirDefaults() {
        let client = GoldenAuth.Client()
        #expect(client.connection.serverURL.absoluteString == "https://eu.example.com/v1")
    }
}
