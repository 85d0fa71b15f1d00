import ClientRuntime
import Foundation
import HTTPTestServer
import RoeAI
import Testing

/// Roe AI's "Query Result" (`003_3be8567ac355465c.txt`): Bearer auth, the trailing-slash path and the doc's example
/// with its matrix of untyped result rows.
@Suite struct RoeAITests {
    static let taskId = UUID(uuidString: "123e4567-e89b-12d3-a456-426614174000")!
    static let path = "/v1/database/query/123e4567-e89b-12d3-a456-426614174000/result/"
    static let token = "roe-token-Lk38"

    @Test func documentedExampleDecodesCompletely() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.path, try serving("roe-query-result.json"))
            let client = Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration)
            let task = try await client.getQueryResult(queryTaskId: Self.taskId)

            let sent = try #require(await server.requests.only)
            #expect(sent.method == "GET")
            #expect(sent.target == Self.path)
            #expect(sent.header("Authorization") == "Bearer \(Self.token)")
            #expect(sent.header("Accept") == "application/json")

            #expect(task.queryTaskId == Self.taskId)
            #expect(task.status == nil)
            let result = try #require(task.results.only)
            #expect(result.queryId == Self.taskId)
            #expect(result.query == "SELECT * FROM example")
            #expect(result.summary == QuerySummary(
                readRows: 3, readBytes: 123, writtenRows: 0, writtenBytes: 0, totalRowsToRead: 3, resultRows: 3,
                resultBytes: 123, elapsedNs: 1_000_000, queryId: "123e4567-e89b-12d3-a456-426614174000"))
            #expect(result.summary.readRows == 3)
            #expect(result.summary.readBytes == 123)
            #expect(result.summary.writtenRows == 0)
            #expect(result.summary.writtenBytes == 0)
            #expect(result.summary.totalRowsToRead == 3)
            #expect(result.summary.resultRows == 3)
            #expect(result.summary.resultBytes == 123)
            #expect(result.summary.elapsedNs == 1_000_000)
            #expect(result.summary.queryId == "123e4567-e89b-12d3-a456-426614174000")
            #expect(result.rowCount == 3)
            #expect(result.columnNames == ["name", "file", "created_at"])
            #expect(result.columnTypes == ["String", "String", "DateTime"])
            #expect(result.resultRows == [
                ["example1.pdf", "file_123e4567-e89b-12d3-a456-426614174001", "2024-04-29 21:11:17+00:00"],
                ["example2.png", "file_123e4567-e89b-12d3-a456-426614174002", "2024-04-29 21:11:18+00:00"],
                ["example3.mp4", "file_123e4567-e89b-12d3-a456-426614174003", "2024-04-29 21:11:19+00:00"],
            ])
            // The DateTime column is text; read with the runtime's date rules it is the instant it names.
            let created = try result.resultRows[0][2].decode(as: Date.self)
            #expect(created.timeIntervalSince1970 == 1_714_425_077)
            #expect(abs(result.startTimestamp - 1_719_852_303.0115254) < 1e-6)
            #expect(abs(result.endTimestamp - 1_719_852_303.0204659) < 1e-6)
            #expect(result.endTimestamp > result.startTimestamp)
            #expect(result.error == nil)
        }
    }

    @Test func untypedValuesKeepTheirJSONKinds() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.path, .json("""
                {"query_task_id": "123e4567-e89b-12d3-a456-426614174000", "status": "SUCCESS", "results": [{
                  "query_id": "123e4567-e89b-12d3-a456-426614174000", "query": "SELECT n, x, ok, missing, tags FROM t",
                  "summary": {"read_rows": 1, "read_bytes": 8, "written_rows": 0, "written_bytes": 0, "total_rows_to_read": 1,
                              "result_rows": 1, "result_bytes": 8, "elapsed_ns": 5, "query_id": "q"},
                  "row_count": 1, "column_names": ["n", "x", "ok", "missing", "tags"],
                  "column_types": ["UInt64", "Float64", "Bool", "Nullable(String)", "Array(String)"],
                  "result_rows": [[18446744073709, 0.5, true, null, ["a"]]],
                  "start_timestamp": 1719852303, "end_timestamp": 1719852303.5, "error": null}]}
                """))
            let task = try await Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration)
                .getQueryResult(queryTaskId: Self.taskId)
            #expect(task.status == "SUCCESS")
            let result = try #require(task.results.only)
            #expect(result.resultRows == [[.int(18_446_744_073_709), .double(0.5), .bool(true), .null, .array(["a"])]])
            #expect(result.startTimestamp == 1_719_852_303)
            #expect(result.error == nil)
        }
    }

    @Test func truncatedBodyIsRetriedThenATransportError() async throws {
        try await withTestServer { server async throws in
            let body = try fixture("roe-query-result.json")
            await server.script(Self.path, ScriptedResponse(headers: ["Content-Type": "application/json"], body: body, behaviour: .truncateBody(sending: body.count / 2)))
            let error = await clientError {
                _ = try await Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration)
                    .getQueryResult(queryTaskId: Self.taskId)
            }
            // The default retry policy sends the GET three times, and the error says so over the last failure.
            guard case .gaveUp(3, .attemptLimit, .transport(let message))? = error else {
                Issue.record("expected gaveUp after 3 transport failures, got \(String(describing: error))")
                return
            }
            #expect(await server.requests.count == 3)
            #expect(!message.isEmpty)
            expectRedacted(error, [Self.token])
        }
    }

    @Test func droppedConnectionIsRetriedThenATransportError() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.path, ScriptedResponse(behaviour: .dropConnection))
            let error = await clientError {
                _ = try await Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration)
                    .getQueryResult(queryTaskId: Self.taskId)
            }
            // The default retry policy sends the GET three times, and the error says so over the last failure.
            guard case .gaveUp(3, .attemptLimit, .transport(let message))? = error else {
                Issue.record("expected gaveUp after 3 transport failures, got \(String(describing: error))")
                return
            }
            #expect(await server.requests.count == 3)
            #expect(!message.isEmpty)
            expectRedacted(error, [Self.token])
        }
    }

    @Test func anyStatusIsUndocumented() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.path, .json(#"{"detail": "Authentication credentials were not provided."}"#, status: 401))
            let error = await clientError {
                _ = try await Client(serverURL: server.url, bearerAuth: Self.token, configuration: testConfiguration)
                    .getQueryResult(queryTaskId: Self.taskId)
            }
            guard case .undocumentedStatus(401, let rawBody, _)? = error else {
                Issue.record("expected undocumentedStatus 401, got \(String(describing: error))")
                return
            }
            #expect(String(decoding: rawBody, as: UTF8.self) == #"{"detail": "Authentication credentials were not provided."}"#)
            expectRedacted(error, [Self.token])
        }
    }
}
