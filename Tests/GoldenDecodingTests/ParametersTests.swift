import ClientRuntime
import Foundation
import GoldenParameters
import Testing

@Suite struct ParametersTests {
    /// Required parameters first (path, then the rest in spec order), the ignored `Accept` header absent,
    /// path-level parameters included.
    @Test func signature() {
        let client = Client(serverURL: URL(string: "https://example.com")!)
        let _: (String, Int, String, Bool, String?, [String: String]?, [Int]?, [String]?, [Int]?, [String]?, [String]?, GetItemFilter?, String?) async throws(ClientError) -> Void
            = client.getItem
    }

    @Test func deepObjectFilterIsAStruct() throws {
        let filter = GetItemFilter(status: "open", minPrice: 2.5)
        #expect(try GoldenCoding.json(filter) == .object(["status": .string("open"), "minPrice": .double(2.5)]))
    }
}
