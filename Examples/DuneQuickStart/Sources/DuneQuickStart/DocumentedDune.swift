import FlyingFox
import Foundation

struct ExampleFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Serves Dune's two documented example responses, an execution that completes on its second status poll, and 401
/// without the API key.
struct DocumentedDune {
    let url: URL
    private let server: HTTPServer
    private let task: Task<Void, any Error>

    static func start(expectingKey key: String) async throws -> DocumentedDune {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 10, logger: .disabled)
        let authorized = { @Sendable (request: HTTPRequest, contentType: String, body: String) -> HTTPResponse in
            guard request.headers[HTTPHeader("X-Dune-API-Key")] == key else {
                return HTTPResponse(statusCode: .unauthorized, headers: [.contentType: "application/json"], body: Data(#"{"error":"invalid API Key"}"#.utf8))
            }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: contentType], body: Data(body.utf8))
        }
        // Executing answers at once with an ID; the status is pending on the first poll and completed after.
        let polls = PollCounter()
        await server.appendRoute("POST /api/v1/query/:id/execute") { request in
            authorized(request, "application/json", #"{"execution_id": "01GBM4W2N0NMCGPZYW8AYK4YF1", "state": "QUERY_STATE_PENDING"}"#)
        }
        await server.appendRoute("GET /api/v1/execution/:id/status") { request in
            let state = await polls.next() == 1 ? "QUERY_STATE_PENDING" : "QUERY_STATE_COMPLETED"
            return authorized(request, "application/json", #"{"execution_id": "01GBM4W2N0NMCGPZYW8AYK4YF1", "query_id": 980708, "state": "\#(state)", "submitted_at": "2022-08-29T06:33:24.913138Z"}"#)
        }
        await server.appendRoute("GET /api/v1/execution/:id/results/csv") { request in
            authorized(request, "text/csv", Self.exampleCSV)
        }
        await server.appendRoute("GET /api/v1/execution/:id/results") { request in
            authorized(request, "application/json", Self.exampleJSON)
        }
        let task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port) = await server.listeningAddress else {
            throw ExampleFailure(message: "the local server did not start")
        }
        return DocumentedDune(url: URL(string: "http://127.0.0.1:\(port)")!, server: server, task: task)
    }

    func stop() async {
        await server.stop()
        task.cancel()
    }

    /// "Example Response — JSON Format", from Dune's docs.
    static let exampleJSON = """
        {
            "execution_id": "01GBM4W2N0NMCGPZYW8AYK4YF1",
            "query_id": 980708,
            "state": "QUERY_STATE_COMPLETED",
            "submitted_at": "2022-08-29T06:33:24.913138Z",
            "expires_at": "2024-08-28T06:36:41.58847Z",
            "execution_started_at": "2022-08-29T06:33:24.916543Z",
            "execution_ended_at": "2022-08-29T06:36:41.588467Z",
            "result": {
                "rows": [
                    {
                        "TableName": "eth_blocks",
                        "ct": 6296
                    },
                    {
                        "TableName": "eth_traces",
                        "ct": 4474223
                    },
                    {
                        "TableName": "eth_creation_traces",
                        "ct": 10155
                    },
                    {
                        "TableName": "eth_logs",
                        "ct": 2137508
                    },
                    {
                        "TableName": "eth_transactions",
                        "ct": 1039890
                    },
                    {
                        "TableName": "sol_transactions",
                        "ct": 37185158
                    },
                    {
                        "TableName": "bnb_transactions",
                        "ct": 2942005
                    },
                    {
                        "TableName": "optimism_transactions",
                        "ct": 120973
                    }
                ],
                "metadata": {
                    "column_names": [
                        "ct",
                        "TableName"
                    ],
                    "result_set_bytes": 194,
                    "total_row_count": 8,
                    "datapoint_count": 16,
                    "pending_time_millis": 8,
                    "execution_time_millis": 24
                }
            }
        }

        """

    /// "Example Response — CSV Format", from Dune's docs.
    static let exampleCSV = """
        ct,TableName
        6296,eth_blocks
        4.474223e+06,eth_traces
        10155,eth_creation_traces
        2.137508e+06,eth_logs
        1.03989e+06,eth_transactions
        3.7185158e+07,sol_transactions
        2.942005e+06,bnb_transactions
        120973,optimism_transactions

        """
}

/// How many times the status has been asked for.
private actor PollCounter {
    private var count = 0

    func next() -> Int {
        count += 1
        return count
    }
}
