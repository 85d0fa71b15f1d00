import Foundation

/// JSON values streamed one after another, decoded as they arrive: JSON Lines and NDJSON (one value per line) or
/// JSON text sequences (RFC 7464: each value after a record separator). Iterate it once.
public struct JSONStream<Item: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = Item

    public enum Framing: Sendable {
        /// `application/jsonl`, `application/x-ndjson`: values separated by line feeds; blank lines are skipped.
        case lines
        /// `application/json-seq`: each value starts with RS (U+001E).
        case recordSeparated
    }

    private let body: HTTPBody
    private let framing: Framing
    private let maxItemBytes: Int
    private let decoder: @Sendable () -> JSONDecoder

    init(body: HTTPBody, framing: Framing, maxItemBytes: Int, decoder: @escaping @Sendable () -> JSONDecoder) {
        self.body = body
        self.framing = framing
        self.maxItemBytes = maxItemBytes
        self.decoder = decoder
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(body: body.makeAsyncIterator(), splitter: RecordSplitter(separator: framing == .lines ? 0x0A : 0x1E, maxBytes: maxItemBytes), decoder: decoder())
    }

    public struct Iterator: AsyncIteratorProtocol {
        var body: HTTPBody.Iterator
        var splitter: RecordSplitter
        let decoder: JSONDecoder
        var records: [Data] = []
        var index = 0
        var ended = false
        var position = 0

        public mutating func next() async throws -> Item? {
            while true {
                while index < records.count {
                    let record = records[index]
                    index += 1
                    position += 1
                    guard let trimmed = RecordSplitter.trimmed(record) else { continue }
                    do {
                        return try decoder.decode(Item.self, from: trimmed)
                    } catch let error as DecodingError {
                        throw ClientError.decoding(DecodingFailure(
                            status: nil, codingPath: "item \(position)",
                            message: "\(error)", bodySnippet: ClientError.snippet(of: trimmed)))
                    }
                }
                guard !ended else { return nil }
                records.removeAll(keepingCapacity: true)
                index = 0
                if let chunk = try await body.next() {
                    records = try splitter.feed(chunk)
                } else {
                    ended = true
                    records = splitter.finish().map { [$0] } ?? []
                }
            }
        }
    }
}

/// Cuts a byte stream into records at a separator byte, across chunk boundaries, holding at most `maxBytes`.
struct RecordSplitter {
    let separator: UInt8
    let maxBytes: Int
    private var partial = Data()

    init(separator: UInt8, maxBytes: Int) {
        self.separator = separator
        self.maxBytes = maxBytes
    }

    mutating func feed(_ chunk: Data) throws -> [Data] {
        var records: [Data] = []
        var start = chunk.startIndex
        while let end = chunk[start...].firstIndex(of: separator) {
            if partial.isEmpty {
                records.append(chunk[start..<end])
            } else {
                partial.append(chunk[start..<end])
                records.append(partial)
                partial = Data()
            }
            start = end + 1
        }
        partial.append(chunk[start...])
        if partial.count > maxBytes {
            throw ClientError.malformedStream("an item is longer than the \(maxBytes)-byte limit")
        }
        return records
    }

    mutating func finish() -> Data? {
        defer { partial = Data() }
        return partial.isEmpty ? nil : partial
    }

    /// The record without surrounding whitespace (and a JSON text sequence's trailing line feed); nil when blank.
    static func trimmed(_ record: Data) -> Data? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = record.firstIndex(where: { !isSpace($0) }), let last = record.lastIndex(where: { !isSpace($0) }) else { return nil }
        return record[first...last]
    }
}
