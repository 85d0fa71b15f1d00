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

/// The `ClientError` `work` throws; records an issue if it succeeds or throws something else.
func clientError(_ work: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> ClientError? {
    do {
        try await work()
        Issue.record("expected a ClientError, but the call succeeded", sourceLocation: sourceLocation)
    } catch let error as ClientError {
        return error
    } catch {
        Issue.record("expected a ClientError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
