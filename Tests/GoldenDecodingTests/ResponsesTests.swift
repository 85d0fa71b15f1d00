import ClientRuntime
import Foundation
import GoldenResponses
import HTTPTestServer
import Testing

/// `responses.yaml` over HTTP: each success status and each JSON media type decodes into its own schema's type.
@Suite struct ResponsesTests {
    @Test func signatures() {
        let client = Client()
        let _: (CreateDeploymentRequest) async throws(ClientError) -> CreateDeploymentOutput = client.createDeployment
        let _: (Int) async throws(ClientError) -> Deployment? = client.getDeployment
        let _: () async throws(ClientError) -> [Repository] = client.listStarred
        let _: () async throws(ClientError) -> [StarredRepository] = client.listStarredStar
        let _: (Int) async throws(ClientError) -> Analysis = client.getAnalysis
        let _: (Int) async throws(ClientError) -> [String: JSONValue] = client.getAnalysisSarif
    }

    /// GitHub's deployments: 201 is the deployment, 202 a message that is not one, 204 nothing.
    @Test func eachSuccessStatusHasItsOwnType() async throws {
        try await withTestServer { server async throws in
            await server.script(
                "/deployments",
                .json(#"{"id": 7, "ref": "main"}"#, status: 201),
                .json(#"{"message": "Auto-merged main into topic on deployment."}"#, status: 202),
                ScriptedResponse(status: 204),
                .json(#"{"message": "Validation Failed"}"#, status: 422))
            let client = Client(serverURL: server.url)
            #expect(try await client.createDeployment(body: CreateDeploymentRequest(ref: "main")) == .created(Deployment(id: 7, ref: "main")))
            #expect(try await client.createDeployment(body: CreateDeploymentRequest(ref: "topic"))
                == .accepted(CreateDeploymentAccepted(message: "Auto-merged main into topic on deployment.")))
            #expect(try await client.createDeployment(body: CreateDeploymentRequest(ref: "main")) == .noContent)
            let error = await clientError { _ = try await client.createDeployment(body: CreateDeploymentRequest(ref: "")) }
            #expect(error?.body(as: Problem.self)?.message == "Validation Failed")
        }
    }

    /// One body type and a status without a body: the type, optional.
    @Test func aStatusWithoutABodyBesideOneTypeIsNil() async throws {
        try await withTestServer { server async throws in
            await server.script("/deployments/7", .json(#"{"id": 7, "ref": "main"}"#), ScriptedResponse(status: 204))
            let client = Client(serverURL: server.url)
            #expect(try await client.getDeployment(id: 7) == Deployment(id: 7, ref: "main"))
            #expect(try await client.getDeployment(id: 7) == nil)
        }
    }

    /// The star media type has a method of its own, which asks for it alone and reads its schema, even when the
    /// server labels the body `application/json` as GitHub does; the plain method no longer asks for it.
    @Test func eachJSONMediaTypeHasItsOwnType() async throws {
        try await withTestServer { server async throws in
            await server.script(
                "/starred",
                .json(#"[{"id": 1, "name": "swift"}]"#),
                .json(#"[{"starred_at": "2024-04-29T21:11:17Z", "repo": {"id": 1, "name": "swift"}}]"#))
            let client = Client(serverURL: server.url)
            #expect(try await client.listStarred() == [Repository(id: 1, name: "swift")])
            let starred = try await client.listStarredStar()
            #expect(starred == [StarredRepository(starredAt: Date(timeIntervalSince1970: 1_714_425_077), repo: Repository(id: 1, name: "swift"))])
            #expect(await server.requests.map { $0.header("Accept") } == ["application/json", "application/vnd.example.v3.star+json"])
        }
    }

    /// Plain `application/json` is the method's type even when another JSON type is listed first.
    @Test func plainJSONIsPreferred() async throws {
        try await withTestServer { server async throws in
            await server.script("/analyses/3", .json(#"{"id": 3, "tool": "CodeQL"}"#), ScriptedResponse(
                headers: ["Content-Type": "application/vnd.example.sarif+json"], body: Data(#"{"version": "2.1.0", "runs": []}"#.utf8)))
            let client = Client(serverURL: server.url)
            #expect(try await client.getAnalysis(id: 3) == Analysis(id: 3, tool: "CodeQL"))
            #expect(try await client.getAnalysisSarif(id: 3) == ["version": .string("2.1.0"), "runs": .array([])])
            #expect(await server.requests.map { $0.header("Accept") } == ["application/json", "application/vnd.example.sarif+json"])
        }
    }
}
