import ClientRuntime
import Foundation
import GoldenDefaults
import Testing

@Suite struct DefaultsTests {
    @Test func defaultsApplyWhenKeysAreAbsent() throws {
        let settings = try GoldenCoding.decode(Settings.self, "{}")
        #expect(settings.theme == "light")
        #expect(settings.pageSize == 25)
        #expect(settings.beta == true)
        #expect(settings.ratio == 1.5)
        #expect(settings.sort == .relevance)
        #expect(settings.channels == [.email, .push])
        #expect(settings.retries == nil)
        #expect(settings.nickname == nil)
        #expect(settings == Settings())
    }

    @Test func presentValuesWin() throws {
        let settings = try GoldenCoding.decode(Settings.self, """
            {"theme": "dark", "pageSize": 5, "beta": false, "ratio": 2, "sort": "recent", "channels": [], "retries": 1, "nickname": "n"}
            """)
        #expect(settings == Settings(theme: "dark", pageSize: 5, beta: false, ratio: 2, sort: .recent, channels: [], retries: 1, nickname: "n"))
        #expect(try GoldenCoding.roundTrip(settings) == settings)
    }

    @Test func parameterDefaults() {
        let client = Client(serverURL: URL(string: "https://example.com")!)
        let _: (String, Int?, Bool?, Double?, Sort?, [String]?, Int?) async throws(ClientError) -> Settings = client.search
    }
}
