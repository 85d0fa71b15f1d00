import ClientRuntime
import Dune
import Foundation

@main
struct DuneQuickStart {
    static func main() async {
        // A stand-in for api.dune.com on 127.0.0.1, answering with the examples from Dune's "Execution Results" docs.
        let apiKey = "demo-api-key"
        let server: DocumentedDune
        do {
            server = try await DocumentedDune.start(expectingKey: apiKey)
        } catch {
            print("Could not start the local server: \(error)")
            exit(1)
        }
        print("Local Dune stand-in listening on \(server.url)")

        do {
            // The whole flow with the generated client: make a client, fetch the results, use them.
            let client = Client(serverURL: server.url, apiKeyHeader: apiKey)

            // One call: execute the saved query, poll its status until it has completed, read every page of rows.
            print("runQuery: POST /api/v1/query/980708/execute, GET .../status until completed, GET .../results")
            let rows = try await client.runQuery(queryId: 980708, every: .milliseconds(100))
            print("runQuery returned \(rows.count) rows; the first is \(rows.first?["TableName"]?.stringValue ?? "?")")

            // Step by step: the results of an execution someone else started.
            print("GET /api/v1/execution/01GBM4W2N0NMCGPZYW8AYK4YF1/results with the generated Dune client")
            let results = try await client.getExecutionResults(executionId: "01GBM4W2N0NMCGPZYW8AYK4YF1")
            print("Execution \(results.executionId) of query \(results.queryId): \(results.state.rawValue), finished \(results.executionEndedAt.map { "\($0)" } ?? "-")")

            for row in results.result?.rows ?? [] {
                let table = row["TableName"]?.stringValue ?? "?"
                let count = row["ct"]?.intValue ?? 0
                print("  \(table.padding(toLength: 22, withPad: " ", startingAt: 0)) \(count)")
            }

            // The same results as CSV, parsed by the runtime's CSVTable; the text as received stays in `raw`.
            print("GET /api/v1/execution/01GBM4W2N0NMCGPZYW8AYK4YF1/results/csv, parsed with CSVTable")
            let csv = try CSVTable(parsing: try await client.getExecutionResultsCSV(executionId: "01GBM4W2N0NMCGPZYW8AYK4YF1"))
            print("CSV columns \(csv.header), \(csv.rows.count) rows; sol_transactions ct = \(csv.rows.first { $0.last == "sol_transactions" }?.first ?? "?")")

            guard rows.count == 8, results.result?.rows.count == 8, csv.rows.count == 8 else {
                throw ExampleFailure(message: "expected 8 rows in every form")
            }
            await server.stop()
            print("Done.")
        } catch {
            await server.stop()
            print("QuickStart failed: \(error)")
            exit(1)
        }
    }
}
