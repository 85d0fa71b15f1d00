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
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var inRecord = false
        var afterClosingQuote = false

        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            afterClosingQuote = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case quote:
                guard field.isEmpty, !afterClosingQuote else {
                    throw ParseError(line: line, reason: "a quote inside an unquoted field")
                }
                let openingLine = line
                index += 1
                while true {
                    guard index < bytes.count else { throw ParseError(line: openingLine, reason: "a quoted field is never closed") }
                    let inner = bytes[index]
                    index += 1
                    if inner == quote {
                        guard index < bytes.count, bytes[index] == quote else { break }
                        index += 1
                    } else if inner == lf {
                        line += 1
                    }
                    field.append(inner)
                }
                if index < bytes.count, ![comma, cr, lf].contains(bytes[index]) {
                    throw ParseError(line: line, reason: "unexpected text after a closing quote")
                }
                afterClosingQuote = true
                inRecord = true
            case comma:
                endField()
                inRecord = true
                index += 1
            case cr, lf:
                // Blank lines carry no record; skipping them also makes a trailing line break harmless.
                if inRecord {
                    endField()
                    records.append(record)
                    record = []
                    inRecord = false
                }
                index += (byte == cr && index + 1 < bytes.count && bytes[index + 1] == lf) ? 2 : 1
                line += 1
            default:
                field.append(byte)
                inRecord = true
                index += 1
            }
        }
        if inRecord {
            endField()
            records.append(record)
        }
        return records
    }
}
