import Foundation

/// The elements of the array at a JSON pointer in a JSON response (`/result/rows`), decoded as they arrive: a
/// result of any size is read in the memory of a batch of rows. Iterate it once.
public struct JSONRows<Row: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = Row

    private let body: HTTPBody
    private let pointer: String
    private let maxItemBytes: Int
    private let makeDecoder: @Sendable () -> JSONDecoder

    init(body: HTTPBody, pointer: String, maxItemBytes: Int, makeDecoder: @escaping @Sendable () -> JSONDecoder) {
        self.body = body
        self.pointer = pointer
        self.maxItemBytes = maxItemBytes
        self.makeDecoder = makeDecoder
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(body: body.makeAsyncIterator(), scanner: JSONArrayScanner(pointer: pointer, maxElementBytes: maxItemBytes), makeDecoder: makeDecoder)
    }

    /// Batches are decoded on other threads while the body is read and scanned, up to this many at once, and
    /// handed out in order; memory stays bounded by these batches.
    static var decodesInFlight: Int { Swift.max(2, ProcessInfo.processInfo.activeProcessorCount) }

    public struct Iterator: AsyncIteratorProtocol {
        var body: HTTPBody.Iterator
        var scanner: JSONArrayScanner
        let makeDecoder: @Sendable () -> JSONDecoder
        var rows: [Row] = []
        var index = 0
        var decoding: [Task<[Row], any Error>] = []
        var ended = false

        init(body: HTTPBody.Iterator, scanner: JSONArrayScanner, makeDecoder: @escaping @Sendable () -> JSONDecoder) {
            self.body = body
            self.scanner = scanner
            self.makeDecoder = makeDecoder
        }

        public mutating func next() async throws -> Row? {
            while true {
                if index < rows.count {
                    defer { index += 1 }
                    return rows[index]
                }
                if !decoding.isEmpty, ended || decoding.count >= JSONRows.decodesInFlight {
                    let task = decoding.removeFirst()
                    rows = try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
                    index = 0
                    continue
                }
                if ended { return nil }
                var batches: [JSONArrayScanner.Batch] = []
                if scanner.finished {
                    ended = true
                } else if let chunk = try await body.next() {
                    try scanner.feed(chunk, into: &batches)
                    // Rows go out as each chunk arrives, so a slow stream's rows are not held back for a full batch.
                    scanner.flush(into: &batches)
                } else {
                    ended = true
                    try scanner.finish(into: &batches)
                }
                for batch in batches {
                    decoding.append(Self.decode(batch, makeDecoder: makeDecoder, target: scanner.target))
                }
            }
        }

        private static func decode(_ batch: JSONArrayScanner.Batch, makeDecoder: @escaping @Sendable () -> JSONDecoder, target: [String]) -> Task<[Row], any Error> {
            Task.detached(priority: .utility) {
                let data = Data(batch.bytes)
                // Free-form rows are parsed directly; a batch that is not what `Row` expects falls through to the
                // decoder, for its error.
                if let row = Row.self as? any JSONValueRow.Type, case .array(let values)? = try? JSONValueParser.parse(data) {
                    let rows = values.compactMap { row.init(jsonValue: $0) as? Row }
                    if rows.count == values.count { return rows }
                }
                do {
                    return try makeDecoder().decode([Row].self, from: data)
                } catch let error as DecodingError {
                    throw ClientError.decoding(DecodingFailure(
                        status: nil, codingPath: "\(target.joined(separator: "."))[\(batch.first)...]",
                        message: "\(error)", bodySnippet: ClientError.snippet(of: data.prefix(800))))
                }
            }
        }
    }
}

/// One record of a CSV response, with the header row's column names.
public struct CSVRow: Sendable, Hashable {
    public let header: [String]
    public let fields: [String]

    /// The value in `column`, or nil if there is no such column or the record is short.
    public subscript(column: String) -> String? {
        guard let index = header.firstIndex(of: column), fields.indices.contains(index) else { return nil }
        return fields[index]
    }
}

/// The records of a CSV response (RFC 4180) after its header row, parsed as they arrive. Iterate it once.
public struct CSVRows: AsyncSequence, Sendable {
    public typealias Element = CSVRow

    private let body: HTTPBody
    private let maxItemBytes: Int

    init(body: HTTPBody, maxItemBytes: Int) {
        self.body = body
        self.maxItemBytes = maxItemBytes
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(body: body.makeAsyncIterator(), parser: CSVRecordParser(maxRecordBytes: maxItemBytes))
    }

    public struct Iterator: AsyncIteratorProtocol {
        var body: HTTPBody.Iterator
        var parser: CSVRecordParser
        var header: [String]?
        var records: [[String]] = []
        var index = 0
        var ended = false

        public mutating func next() async throws -> CSVRow? {
            while true {
                if index < records.count {
                    defer { index += 1 }
                    guard let header else {
                        header = records[index]
                        continue
                    }
                    return CSVRow(header: header, fields: records[index])
                }
                if ended { return nil }
                records.removeAll(keepingCapacity: true)
                index = 0
                do {
                    if let chunk = try await body.next() {
                        try parser.feed(chunk, into: &records)
                    } else {
                        ended = true
                        try parser.finish(into: &records)
                    }
                } catch let error as CSVTable.ParseError {
                    throw ClientError.malformedStream(error.description)
                }
            }
        }
    }
}

extension Connection {
    /// The elements of the array at `pointer` in a JSON response, decoded as `Row` as they arrive.
    public func jsonRows<Row: Decodable & Sendable>(from response: StreamedResponse, at pointer: String, as type: Row.Type) -> JSONRows<Row> {
        JSONRows(body: response.body, pointer: pointer, maxItemBytes: configuration.streaming.maxItemBytes, makeDecoder: configuration.makeDecoder)
    }

    /// The records of a CSV response after its header row, as they arrive.
    public func csvRows(from response: StreamedResponse) -> CSVRows {
        CSVRows(body: response.body, maxItemBytes: configuration.streaming.maxItemBytes)
    }
}
