import Allium
import ClientRuntime
import Foundation
import HTTPTestServer
import TestClocks
import Testing

/// Allium's "Fetch query run results" (`000_393dd4e9fbe744be.txt`): the doc embeds the spec but no example, so the
/// fixtures are written from its schemas (`QueryResult`, `HTTPValidationError`).
@Suite struct AlliumTests {
    static let runId = "8Hgx2oVZ7kqnQb1YTkE3"
    static let path = "/api/v1/explorer/query-runs/8Hgx2oVZ7kqnQb1YTkE3/results"
    static let key = "allium-key-Q2w9"

    @Test func queryRunResultsDecodeCompletely() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.path, try serving("allium-query-run-results.json"))
            let client = Client(serverURL: server.url, apiKey: Self.key, configuration: testConfiguration)
            let result = try await client.getQueryRunResults(runId: Self.runId)

            let sent = try #require(await server.requests.only)
            #expect(sent.method == "GET")
            #expect(sent.target == Self.path + "?f=json")
            #expect(sent.header("X-API-KEY") == Self.key)
            #expect(sent.header("Authorization") == nil)
            #expect(sent.header("Accept") == "application/json")

            #expect(result.sql == "SELECT block_number, block_timestamp, hash, transaction_count FROM ethereum.raw.blocks ORDER BY block_number DESC LIMIT 2")
            #expect(result.data == [
                [
                    "block_number": 19_876_543, "block_timestamp": "2024-05-16T12:00:11",
                    "hash": "0x8f5bab218b6bb34476f51ca588e9f4553a3a7ce5e13a66c660a5283e97e9a85a", "transaction_count": 143,
                ],
                [
                    "block_number": 19_876_542, "block_timestamp": "2024-05-16T11:59:59",
                    "hash": "0x3c1b1e2a9b4f0e8f2d1c6a7b5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d", "transaction_count": 0,
                ],
            ])
            #expect(result.data?[0]?["block_number"]?.intValue == 19_876_543)
            #expect(result.data?[1]?["transaction_count"]?.intValue == 0)
            #expect(result.meta.columns == [
                QueryResultMetaColumn(name: "block_number", dataType: "NUMBER"),
                QueryResultMetaColumn(name: "block_timestamp", dataType: "TIMESTAMP_NTZ"),
                QueryResultMetaColumn(name: "hash", dataType: "TEXT"),
                QueryResultMetaColumn(name: "transaction_count", dataType: "NUMBER"),
            ])
            expectTime(result.queriedAt, 1_715_860_862.345678)
        }
    }

    @Test func formatIsSentAsItsRawValue() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.path, .json(#"{"sql": "SELECT 1", "meta": {"columns": []}}"#))
            let client = Client(serverURL: server.url, apiKey: Self.key, configuration: testConfiguration)
            let minimal = try await client.getQueryRunResults(runId: Self.runId, f: .jsonFile)
            #expect(try #require(await server.requests.last).target == Self.path + "?f=json_file")
            #expect(minimal.data == nil && minimal.queriedAt == nil && minimal.meta.columns.isEmpty)

            _ = try await client.getQueryRunResults(runId: Self.runId, f: nil)
            #expect(try #require(await server.requests.last).target == Self.path)
        }
    }

    @Test func validationErrorLocationsMixStringsAndIntegers() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.path, try serving("allium-validation-error.json", status: 422))
            let client = Client(serverURL: server.url, apiKey: Self.key, configuration: testConfiguration)
            let error = await clientError { _ = try await client.getQueryRunResults(runId: Self.runId) }
            #expect(error?.status == 422)
            let body = try #require(error?.body(as: HTTPValidationError.self))
            #expect(body.detail == [
                ValidationError(
                    loc: [.string("query"), .string("f"), .integer(0)],
                    msg: "value is not a valid enumeration member; permitted: 'json', 'json_file', 'csv'", type: "type_error.enum"),
                ValidationError(loc: [.string("path"), .string("run_id")], msg: "field required", type: "value_error.missing"),
            ])
            #expect(error?.rawBody == (try fixture("allium-validation-error.json")))
            expectRedacted(error, [Self.key])
        }
    }

    /// The server holds its answer; the call ends with `timedOut` when its clock reaches the 10 s timeout.
    @Test(.timeLimit(.minutes(1))) func slowServerTimesOut() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.path, ScriptedResponse(headers: ["Content-Type": "application/json"], body: try fixture("allium-query-run-results.json"), heldAt: "never"))
            let clock = ManualClock()
            let client = Client(serverURL: server.url, apiKey: Self.key, configuration: ClientConfiguration(timeout: .seconds(10), clock: clock))
            let call = Task { await clientError { _ = try await client.getQueryRunResults(runId: Self.runId) } }
            await server.waitForRequests(1)
            #expect(await clock.waitForSleepers(1) == [clock.now.advanced(by: .seconds(10))])
            clock.advance(by: .seconds(10))
            let error = await call.value
            guard case .timedOut? = error else {
                Issue.record("expected timedOut, got \(String(describing: error))")
                return
            }
            #expect(clock.slept == [.seconds(10)])
            expectRedacted(error, [Self.key])
        }
    }
}
