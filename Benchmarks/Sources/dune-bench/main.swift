// Decoding a large Dune `GET /api/v1/execution/{id}/results` body.
//
//   dune-bench make-body ROWS FILE      write a body of ROWS rows x 5 columns to FILE
//   dune-bench generated FILE [N]       decode it N times as Dune.ExecutionResultsResponse with JSONCoding.makeDecoder()
//   dune-bench plain-dynamic FILE [N]   ... with a plain JSONDecoder into hand-written structs, rows as [String: Value]
//   dune-bench plain-typed FILE [N]     ... with a plain JSONDecoder into hand-written structs, rows as a 5-field struct
//   dune-bench idle FILE                read the file and exit: the RSS every mode pays before decoding
//
// The decode modes print the median, min and max seconds; run each in its own process so peak RSS is per decoder.
import ClientRuntime
import Dune
import Foundation

// MARK: Hand-written equivalents of the generated types, as one would write them for plain JSONDecoder.

/// A JSON value, for rows whose columns are not known in advance (what the generated `ResultRow` is).
enum Value: Decodable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([Value]), object([String: Value])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode([String: Value].self) { self = .object(value) }
        else { self = .array(try container.decode([Value].self)) }
    }
}

/// The same 5 columns `make-body` writes, as a developer who knows the query would type them.
struct TypedRow: Decodable {
    var block_number: Int
    var block_time: String
    var hash: String
    var gas_used: Int
    var value_eth: Double
}

struct PlainResponse<Row: Decodable>: Decodable {
    struct Result: Decodable {
        var rows: [Row]
        var metadata: Metadata
    }
    struct Metadata: Decodable {
        var column_names: [String]
        var result_set_bytes: Int
        var total_row_count: Int
        var datapoint_count: Int
        var pending_time_millis: Int?
        var execution_time_millis: Int
    }
    var execution_id: String
    var query_id: Int
    var state: String
    var submitted_at: Date
    var expires_at: Date?
    var execution_started_at: Date?
    var execution_ended_at: Date?
    var result: Result?
}

func plainDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    nonisolated(unsafe) let shared = formatter
    decoder.dateDecodingStrategy = .custom { decoder in
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = shared.date(from: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(text)")
        }
        return date
    }
    return decoder
}

// MARK: The body

func makeBody(rows: Int) -> String {
    let columns = ["block_number", "block_time", "hash", "gas_used", "value_eth"]
    var rowTexts: [String] = []
    rowTexts.reserveCapacity(rows)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {  // splitmix64: the same body on every machine
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    for index in 0..<rows {
        let hash = "0x" + (0..<4).map { _ in String(next(), radix: 16).leftPadded(to: 16) }.joined()
        let seconds = 1_700_000_000 + index * 12
        let time = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let value = Double(next() % 100_000_000) / 1_000_000
        rowTexts.append(
            "{\"block_number\":\(18_000_000 + index),\"block_time\":\"\(time)\",\"hash\":\"\(hash)\","
                + "\"gas_used\":\(next() % 30_000_000),\"value_eth\":\(value)}"
        )
    }
    let rowsText = rowTexts.joined(separator: ",")
    return """
        {"execution_id":"01HKZJ2683PHF9Q9PHHQ8FW4Q1","query_id":1234,"state":"QUERY_STATE_COMPLETED",\
        "submitted_at":"2024-12-20T11:04:18.724658237Z","expires_at":"2026-12-20T11:04:18.724658237Z",\
        "execution_started_at":"2024-12-20T11:04:18.735809018Z","execution_ended_at":"2024-12-20T11:04:19.015264645Z",\
        "result":{"rows":[\(rowsText)],"metadata":{"column_names":[\(columns.map { "\"\($0)\"" }.joined(separator: ","))],\
        "result_set_bytes":\(rowsText.utf8.count),"total_row_count":\(rows),"datapoint_count":\(rows * columns.count),\
        "pending_time_millis":12,"execution_time_millis":279}}}
        """
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

// MARK: Main

let arguments = CommandLine.arguments
let usage = "usage: dune-bench make-body ROWS FILE | generated|plain-dynamic|plain-typed FILE [N] | idle FILE\n"
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(64)
}
switch arguments[1] {
case "make-body":
    guard arguments.count == 4, let rows = Int(arguments[2]) else {
        FileHandle.standardError.write(Data(usage.utf8))
        exit(64)
    }
    try Data(makeBody(rows: rows).utf8).write(to: URL(fileURLWithPath: arguments[3]))
case "idle":
    let data = try Data(contentsOf: URL(fileURLWithPath: arguments[2]))
    print("bytes \(data.count)")
case let mode where ["generated", "plain-dynamic", "plain-typed"].contains(mode):
    let data = try Data(contentsOf: URL(fileURLWithPath: arguments[2]))
    let runs = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 5) : 5
    var seconds: [Double] = []
    var rows = 0
    for _ in 0..<runs {
        let clock = ContinuousClock()
        let start = clock.now
        switch mode {
        case "generated":
            let response = try JSONCoding.makeDecoder().decode(ExecutionResultsResponse.self, from: data)
            rows = response.result?.rows.count ?? 0
        case "plain-dynamic":
            let response = try plainDecoder().decode(PlainResponse<[String: Value]>.self, from: data)
            rows = response.result?.rows.count ?? 0
        default:
            let response = try plainDecoder().decode(PlainResponse<TypedRow>.self, from: data)
            rows = response.result?.rows.count ?? 0
        }
        let elapsed = start.duration(to: clock.now)
        seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    seconds.sort()
    print(String(format: "median %.4f min %.4f max %.4f runs %d rows %d bytes %d", seconds[seconds.count / 2], seconds[0], seconds[seconds.count - 1], runs, rows, data.count))
default:
    FileHandle.standardError.write(Data(usage.utf8))
    exit(64)
}
