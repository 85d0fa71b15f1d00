import ClientRuntime
import Foundation
import HTTPTestServer
import Testing

/// Sends `request` to `server` and returns the raw request target the server saw.
func sentTarget(_ server: TestServer, _ build: (inout Request) -> Void) async throws -> String {
    var request = Request(method: .get, path: "/items")
    build(&request)
    _ = try await Connection(serverURL: server.url).send(request)
    return try #require(await server.requests.last).target
}

