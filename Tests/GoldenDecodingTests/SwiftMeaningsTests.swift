import ClientRuntime
import Foundation
import GoldenSwiftMeanings
import HTTPTestServer
import Testing

/// A default of `none` must be the enum's case wherever it lands, never `Optional.none`: in an optional
/// parameter it would silently send nothing (tomtom's routing spec), in a decoder's `?? default` it would not
/// compile as meant.
@Suite struct SwiftMeaningsTests {
    static func client(_ server: TestServer) -> Client {
        Client(serverURL: server.url, configuration: ClientConfiguration(timeout: .seconds(20)))
    }

    @Test func defaultsNamedLikeOptionalsCasesAreTheEnumsCases() throws {
        let route = try GoldenCoding.decode(Route.self, #"{"id": "r1"}"#)
        #expect(route.avoid == Avoid.none)
        #expect(route.avoidWithDefault == Avoid.some)
        #expect(route.avoids == [Avoid.none, Avoid.`init`])
        #expect(route.detour == nil)
        #expect(Route(id: "r1") == route)
        #expect(TypeModel().kind == TypeModelKind.some)
    }

    @Test func membersNamedLikeSwiftsOwnRoundTrip() throws {
        let route = try GoldenCoding.decode(Route.self, """
            {"id": "r1", "self": "s", "Type": "t", "init": 3, "none": false, "some": "x", "description": "d",
             "hashValue": "h", "Protocol": {"version": "2"}, "Self": "unknown", "Optional": "o", "avoid": "Protocol"}
            """)
        #expect(route.selfValue == "s" && route.type == "t" && route.`init` == 3 && route.none == false && route.some == "x")
        #expect(route.description == "d" && route.hashValue == "h")
        #expect(route.protocol?.version == "2")
        #expect(route.selfValue2 == .unknown2)
        #expect(route.avoid == .protocol)
        #expect(try GoldenCoding.roundTrip(route) == route)
    }

    @Test func optionalParameterDefaultsSendTheCase() async throws {
        try await withTestServer { server async throws in
            await server.script("/routes", .json(#"{"id": "r1"}"#))
            _ = try await Self.client(server).`init`()
            let request = try #require(await server.requests.first)
            #expect(request.query == "avoid=none&traffic=none")
        }
    }

    @Test func waitMatchesTheCaseOfAnOptionalValue() async throws {
        try await withTestServer { server async throws in
            await server.script("/routes", .json(#"{"id": "r1"}"#), .json(#"{"id": "r1", "detour": "none"}"#))
            let route = try await Self.client(server).waitForInit(every: .milliseconds(10), timeout: .seconds(10))
            #expect(route.detour == RouteDetour.none)
            #expect(await server.requests.count == 2)
        }
    }
}
