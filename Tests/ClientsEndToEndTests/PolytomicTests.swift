import ClientRuntime
import Foundation
import HTTPTestServer
import Polytomic
import TestClocks
import Testing

/// Polytomic's "Get Query Results" reference (`001_1dfce95a1e5094fc.txt`): its example (without the page's line
/// numbers), Bearer or Basic auth, the version header, opaque `links.next` pagination and polling.
@Suite struct PolytomicTests {
    static let id = UUID(uuidString: "43d893ef-322b-47da-badb-3cf10d13a556")!
    static let path = "/api/queries/43d893ef-322b-47da-badb-3cf10d13a556"
    /// `links.next` of the documented example, to be used exactly as returned.
    static let nextLink = "/api/queries/43d893ef-322b-47da-badb-3cf10d13a556?page=MQ%3D%3D"
    static let token = "polytomic-user-key-Zx81"

    static func page(status: String, next: String?, extra: String = "") -> ScriptedResponse {
        let links = next.map { #", "links": {"next": "\#($0)", "previous": null}"# } ?? ""
        return .json(#"{"data": {"status": "\#(status)", "id": "43d893ef-322b-47da-badb-3cf10d13a556"\#(extra)}\#(links)}"#)
    }

    @Test func documentedExampleWithBearerAuth() async throws {
        try await withTestServer { server async throws in
            await server.script("*", try serving("polytomic-query.json"))
            let client = Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration)
            let id = try #require(UUID(uuidString: "248df4b7-aa70-47b8-a036-33ac447e668d"))
            let envelope = try await client.getQueryResults(id: id, xPolytomicVersion: "2024-02-08")

            let sent = try #require(await server.requests.only)
            #expect(sent.method == "GET")
            // As in the doc's curl: the UUID in its canonical lower-case form.
            #expect(sent.target == "/api/queries/248df4b7-aa70-47b8-a036-33ac447e668d")
            #expect(sent.header("Authorization") == "Bearer \(Self.token)")
            #expect(sent.header("X-Polytomic-Version") == "2024-02-08")
            #expect(sent.header("Accept") == "application/json")

            let data = envelope.data
            #expect(data.count == 10)
            #expect(data.error == "string")
            expectTime(data.expires, 1_609_459_200)
            #expect(data.fields == ["name", "age"])
            #expect(data.id == Self.id)
            #expect(data.results == [[:]])
            #expect(data.status == .created)
            #expect(envelope.links?.next == Self.nextLink)
            #expect(envelope.links?.previous == "string")
        }
    }

    @Test func basicAuthAndNoVersionHeaderUnlessGiven() async throws {
        try await withTestServer { server async throws in
            await server.script("*", try serving("polytomic-query.json"))
            let client = Client(serverURL: server.url, basicAuth: BasicCredentials(username: "org-key", password: "s3cret:pw"), configuration: testConfiguration)
            _ = try await client.getQueryResults(id: Self.id)
            let sent = try #require(await server.requests.only)
            #expect(sent.target == Self.path)
            #expect(sent.header("Authorization") == "Basic " + Data("org-key:s3cret:pw".utf8).base64EncodedString())
            #expect(sent.header("X-Polytomic-Version") == nil)

            // With both configured, one Authorization header: the Bearer alternative the spec lists first.
            let both = Client(serverURL: server.url, basicAuth: BasicCredentials(username: "org-key", password: "pw"), bearerAuth: Self.token, configuration: testConfiguration)
            _ = try await both.getQueryResults(id: Self.id, page: "MQ==")
            let second = try #require(await server.requests.last)
            #expect(second.header("Authorization") == "Bearer \(Self.token)")
            #expect(second.target == Self.path + "?page=MQ%3D%3D")
        }
    }

    /// Terminal pages: `links.next` null, `links` without `next`, no `links` at all.
    @Test(arguments: [#", "links": {"next": null, "previous": "/api/queries/x?page=MA%3D%3D"}"#, #", "links": {}"#, ""])
    func pagesFollowLinksNextExactlyAsReturned(lastLinks: String) async throws {
        try await withTestServer { server async throws in
            let last = ScriptedResponse.json(#"{"data": {"status": "done", "count": 10, "fields": ["name", "age"], "results": [{"name": "Ada", "age": 36}]}\#(lastLinks)}"#)
            await server.script(Self.path, try serving("polytomic-query.json"), last)
            let client = Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration)

            var pages: [QueryResultsEnvelope] = []
            for try await page in client.getQueryResultsPages(id: Self.id, xPolytomicVersion: "2024-02-08") {
                pages.append(page)
                if pages.count > 5 { break }
            }
            #expect(pages.count == 2)
            #expect(pages.first?.data.status == .created)
            #expect(pages.last?.data.results == [["name": "Ada", "age": 36]])

            let requests = await server.requests
            #expect(requests.count == 2)
            #expect(requests.first?.target == Self.path)
            // Byte for byte the link, opaque token and all: not decoded, re-encoded or rebuilt.
            #expect(requests.last?.target == Self.nextLink)
            for request in requests {
                #expect(request.header("Authorization") == "Bearer \(Self.token)")
                #expect(request.header("X-Polytomic-Version") == "2024-02-08")
                #expect(request.header("Accept") == "application/json")
            }
        }
    }

    @Test func credentialsDoNotFollowALinkToAnotherOrigin() async throws {
        try await withTestServer { home async throws in
            try await withTestServer { elsewhere async throws in
                let port = try #require(elsewhere.url.port)
                let link = "http://127.0.0.1:\(port)/api/queries/43d893ef-322b-47da-badb-3cf10d13a556?page=Mg%3D%3D"
                await home.script(Self.path, Self.page(status: "done", next: link))
                await elsewhere.script("*", Self.page(status: "done", next: nil))
                let client = Client(serverURL: home.url, bearerAuth: Self.token, configuration: testConfiguration)

                var count = 0
                for try await _ in client.getQueryResultsPages(id: Self.id) { count += 1 }
                #expect(count == 2)
                #expect(await home.requests.count == 1)
                #expect(try #require(await home.requests.first).header("Authorization") == "Bearer \(Self.token)")
                let followed = try #require(await elsewhere.requests.only)
                #expect(followed.target == "/api/queries/43d893ef-322b-47da-badb-3cf10d13a556?page=Mg%3D%3D")
                #expect(followed.header("Authorization") == nil)
            }
        }
    }

    @Test func waitingPollsUntilDone() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.path, Self.page(status: "created", next: nil), Self.page(status: "running", next: nil),
                                Self.page(status: "done", next: nil, extra: #", "count": 1, "fields": ["n"], "results": [{"n": 1}]"#))
            let clock = ManualClock()
            let client = Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration(on: clock))
            let call = Task { try await client.waitForQueryResults(id: Self.id, every: .milliseconds(20), timeout: .seconds(60)) }
            // The interval asked for, not the 2 s default, and half as long again the second time.
            for pause in [Duration.milliseconds(20), .milliseconds(30)] {
                #expect(await clock.waitForSleepers(1, before: firstCallDeadline) == [clock.now.advanced(by: pause)])
                clock.advance(by: pause)
            }
            let done = try await call.value
            #expect(done.data.status == .done)
            #expect(done.data.results == [["n": 1]])
            #expect(await server.requests.count == 3)
            #expect(await server.requests.allSatisfy { $0.target == Self.path })
            #expect(clock.slept == [.milliseconds(20), .milliseconds(30)])
        }
    }

    @Test func waitingEndsWithWaitFailedWhenTheQueryFails() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.path, Self.page(status: "running", next: nil),
                                Self.page(status: "failed", next: nil, extra: #", "error": "relation \"users\" does not exist""#))
            let client = Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration)
            do throws(ClientError) {
                _ = try await client.waitForQueryResults(id: Self.id, every: .milliseconds(20), timeout: .seconds(60))
                Issue.record("expected waitFailed")
            } catch {
                guard case .waitFailed = error, let failed = error.result(as: QueryResultsEnvelope.self) else {
                    Issue.record("expected waitFailed, got \(error)")
                    return
                }
                #expect(failed.data.status == .failed)
                #expect(failed.data.error == #"relation "users" does not exist"#)
            }
            #expect(await server.requests.count == 2)
        }
    }

    @Test func notFoundIsATypedApiError() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.path, .json(#"{"status": 404, "message": "query not found", "key": "not_found", "metadata": {"id": "43d893ef-322b-47da-badb-3cf10d13a556"}}"#, status: 404))
            let client = Client(serverURL: server.url, basicAuth: BasicCredentials(username: "org", password: "p4ssw0rd"), configuration: testConfiguration)
            let error = await clientError { _ = try await client.getQueryResults(id: Self.id) }
            #expect(error?.status == 404)
            let body = try #require(error?.body(as: ApiError.self))
            #expect(body == ApiError(status: 404, message: "query not found", key: "not_found", metadata: ["id": "43d893ef-322b-47da-badb-3cf10d13a556"]))
            expectRedacted(error, ["p4ssw0rd", Data("org:p4ssw0rd".utf8).base64EncodedString()])
        }
    }
}
