import Foundation

/// The elements of the array at a JSON pointer in a JSON response (`/result/rows`), decoded as they arrive: a
/// result of any size is read in the memory of a batch of rows. A paged result goes on to the next page, through
/// the link each page carries, once a page's rows are done. Iterate it once.
public struct JSONRows<Row: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = Row

    /// Where a page says where the next one is, and how to fetch it: the body of the response to the link.
    public struct NextPage: Sendable {
        public var link: String
        public var fetch: @Sendable (String) async throws -> HTTPBody

        /// `link` is a JSON pointer to a string in each page (`/next_uri`); a page without one is the last.
        public init(link: String, fetch: @escaping @Sendable (String) async throws -> HTTPBody) {
            self.link = link
            self.fetch = fetch
        }
    }

    private let body: HTTPBody
    private let pointer: String
    private let nextPage: NextPage?
    private let maxItemBytes: Int
    private let makeDecoder: @Sendable () -> JSONDecoder

    init(body: HTTPBody, pointer: String, nextPage: NextPage? = nil, maxItemBytes: Int, makeDecoder: @escaping @Sendable () -> JSONDecoder) {
        self.body = body
        self.pointer = pointer
        self.nextPage = nextPage
        self.maxItemBytes = maxItemBytes
        self.makeDecoder = makeDecoder
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(body: body.makeAsyncIterator(), pointer: pointer, nextPage: nextPage, maxItemBytes: maxItemBytes, makeDecoder: makeDecoder)
    }

    /// Batches are decoded on other threads while the body is read and scanned, up to this many at once, and
    /// handed out in order; memory stays bounded by these batches.
    static var decodesInFlight: Int { Swift.max(2, ProcessInfo.processInfo.activeProcessorCount) }

    public struct Iterator: AsyncIteratorProtocol {
        var body: HTTPBody.Iterator
        var scanner: JSONArrayScanner
        let pointer: String
        let maxItemBytes: Int
        let nextPage: NextPage?
        let makeDecoder: @Sendable () -> JSONDecoder
        var rows: [Row] = []
        var index = 0
        var decoding: [Task<[Row], any Error>] = []
        var ended = false
        /// Links already followed: a server that links back to a page it sent would otherwise never end.
        var followed: Set<String> = []
        /// Thrown once the rows before it are delivered.
        var deferred: ClientError?

        init(body: HTTPBody.Iterator, pointer: String, nextPage: NextPage?, maxItemBytes: Int, makeDecoder: @escaping @Sendable () -> JSONDecoder) {
            self.body = body
            scanner = JSONArrayScanner(pointer: pointer, link: nextPage?.link, maxElementBytes: maxItemBytes)
            self.pointer = pointer
            self.maxItemBytes = maxItemBytes
            self.nextPage = nextPage
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
                if ended {
                    if let deferred {
                        self.deferred = nil
                        throw deferred
                    }
                    return nil
                }
                var batches: [JSONArrayScanner.Batch] = []
                if scanner.finished {
                    ended = true
                } else if let chunk = try await body.next() {
                    try scanner.feed(chunk, into: &batches)
                    // Rows go out as each chunk arrives, so a slow stream's rows are not held back for a full batch.
                    scanner.flush(into: &batches)
                } else {
                    try scanner.finish(into: &batches)
                    if let nextPage, let link = scanner.linkValue, !link.isEmpty {
                        if followed.insert(link).inserted {
                            body = try await nextPage.fetch(link).makeAsyncIterator()
                            scanner = JSONArrayScanner(pointer: pointer, link: nextPage.link, maxElementBytes: maxItemBytes)
                        } else {
                            // This page's rows still go out first.
                            ended = true
                            deferred = ClientError.malformedStream("page links loop back to \(link)")
                        }
                    } else {
                        ended = true
                    }
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
    public func jsonRows<Row: Decodable & Sendable>(from response: StreamedResponse, at pointer: String, as type: Row.Type, nextPage: JSONRows<Row>.NextPage? = nil) -> JSONRows<Row> {
        JSONRows(body: response.body, pointer: pointer, nextPage: nextPage, maxItemBytes: configuration.streaming.maxItemBytes, makeDecoder: configuration.makeDecoder)
    }

    /// The rows of a paged JSON response and of the pages after it: each page's string at `linkPointer` is the
    /// next page's URL, requested as `request` was (headers, cookies, credentials).
    public func jsonRows<Row: Decodable & Sendable>(
        from response: StreamedResponse, at pointer: String, as type: Row.Type, following linkPointer: String, of request: Request
    ) -> JSONRows<Row> {
        jsonRows(from: response, at: pointer, as: type, nextPage: JSONRows.NextPage(link: linkPointer) { link in
            let next = try await stream(request.following(link))
            guard (200..<300).contains(next.status) else { throw await undocumentedError(next) }
            return next.body
        })
    }

    /// The records of a CSV response after its header row, as they arrive.
    public func csvRows(from response: StreamedResponse) -> CSVRows {
        CSVRows(body: response.body, maxItemBytes: configuration.streaming.maxItemBytes)
    }
}
