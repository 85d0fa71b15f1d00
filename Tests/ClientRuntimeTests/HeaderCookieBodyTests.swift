import ClientRuntime
import Foundation
import HTTPTestServer
import Testing

@Suite struct HeaderCookieBodyTests {
    @Test func headersAndCookiesAreSent() async throws {
        try await withTestServer { server async throws in
            var request = Request(method: .post, path: "/items")
            request.header("X-Polytomic-Version", "2024-02-08")
            request.header("X-Ids", [1, 2])
            request.header("X-Absent", Int?.none)
            request.cookie("session", "abc 1;2")
            request.cookie("theme", "dark")
            request.accept("application/json, text/csv")
            _ = try await Connection(serverURL: server.url).send(request)
            let sent = try #require(await server.requests.last)
            #expect(sent.method == "POST")
            #expect(sent.header("x-polytomic-version") == "2024-02-08")
            #expect(sent.header("X-Ids") == "1,2")
            #expect(sent.header("X-Absent") == nil)
            #expect(sent.header("Cookie") == "session=abc%201%3B2; theme=dark")
            #expect(sent.header("Accept") == "application/json, text/csv")
            #expect(sent.header("User-Agent") == "ClientRuntime")
        }
    }

    @Test(arguments: ["evil\r\nX-Injected: 1", "line\nbreak", "nul\0"])
    func headerValuesWithLineBreaksAreRefusedBeforeSending(value: String) async throws {
        try await withTestServer { server async throws in
            var request = Request(method: .get, path: "/items")
            request.header("X-Note", value)
            let error = await clientError { _ = try await Connection(serverURL: server.url).send(request) }
            guard case .invalidRequest? = error else { Issue.record("expected invalidRequest, got \(String(describing: error))"); return }
            #expect(await server.requests.isEmpty)
        }
    }

    @Test func headerNamesMustBeTokens() async throws {
        try await withTestServer { server async throws in
            var request = Request(method: .get, path: "/items")
            request.header("X Bad\r\n", "1")
            #expect(await clientError { _ = try await Connection(serverURL: server.url).send(request) } != nil)
            #expect(await server.requests.isEmpty)
        }
    }

    @Test func jsonBodyUsesRFC3339Dates() async throws {
        struct Job: Encodable { var name: String; var at: Date }
        try await withTestServer { server async throws in
            var request = Request(method: .post, path: "/jobs")
            request.jsonBody(Job(name: "a/b", at: Date(timeIntervalSince1970: 1_714_425_077.25)))
            _ = try await Connection(serverURL: server.url).send(request)
            let sent = try #require(await server.requests.last)
            #expect(sent.header("Content-Type") == "application/json")
            let object = try JSONSerialization.jsonObject(with: sent.body) as? [String: String]
            #expect(object == ["name": "a/b", "at": "2024-04-29T21:11:17.25Z"])
        }
    }

    @Test func formBodyFlattensObjectsAndExplodesArrays() async throws {
        struct Address: Encodable { var city: String }
        struct Form: Encodable { var name: String; var tags: [String]; var address: Address; var note: String? }
        try await withTestServer { server async throws in
            var request = Request(method: .post, path: "/forms")
            request.formBody(Form(name: "A B&C", tags: ["x", "y"], address: Address(city: "Zürich"), note: nil))
            _ = try await Connection(serverURL: server.url).send(request)
            let sent = try #require(await server.requests.last)
            #expect(sent.header("Content-Type") == "application/x-www-form-urlencoded")
            #expect(sent.text == "name=A%20B%26C&tags=x&tags=y&address[city]=Z%C3%BCrich")
        }
    }

    @Test func rawAndTextBodies() async throws {
        try await withTestServer { server async throws in
            let connection = Connection(serverURL: server.url)
            var binary = Request(method: .put, path: "/files")
            binary.body(Data([0, 1, 2, 255]), contentType: "application/octet-stream")
            _ = try await connection.send(binary)
            var text = Request(method: .post, path: "/sql")
            text.textBody("SELECT 1", contentType: "text/plain")
            _ = try await connection.send(text)
            let sent = await server.requests
            #expect(sent[0].body == Data([0, 1, 2, 255]))
            #expect(sent[0].header("Content-Type") == "application/octet-stream")
            #expect(sent[1].text == "SELECT 1")
            #expect(sent[1].header("Content-Type") == "text/plain")
        }
    }

    @Test func methodsAreSentAsUpperCaseTokens() async throws {
        #expect(HTTPMethod(rawValue: "purge").rawValue == "PURGE")
        try await withTestServer { server async throws in
            let connection = Connection(serverURL: server.url)
            for method in [HTTPMethod.patch, .delete, .options] {
                _ = try await connection.send(Request(method: method, path: "/cache"))
            }
            #expect(await server.requests.map(\.method) == ["PATCH", "DELETE", "OPTIONS"])
        }
    }
}
