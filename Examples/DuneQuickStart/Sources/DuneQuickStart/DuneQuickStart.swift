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

            guard results.result?.rows.count == 8, csv.rows.count == 8 else {
                throw ExampleFailure(message: "expected 8 rows in both forms")
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
