// Streamed bodies over loopback against Benchmarks/stream-server.py, one mode per process so that GNU time's peak
// RSS is the mode's own. Every mode prints "seconds N", "items N" and "bytes N" for Benchmarks/run.
//
//   stream-bench rows PORT BYTES         Dune.getExecutionResultsRows: rows of a BYTES-byte result, as they arrive
//   stream-bench csv-rows PORT BYTES     Dune.getExecutionResultsCSVRows: CSV records, as they arrive
//   stream-bench read PORT BYTES         the same JSON body's bytes as they arrive, nothing decoded
//   stream-bench whole PORT BYTES        Dune.getExecutionResults: the whole body, then JSONDecoder (the baseline)
//   stream-bench csv-whole PORT BYTES    Dune.getExecutionResultsCSV, then CSVTable over the whole text
//   stream-bench upload PORT FILE        a multipart upload of FILE, streamed from disk
//   stream-bench events PORT COUNT       COUNT server-sent events, each decoded as JSON
import ClientRuntime
import Dune
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 4, let port = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: stream-bench rows|csv-rows|read|whole|csv-whole|upload|events PORT SIZE-OR-FILE\n".utf8))
    exit(64)
}
let server = URL(string: "http://127.0.0.1:\(port)")!
let configuration = ClientConfiguration(timeout: ProcessInfo.processInfo.environment["STREAM_BENCH_TIMEOUT"].map { .seconds(Int($0)!) }, maxResponseBytes: 4 << 30)
let client = Dune.Client(serverURL: server, apiKeyHeader: "bench", configuration: configuration)
let connection = Connection(serverURL: server, configuration: configuration)
/// The work runs off the main actor, as a client's background work would: iterating on the main actor would hop
/// to it and back for every element.
nonisolated func measure(_ mode: String, _ argument: String) async throws -> (items: Int, bytes: Int) {
    var items = 0
    var bytes = 0

struct Event: Decodable, Sendable {
    var index: Int
    var text: String
}

struct Stored: Decodable, Sendable {
    var bytes: Int
}

switch mode {
case "rows":
    for try await row in try await client.getExecutionResultsRows(executionId: "size-\(argument)") {
        items += 1
        bytes += row.count
    }
case "read":
    let request = Request(method: .get, path: "/api/v1/execution/size-\(argument)/results")
    for try await chunk in try await connection.stream(request).body {
        items += 1
        bytes += chunk.count
    }
case "csv-rows":
    for try await row in try await client.getExecutionResultsCSVRows(executionId: "size-\(argument)") {
        items += 1
        bytes += row.fields.count
    }
case "whole":
    let results = try await client.getExecutionResults(executionId: "size-\(argument)")
    items = results.result?.rows.count ?? 0
case "csv-whole":
    let table = try CSVTable(parsing: try await client.getExecutionResultsCSV(executionId: "size-\(argument)"))
    items = table.rows.count
case "upload":
    let file = URL(fileURLWithPath: argument)
    var form = MultipartForm()
    form.field("purpose", "benchmark")
    form.file("file", try MultipartFile(contentsOf: file, contentType: "application/octet-stream"))
    var request = Request(method: .post, path: "/upload")
    request.multipartBody(form)
    let response = try await connection.send(request)
    bytes = try JSONDecoder().decode(Stored.self, from: response.body).bytes
    items = 1
case "events":
    let request = Request(method: .get, path: "/events?count=\(argument)")
    let response = try await connection.stream(request)
    for try await event in connection.events(from: response, as: Event.self, request: request) {
        items += 1
        bytes += event.data.text.utf8.count
    }
default:
    FileHandle.standardError.write(Data("stream-bench: unknown mode \(mode)\n".utf8))
    exit(64)
}
    return (items, bytes)
}

let clock = ContinuousClock()
let started = clock.now
let (items, bytes) = try await Task.detached { try await measure(arguments[1], arguments[3]) }.value
let elapsed = clock.now - started
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print("seconds \(String(format: "%.4f", seconds))")
print("items \(items)")
print("bytes \(bytes)")
