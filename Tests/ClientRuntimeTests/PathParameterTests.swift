import ClientRuntime
import Foundation
import HTTPTestServer
import Testing

@Suite struct PathParameterTests {
    private func target(_ value: some Encodable, server: TestServer) async throws -> String {
        var request = Request(method: .get, path: "/runs/{run_id}/results")
        request.path("run_id", value)
        _ = try await Connection(serverURL: server.url).send(request)
        return try #require(await server.requests.last).target
    }

    @Test func reservedCharactersStayInOneSegment() async throws {
        try await withTestServer { server async throws in
            #expect(try await target("a/b?c#d %", server: server) == "/runs/a%2Fb%3Fc%23d%20%25/results")
        }
    }

    @Test func dotDotIsNotNormalizedAway() async throws {
        try await withTestServer { server async throws in
            #expect(try await target("..", server: server) == "/runs/%2E%2E/results")
            #expect(try await target(".", server: server) == "/runs/%2E/results")
        }
    }

    @Test func unicodeIsUTF8PercentEncoded() async throws {
        try await withTestServer { server async throws in
            #expect(try await target("café ☕", server: server) == "/runs/caf%C3%A9%20%E2%98%95/results")
        }
    }

    @Test func numbersUUIDsAndEnumsUseTheirTextForm() async throws {
        enum Kind: String, Codable { case daily }
        try await withTestServer { server async throws in
            #expect(try await target(42, server: server) == "/runs/42/results")
            #expect(try await target(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")!, server: server)
                == "/runs/e621e1f8-c36c-495a-93fc-0c247a3e6e5f/results")
            #expect(try await target(Kind.daily, server: server) == "/runs/daily/results")
        }
    }

    @Test func serverPathPrefixIsKept() async throws {
        try await withTestServer { server async throws in
            for base in ["v2", "v2/"] {
                let connection = Connection(serverURL: server.url.appendingPathComponent(base))
                _ = try await connection.send(Request(method: .get, path: "/runs"))
                #expect(try #require(await server.requests.last).target == "/v2/runs")
            }
        }
    }

    @Test func unfilledOrUnknownPlaceholdersAreRefusedBeforeSending() async throws {
        try await withTestServer { server async throws in
            let connection = Connection(serverURL: server.url)
            let unfilled = await clientError { _ = try await connection.send(Request(method: .get, path: "/runs/{run_id}")) }
            #expect(unfilled?.description.contains("run_id") == true)

            var unknown = Request(method: .get, path: "/runs/{run_id}")
            unknown.path("id", "1")
            unknown.path("run_id", "1")
            let error = await clientError { _ = try await connection.send(unknown) }
            guard case .invalidRequest(let reason)? = error else { Issue.record("expected invalidRequest, got \(String(describing: error))"); return }
            #expect(reason.contains("{id}"))

            var empty = Request(method: .get, path: "/runs/{run_id}")
            empty.path("run_id", "")
            #expect(await clientError { _ = try await connection.send(empty) } != nil)
            #expect(await server.requests.isEmpty)
        }
    }
}
