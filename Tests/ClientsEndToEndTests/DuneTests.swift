import ClientRuntime
import Dune
import Foundation
import HTTPTestServer
import Testing

/// Dune's "Execution Results" doc (`002_e7dc05458ea0ee84.txt`): its JSON and CSV examples, served as shown.
@Suite struct DuneTests {
    static let executionId = "01GBM4W2N0NMCGPZYW8AYK4YF1"
    static let resultsPath = "/api/v1/execution/01GBM4W2N0NMCGPZYW8AYK4YF1/results"
    static let key = "dune-key-7Ghq2"

    @Test func documentedJSONExampleDecodesCompletely() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.resultsPath, try serving("dune-results.json"))
            let client = Client(serverURL: server.url, apiKeyHeader: Self.key, configuration: testConfiguration)
            let results = try await client.getExecutionResults(executionId: Self.executionId)

            let sent = try #require(await server.requests.only)
            #expect(sent.method == "GET")
            #expect(sent.target == Self.resultsPath)
            #expect(sent.header("X-Dune-API-Key") == Self.key)
            #expect(sent.header("Accept") == "application/json")

            #expect(results.executionId == "01GBM4W2N0NMCGPZYW8AYK4YF1")
            #expect(results.queryId == 980708)
            #expect(results.state == .completed)
            #expect(results.state.rawValue == "QUERY_STATE_COMPLETED")
            // Microseconds survive: "2022-08-29T06:33:24.913138Z" and friends.
            expectTime(results.submittedAt, 1_661_754_804.913138)
            expectTime(results.expiresAt, 1_724_827_001.58847)
            expectTime(results.executionStartedAt, 1_661_754_804.916543)
            expectTime(results.executionEndedAt, 1_661_755_001.588467)

            let result = try #require(results.result)
            let expectedRows: [(String, Int)] = [
                ("eth_blocks", 6296), ("eth_traces", 4_474_223), ("eth_creation_traces", 10155), ("eth_logs", 2_137_508),
                ("eth_transactions", 1_039_890), ("sol_transactions", 37_185_158), ("bnb_transactions", 2_942_005),
                ("optimism_transactions", 120_973),
            ]
            #expect(result.rows.count == expectedRows.count)
            for (row, (table, count)) in zip(result.rows, expectedRows) {
                #expect(row == ["TableName": .string(table), "ct": .int(count)])
                #expect(row["TableName"]?.stringValue == table)
                #expect(row["ct"]?.intValue == count)
            }
            #expect(result.metadata == ResultMetadata(
                columnNames: ["ct", "TableName"], resultSetBytes: 194, totalRowCount: 8, datapointCount: 16,
                pendingTimeMillis: 8, executionTimeMillis: 24))
            #expect(result.metadata.columnNames == ["ct", "TableName"])
            #expect(result.metadata.resultSetBytes == 194)
            #expect(result.metadata.totalRowCount == 8)
            #expect(result.metadata.datapointCount == 16)
            #expect(result.metadata.pendingTimeMillis == 8)
            #expect(result.metadata.executionTimeMillis == 24)
        }
    }

    @Test func ignoringTheDatapointLimitIsAQueryParameter() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.resultsPath, try serving("dune-results.json"))
            let client = Client(serverURL: server.url, apiKeyHeader: Self.key, configuration: testConfiguration)
            _ = try await client.getExecutionResults(executionId: Self.executionId, ignoreMaxDatapointsPerRequest: true)
            #expect(try #require(await server.requests.only).target == Self.resultsPath + "?ignore_max_datapoints_per_request=true")
        }
    }

    @Test func documentedCSVExampleParses() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.resultsPath + "/csv", try serving("dune-results.csv", contentType: "text/csv"))
            let client = Client(serverURL: server.url, apiKeyHeader: Self.key, configuration: testConfiguration)
            let csv = try await client.getExecutionResultsCSV(executionId: Self.executionId)

            let sent = try #require(await server.requests.only)
            #expect(sent.method == "GET")
            #expect(sent.target == Self.resultsPath + "/csv")
            #expect(sent.header("X-Dune-API-Key") == Self.key)
            #expect(sent.header("Accept") == "text/csv, application/json")

            #expect(Data(csv.utf8) == (try fixture("dune-results.csv")))
            let table = try CSVTable(parsing: csv)
            #expect(table.raw == csv)
            #expect(table.header == ["ct", "TableName"])
            #expect(table.rows == [
                ["6296", "eth_blocks"], ["4.474223e+06", "eth_traces"], ["10155", "eth_creation_traces"],
                ["2.137508e+06", "eth_logs"], ["1.03989e+06", "eth_transactions"], ["3.7185158e+07", "sol_transactions"],
                ["2.942005e+06", "bnb_transactions"], ["120973", "optimism_transactions"],
            ])
            #expect(table[row: 1, column: "ct"] == "4.474223e+06")
            #expect(table.column("ct")?.compactMap(Double.init) == [6296, 4_474_223, 10155, 2_137_508, 1_039_890, 37_185_158, 2_942_005, 120_973])
            #expect(try SerializedValue.decode(csv, contentType: "text/csv", as: CSVTable.self) == table)
        }
    }

    /// The doc allows the key in the `X-Dune-API-Key` header or the `api_key` query parameter; exactly one is sent.
    @Test func apiKeyInTheHeaderOrTheQuery() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.resultsPath, try serving("dune-results.json"))

            _ = try await Client(serverURL: server.url, apiKeyHeader: Self.key, configuration: testConfiguration)
                .getExecutionResults(executionId: Self.executionId)
            let header = try #require(await server.requests.last)
            #expect(header.header("X-Dune-API-Key") == Self.key)
            #expect(header.target == Self.resultsPath)

            _ = try await Client(serverURL: server.url, apiKeyQuery: "q/key+=1", configuration: testConfiguration)
                .getExecutionResults(executionId: Self.executionId, ignoreMaxDatapointsPerRequest: false)
            let query = try #require(await server.requests.last)
            #expect(query.header("X-Dune-API-Key") == nil)
            #expect(query.target == Self.resultsPath + "?ignore_max_datapoints_per_request=false&api_key=q%2Fkey%2B%3D1")

            // Both configured: the first alternative the spec lists (the header), not both.
            _ = try await Client(serverURL: server.url, apiKeyHeader: Self.key, apiKeyQuery: "other", configuration: testConfiguration)
                .getExecutionResults(executionId: Self.executionId)
            let both = try #require(await server.requests.last)
            #expect(both.header("X-Dune-API-Key") == Self.key)
            #expect(both.target == Self.resultsPath)

            // None configured: anonymous.
            _ = try await Client(serverURL: server.url, configuration: testConfiguration).getExecutionResults(executionId: Self.executionId)
            let anonymous = try #require(await server.requests.last)
            #expect(anonymous.header("X-Dune-API-Key") == nil)
            #expect(anonymous.target == Self.resultsPath)
        }
    }

    /// A still-running execution has only the required fields, and a state this spec does not list is kept as sent.
    @Test func unlistedStateAndUnfinishedExecution() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.resultsPath, .json("""
                {"execution_id": "01GBM4W2N0NMCGPZYW8AYK4YF1", "query_id": 980708, "state": "QUERY_STATE_SOMETHING_NEW",
                 "submitted_at": "2022-08-29T06:33:24.000001Z"}
                """))
            let results = try await Client(serverURL: server.url, apiKeyHeader: Self.key, configuration: testConfiguration)
                .getExecutionResults(executionId: Self.executionId)
            #expect(results.state == .unknown("QUERY_STATE_SOMETHING_NEW"))
            #expect(results.state.rawValue == "QUERY_STATE_SOMETHING_NEW")
            expectTime(results.submittedAt, 1_661_754_804.000001)
            #expect(results.expiresAt == nil && results.executionStartedAt == nil && results.executionEndedAt == nil)
            #expect(results.result == nil)
        }
    }

    @Test func documentedErrorBodyIsTyped() async throws {
        try await withTestServer { server async throws in
            // Some servers echo the key they rejected; it must still not reach descriptions.
            await server.script(Self.resultsPath, .json(#"{"error":"invalid API Key: \#(Self.key)"}"#, status: 401))
            let error = await clientError {
                _ = try await Client(serverURL: server.url, apiKeyHeader: Self.key, configuration: testConfiguration)
                    .getExecutionResults(executionId: Self.executionId)
            }
            guard case .documentedStatus(401, _, let rawBody, _)? = error else {
                Issue.record("expected documentedStatus 401, got \(String(describing: error))")
                return
            }
            #expect(error?.body(as: ErrorResponse.self) == ErrorResponse(error: "invalid API Key: \(Self.key)"))
            #expect(String(decoding: rawBody, as: UTF8.self) == #"{"error":"invalid API Key: \#(Self.key)"}"#)
            // The server echoed the key; descriptions leave bodies out, so it cannot reach a log.
            expectRedacted(error, [Self.key])
        }
    }

    @Test func htmlInsteadOfJSONIsAnUnexpectedContentType() async throws {
        try await withTestServer { server async throws in
            let html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>upstream error</body></html>"
            await server.script(Self.resultsPath, .text(html, contentType: "text/html; charset=utf-8"))
            let error = await clientError {
                _ = try await Client(serverURL: server.url, apiKeyHeader: Self.key, configuration: testConfiguration)
                    .getExecutionResults(executionId: Self.executionId)
            }
            guard case .unexpectedContentType(let expected, let received)? = error else {
                Issue.record("expected unexpectedContentType, got \(String(describing: error))")
                return
            }
            #expect(expected == "application/json")
            #expect(received == "text/html; charset=utf-8")
            expectRedacted(error, [Self.key])
        }
    }

    @Test func undocumentedStatusKeepsTheRawBody() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.resultsPath + "/csv", .text("I'm a teapot", status: 418))
            let error = await clientError {
                _ = try await Client(serverURL: server.url, apiKeyQuery: Self.key, configuration: testConfiguration)
                    .getExecutionResultsCSV(executionId: Self.executionId)
            }
            guard case .undocumentedStatus(let status, let rawBody, let headers)? = error else {
                Issue.record("expected undocumentedStatus, got \(String(describing: error))")
                return
            }
            #expect(status == 418)
            #expect(rawBody == Data("I'm a teapot".utf8))
            #expect(headers["content-type"] == "text/plain; charset=utf-8")
            #expect(error?.rawBody == Data("I'm a teapot".utf8))
            expectRedacted(error, [Self.key])
        }
    }

    /// The rows variants read the documented JSON and CSV examples row by row, as they arrive, and agree with the
    /// whole results.
    @Test func rowsOfTheDocumentedExamplesAsTheyArrive() async throws {
        try await withTestServer { server async throws in
            await server.script(Self.resultsPath, try serving("dune-results.json"))
            await server.script(Self.resultsPath + "/csv", try serving("dune-results.csv", contentType: "text/csv"))
            let client = Client(serverURL: server.url, apiKeyHeader: Self.key, configuration: testConfiguration)

            var rows: [ResultRow] = []
            for try await row in try await client.getExecutionResultsRows(executionId: Self.executionId) { rows.append(row) }
            #expect(rows == (try await client.getExecutionResults(executionId: Self.executionId)).result?.rows)
            #expect(rows.count == 8)
            #expect(rows.first?["TableName"]?.stringValue == "eth_blocks")

            var csvRows: [CSVRow] = []
            for try await row in try await client.getExecutionResultsCSVRows(executionId: Self.executionId) { csvRows.append(row) }
            let table = try CSVTable(parsing: try await client.getExecutionResultsCSV(executionId: Self.executionId))
            #expect(csvRows.map(\.fields) == table.rows)
            #expect(csvRows.first?.header == table.header)
            #expect(csvRows.map { $0["TableName"] ?? "" } == table.column("TableName"))
            #expect(await server.requests.allSatisfy { $0.header("X-Dune-API-Key") == Self.key })
        }
    }
}
