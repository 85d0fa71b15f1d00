import ClientRuntime
import Foundation
import HTTPTestServer
import Testing

/// Adds a header and records what it saw.
private actor Recorder: ClientMiddleware {
    private(set) var requests: [TransportRequest] = []

    func intercept(_ request: TransportRequest, next: @Sendable (TransportRequest) async throws -> TransportResponse) async throws -> TransportResponse {
        requests.append(request)
        var request = request
        request.headers.add("X-Trace", "t-\(requests.count)")
        return try await next(request)
    }
}

/// Retries once on 503, as a retry middleware would.
private struct RetryOnce: ClientMiddleware {
    func intercept(_ request: TransportRequest, next: @Sendable (TransportRequest) async throws -> TransportResponse) async throws -> TransportResponse {
        let first = try await next(request)
        return first.status == 503 ? try await next(request) : first
    }
}

@Suite struct MiddlewareTests {
    @Test func middlewaresSeeAndModifyRequestsButNotCredentials() async throws {
        try await withTestServer { server async throws in
            let recorder = Recorder()
            let configuration = ClientConfiguration(middlewares: [recorder, RetryOnce()])
            await server.script("*", ScriptedResponse(status: 503), .json(#"{"ok":true}"#))
            let connection = Connection(serverURL: server.url, configuration: configuration, credentials: ["b": .bearer("s3cr3t")])
            var request = Request(method: .post, path: "/jobs")
            request.security = [["b"]]
            request.textBody("hi")
            let response = try await connection.send(request)

            #expect(response.status == 200)
            let seen = try #require(await recorder.requests.first)
            #expect(seen.method == .post)
            #expect(seen.url.absoluteString == server.url.absoluteString + "/jobs")
            #expect(try await seen.body?.collect(upTo: 100) == Data("hi".utf8))
            #expect(seen.headers["Authorization"] == nil)
            #expect(seen.timeout == .seconds(60))

            let sent = await server.requests
            #expect(sent.count == 2)
            #expect(sent.allSatisfy { $0.header("X-Trace") == "t-1" && $0.header("Authorization") == "Bearer s3cr3t" })
        }
    }

    @Test func customTransportsReplaceURLSession() async throws {
        struct Canned: HTTPTransport {
            func send(_ request: TransportRequest) async throws -> TransportResponse {
                TransportResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(#"{"path":"\#(request.url.path)"}"#.utf8))
            }
        }
        struct Echo: Decodable { var path: String }
        let connection = Connection(serverURL: URL(string: "https://api.example.com/v1")!, configuration: ClientConfiguration(transport: Canned()))
        let response = try await connection.send(Request(method: .get, path: "/ping"))
        #expect(try connection.decode(Echo.self, from: response).path == "/v1/ping")
    }
}
