import ClientRuntime
import Foundation
import HTTPTestServer
import Testing

@Suite struct QueryParameterTests {
    private struct Range: Encodable { var min: Int; var max: Int }
    private struct Filter: Encodable { var status: String; var range: Range; var note: String? }
    private enum Format: String, Codable { case json, csv }

    @Test func primitivesAndOmittedNil() async throws {
        try await withTestServer { server async throws in
            let target = try await sentTarget(server) { request in
                request.query("f", Format.csv)
                request.query("limit", 10)
                request.query("ratio", 0.25)
                request.query("whole", 3.0)
                request.query("missing", String?.none)
                request.query("q", "a&b=c+d é")
            }
            #expect(target == "/items?f=csv&limit=10&ratio=0.25&whole=3&q=a%26b%3Dc%2Bd%20%C3%A9")
        }
    }

    @Test func booleansAreTrueAndFalse() async throws {
        try await withTestServer { server async throws in
            let target = try await sentTarget(server) { request in
                request.query("on", true)
                request.query("off", false)
            }
            #expect(target == "/items?on=true&off=false")
        }
    }

    @Test func datesAreRFC3339() async throws {
        try await withTestServer { server async throws in
            let target = try await sentTarget(server) { request in
                request.query("since", Date(timeIntervalSince1970: 1_714_425_077))
                request.query("at", Date(timeIntervalSince1970: 1_714_425_077.5))
                request.query("day", CalendarDate("2024-04-29"))
            }
            #expect(target == "/items?since=2024-04-29T21%3A11%3A17Z&at=2024-04-29T21%3A11%3A17.5Z&day=2024-04-29")
        }
    }

    @Test func arraysInEveryStyle() async throws {
        try await withTestServer { server async throws in
            let ids = [3, 4, 5]
            #expect(try await sentTarget(server) { $0.query("id", ids) } == "/items?id=3&id=4&id=5")
            #expect(try await sentTarget(server) { $0.query("id", ids, style: .form, explode: false) } == "/items?id=3,4,5")
            #expect(try await sentTarget(server) { $0.query("id", ids, style: .spaceDelimited, explode: false) } == "/items?id=3%204%205")
            #expect(try await sentTarget(server) { $0.query("id", ids, style: .pipeDelimited, explode: false) } == "/items?id=3%7C4%7C5")
            #expect(try await sentTarget(server) { $0.query("id", ["a,b", "c"], explode: false) } == "/items?id=a%2Cb,c")
            #expect(try await sentTarget(server) { $0.query("id", [Format.json, .csv]) } == "/items?id=json&id=csv")
        }
    }

    @Test func objectsInFormAndDeepObjectStyle() async throws {
        try await withTestServer { server async throws in
            let range = Range(min: 1, max: 5)
            #expect(try await sentTarget(server) { $0.query("range", range) } == "/items?min=1&max=5")
            #expect(try await sentTarget(server) { $0.query("range", range, explode: false) } == "/items?range=min,1,max,5")
            let filter = Filter(status: "done", range: range, note: nil)
            #expect(try await sentTarget(server) { $0.query("filter", filter, style: .deepObject) }
                == "/items?filter%5Bstatus%5D=done&filter%5Brange%5D%5Bmin%5D=1&filter%5Brange%5D%5Bmax%5D=5")
        }
    }

    @Test func nestedArraysAreRefused() async throws {
        try await withTestServer { server async throws in
            var request = Request(method: .get, path: "/items")
            request.query("grid", [[1, 2], [3]], explode: false)
            let error = await clientError { _ = try await Connection(serverURL: server.url).send(request) }
            guard case .invalidRequest? = error else { Issue.record("expected invalidRequest, got \(String(describing: error))"); return }
            #expect(await server.requests.isEmpty)
        }
    }

    @Test func nonFiniteNumbersAreRefused() async throws {
        try await withTestServer { server async throws in
            var request = Request(method: .get, path: "/items")
            request.query("x", Double.nan)
            #expect(await clientError { _ = try await Connection(serverURL: server.url).send(request) } != nil)
            #expect(await server.requests.isEmpty)
        }
    }

    /// A parameter given with `content: application/json` is the value's JSON text, percent-encoded as one value;
    /// keys are sorted so that equal values make equal URLs (and hit the same caches).
    @Test func jsonContentIsOneEncodedValue() async throws {
        try await withTestServer { server async throws in
            let target = try await sentTarget(server) { request in
                request.query("filter", json: Filter(status: "open & new", range: Range(min: 1, max: 5), note: nil))
                request.query("query_parameters", json: ["wallet": "0xd8dA", "days": "30"] as [String: String])
                request.query("absent", json: [String: String]?.none)
            }
            #expect(target == "/items?filter=%7B%22range%22%3A%7B%22max%22%3A5%2C%22min%22%3A1%7D%2C%22status%22%3A%22open%20%26%20new%22%7D"
                + "&query_parameters=%7B%22days%22%3A%2230%22%2C%22wallet%22%3A%220xd8dA%22%7D")
            let filter = try #require(URLComponents(string: target)?.queryItems?.first { $0.name == "filter" }?.value)
            let decoded = try JSONSerialization.jsonObject(with: Data(filter.utf8)) as? NSDictionary
            #expect(decoded == ["status": "open & new", "range": ["min": 1, "max": 5]])
        }
    }
}
