import ClientRuntime
import Foundation
import HTTPTestServer
import Testing

@Suite struct CredentialTests {
    private func sent(
        _ server: TestServer, credentials: [String: Credential?], security: [[String]], link: String? = nil
    ) async throws -> RecordedRequest {
        var request = link.map { Request(method: .get, link: $0) } ?? Request(method: .get, path: "/items")
        request.security = security
        request.query("page", 1)
        _ = try await Connection(serverURL: server.url, credentials: credentials).send(request)
        return try #require(await server.requests.last)
    }

    @Test func apiKeyInHeaderQueryAndCookie() async throws {
        try await withTestServer { server async throws in
            let header = try await sent(server, credentials: ["k": .apiKey("s3cr3t", name: "X-API-KEY", in: .header)], security: [["k"]])
            #expect(header.header("X-API-KEY") == "s3cr3t")

            let query = try await sent(server, credentials: ["k": .apiKey("a b&c", name: "api_key", in: .query)], security: [["k"]])
            #expect(query.target == "/items?page=1&api_key=a%20b%26c")

            let cookie = try await sent(server, credentials: ["k": .apiKey("s3cr3t", name: "token", in: .cookie)], security: [["k"]])
            #expect(cookie.header("Cookie") == "token=s3cr3t")
        }
    }

    @Test func bearerAndBasic() async throws {
        try await withTestServer { server async throws in
            let bearer = try await sent(server, credentials: ["b": .bearer("tok")], security: [["b"]])
            #expect(bearer.header("Authorization") == "Bearer tok")
            let basic = try await sent(server, credentials: ["basic": .basic(username: "Aladdin", password: "open sesame")], security: [["basic"]])
            #expect(basic.header("Authorization") == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
        }
    }

    @Test func firstSatisfiableAlternativeWins() async throws {
        try await withTestServer { server async throws in
            let key: Credential = .apiKey("k1", name: "X-API-KEY", in: .header)
            let credentials: [String: Credential?] = ["APIKeyBearer": nil, "bearerAuth": .bearer("t1"), "other": key]

            let second = try await sent(server, credentials: credentials, security: [["APIKeyBearer"], ["bearerAuth"], []])
            #expect(second.header("Authorization") == "Bearer t1")
            #expect(second.header("X-API-KEY") == nil)

            let both = try await sent(server, credentials: credentials, security: [["APIKeyBearer", "other"], ["other", "bearerAuth"]])
            #expect(both.header("Authorization") == "Bearer t1")
            #expect(both.header("X-API-KEY") == "k1")

            let anonymous = try await sent(server, credentials: credentials, security: [["APIKeyBearer"], []])
            #expect(anonymous.header("Authorization") == nil)

            let unsatisfiable = try await sent(server, credentials: credentials, security: [["APIKeyBearer"]])
            #expect(unsatisfiable.header("Authorization") == nil && unsatisfiable.header("X-API-KEY") == nil)

            let none = try await sent(server, credentials: credentials, security: [])
            #expect(none.header("Authorization") == nil)
        }
    }

    @Test func linksOnTheSameOriginCarryCredentials() async throws {
        try await withTestServer { server async throws in
            let credentials: [String: Credential?] = ["b": .bearer("t1")]
            let relative = try await sent(server, credentials: credentials, security: [["b"]], link: "/items?cursor=a%2Bb")
            #expect(relative.target == "/items?cursor=a%2Bb&page=1")
            #expect(relative.header("Authorization") == "Bearer t1")
            let absolute = try await sent(server, credentials: credentials, security: [["b"]], link: server.url.absoluteString + "/next")
            #expect(absolute.header("Authorization") == "Bearer t1")
        }
    }

    @Test func credentialsAreNotSentToAnotherPortOrHost() async throws {
        try await withTestServer { home async throws in
            try await withTestServer { elsewhere async throws in
                let credentials: [String: Credential?] = [
                    "b": .bearer("t1"), "q": .apiKey("k1", name: "key", in: .query), "c": .apiKey("k2", name: "c", in: .cookie),
                ]
                let connection = Connection(serverURL: home.url, credentials: credentials)
                let port = try #require(elsewhere.url.port)
                for link in ["\(elsewhere.url.absoluteString)/steal?x=1", "http://localhost:\(port)/steal?x=1"] {
                    var request = Request(method: .get, link: link)
                    request.security = [["b", "q", "c"]]
                    _ = try await connection.send(request)
                    let stolen = try #require(await elsewhere.requests.last)
                    #expect(stolen.target == "/steal?x=1")
                    #expect(stolen.header("Authorization") == nil)
                    #expect(stolen.header("Cookie") == nil)
                }
                #expect(await home.requests.isEmpty)
            }
        }
    }

    @Test func crossOriginRedirectsAreNotFollowed() async throws {
        try await withTestServer { home async throws in
            try await withTestServer { elsewhere async throws in
                await home.script("/download", ScriptedResponse(status: 302, headers: ["Location": elsewhere.url.absoluteString + "/file"]))
                var request = Request(method: .get, path: "/download")
                request.security = [["b"]]
                let response = try await Connection(serverURL: home.url, credentials: ["b": .bearer("t1")]).send(request)
                #expect(response.status == 302)
                #expect(await elsewhere.requests.isEmpty)
            }
        }
    }

    @Test func descriptionsRedactSecrets() {
        let credentials: [Credential] = [.apiKey("s3cr3t", name: "X-API-KEY", in: .header), .bearer("s3cr3t"), .basic(username: "u", password: "s3cr3t")]
        for credential in credentials {
            #expect(!credential.description.contains("s3cr3t"))
            #expect(!credential.debugDescription.contains("s3cr3t"))
            #expect(!"\(credential)".contains("s3cr3t"))
            #expect(!String(reflecting: credential).contains("s3cr3t"))
        }
        #expect(!"\(BasicCredentials(username: "u", password: "s3cr3t"))".contains("s3cr3t"))
    }

    @Test func errorDescriptionsNeverContainSecrets() async throws {
        try await withTestServer { server async throws in
            await server.script("*", .json(#"{"error": "key s3cr3t is not valid", "auth": "Bearer s3cr3t"}"#, status: 200))
            struct Expected: Decodable { var results: [Int] }
            var request = Request(method: .get, path: "/items")
            request.security = [["k"]]
            let connection = Connection(serverURL: server.url, credentials: ["k": .bearer("s3cr3t")])
            let response = try await connection.send(request)
            let decoding = await clientError { _ = try connection.decode(Expected.self, from: response) }
            #expect(decoding.map { !$0.description.contains("s3cr3t") && !$0.localizedDescription.contains("s3cr3t") } == true)

            let refused = Connection(serverURL: URL(string: "http://127.0.0.1:1")!, credentials: ["k": .apiKey("s3cr3t", name: "key", in: .query)])
            var toClosedPort = Request(method: .get, path: "/items")
            toClosedPort.security = [["k"]]
            let transport = await clientError { _ = try await refused.send(toClosedPort) }
            #expect(transport.map { !String(reflecting: $0).contains("s3cr3t") } == true)
        }
    }
}
