import ClientRuntime
import HTTPTestServer
import Foundation
import Testing

/// Logs every request, response and error as text, as a logging middleware would.
private actor TextLog: ClientMiddleware {
    private(set) var lines: [String] = []

    func intercept(_ request: TransportRequest, next: @Sendable (TransportRequest) async throws -> TransportResponse) async throws -> TransportResponse {
        lines.append("request: \(request) \(String(reflecting: request)) \(request.headers)")
        do {
            let response = try await next(request)
            lines.append("response: \(response) \(String(reflecting: response))")
            return response
        } catch {
            lines.append("error: \(error) \(String(reflecting: error))")
            throw error
        }
    }
}

/// Gaps the other runtime suites leave: a link that downgrades the scheme, secrets in a logging middleware's
/// output, and a body that is not JSON at all.
@Suite struct SecurityEdgeTests {
    /// Same host and port, but http where the client was given https: a downgrade, so no credentials.
    @Test func linkToAnotherSchemeCarriesNoCredentials() async throws {
        try await withTestServer { server async throws in
            let port = try #require(server.url.port)
            let home = try #require(URL(string: "https://127.0.0.1:\(port)"))
            let connection = Connection(serverURL: home, credentials: ["b": .bearer("s3cr3t"), "q": .apiKey("k3y", name: "key", in: .query)])
            var request = Request(method: .get, link: "http://127.0.0.1:\(port)/next?page=2")
            request.security = [["b", "q"]]
            _ = try await connection.send(request)
            let sent = try #require(await server.requests.last)
            #expect(sent.target == "/next?page=2")
            #expect(sent.header("Authorization") == nil)
            #expect(!sent.target.contains("k3y"))
        }
    }

    @Test func loggingMiddlewareNeverSeesSecrets() async throws {
        try await withTestServer { server async throws in
            let log = TextLog()
            await server.script("*", .json(#"{"results": [1]}"#, status: 401), .json("{", status: 200))
            let connection = Connection(
                serverURL: server.url, configuration: ClientConfiguration(middlewares: [log]),
                credentials: ["b": .bearer("s3cr3t"), "q": .apiKey("k3y", name: "key", in: .query), "c": .apiKey("c00kie", name: "sid", in: .cookie)]
            )
            var request = Request(method: .get, path: "/items")
            request.security = [["b", "q", "c"]]
            let rejected = try await connection.send(request)
            #expect(rejected.status == 401)
            let unauthorized = connection.undocumentedError(rejected)
            let response = try await connection.send(request)
            let malformed = await clientError { _ = try connection.decode([String: [Int]].self, from: response) }

            let sent = await server.requests
            #expect(sent.count == 2)
            #expect(sent.allSatisfy { $0.header("Authorization") == "Bearer s3cr3t" && $0.target.contains("key=k3y") })
            let text = await log.lines.joined(separator: "\n") + "\(unauthorized) \(String(reflecting: unauthorized)) \(String(reflecting: malformed))"
            for secret in ["s3cr3t", "k3y", "c00kie"] {
                #expect(!text.contains(secret), "\(secret) appears in: \(text)")
            }
        }
    }

    @Test(arguments: ["{", "{\"results\": [1, 2", "<html>oops</html>", "", "[1, 2,]"])
    func malformedJSONIsATypedDecodingError(_ body: String) async throws {
        try await withTestServer { server async throws in
            await server.script("*", .json(body))
            let connection = Connection(serverURL: server.url)
            let response = try await connection.send(Request(method: .get, path: "/items"))
            let error = await clientError { _ = try connection.decode([String: [Int]].self, from: response) }
            guard case .decoding(let failure)? = error else {
                Issue.record("expected .decoding, got \(String(describing: error))")
                return
            }
            #expect(failure.status == 200)
        }
    }
}
