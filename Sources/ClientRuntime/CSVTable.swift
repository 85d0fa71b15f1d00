/// A CSV document (RFC 4180) as strings: query-result endpoints return CSV and callers want rows by
/// column name without pulling in a CSV library. Fields stay text; typing them is the caller's call.
public struct CSVTable: Sendable, Hashable {
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// 1-based line of the offending character.
        public let line: Int
        public let reason: String

        public var description: String { "CSV line \(line): \(reason)" }
    }

    public let header: [String]
    public let rows: [[String]]
    /// The text as received, for callers that want to save or forward it unchanged.
    public let raw: String

    /// The first record is the header. Quoted fields may contain commas, quotes (`""`) and line
    /// breaks; CRLF, LF and CR all end records; a final line break does not add an empty row.
    public init(parsing text: String) throws {
        raw = text
        var records = try Self.records(in: Array(text.utf8))
        header = records.isEmpty ? [] : records.removeFirst()
        rows = records
    }

    /// The value in `column` of row `row`, or nil if the column does not exist or the row is short.
    public subscript(row row: Int, column column: String) -> String? {
        guard rows.indices.contains(row), let index = header.firstIndex(of: column), rows[row].indices.contains(index) else { return nil }
        return rows[row][index]
    }

    /// Every value of one column, "" where a row is short.
    public func column(_ name: String) -> [String]? {
        guard let index = header.firstIndex(of: name) else { return nil }
        return rows.map { $0.indices.contains(index) ? $0[index] : "" }
    }

    private static func records(in bytes: [UInt8]) throws -> [[String]] {
        var parser = CSVRecordParser()
        var records: [[String]] = []
        try parser.feed(bytes, into: &records)
        try parser.finish(into: &records)
        return records
    }
}
