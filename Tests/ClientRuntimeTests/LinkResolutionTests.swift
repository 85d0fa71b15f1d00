import ClientRuntime
import Foundation
import HTTPTestServer
import Testing

@Suite struct LinkResolutionTests {
    @Test func linksResolveAgainstTheServerURLKeepingTheirQuery() async throws {
        try await withTestServer { server async throws in
            let connection = Connection(serverURL: server.url.appendingPathComponent("v2/items"))
            let port = try #require(server.url.port)
            let cases = [
                ("/abs?cursor=a%2Bb&x=%7E~", "/abs?cursor=a%2Bb&x=%7E~"),
                ("next?page=2", "/v2/next?page=2"),
                ("?page=3", "/v2/items?page=3"),
                ("//127.0.0.1:\(port)/other?q=1", "/other?q=1"),
                ("\(server.url.absoluteString)/full?q=%20#fragment", "/full?q=%20"),
            ]
            for (link, expected) in cases {
                _ = try await connection.send(Request(method: .get, link: link))
                #expect(try #require(await server.requests.last).target == expected, "\(link)")
            }
        }
    }

    @Test func pathParametersAreRefusedOnLinks() async throws {
        var request = Request(method: .get, link: "/items")
        request.path("id", "1")
        let error = await clientError { _ = try await Connection(serverURL: URL(string: "http://127.0.0.1:1")!).send(request) }
        guard case .invalidRequest? = error else { Issue.record("got \(String(describing: error))"); return }
    }
}
