import Foundation

/// RFC 4180 CSV, parsed incrementally: bytes in, complete records out, so a large CSV body never has to be in
/// memory. Quoted fields may contain commas, quotes (`""`) and line breaks; CRLF, LF and CR all end records; blank
/// lines carry no record; a leading UTF-8 BOM is dropped.
struct CSVRecordParser {
    private enum State {
        case fieldStart
        case unquoted
        case quoted
        /// A quote inside a quoted field: the end of the field, or the first of `""`.
        case quoteInQuoted
        case afterClosingQuote
    }

    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var record: [String] = []
    private var inRecord = false
    private var afterCR = false
    private var bomBytes = 0
    private var quoteLine = 1
    private(set) var line = 1
    let maxRecordBytes: Int
    private var recordBytes = 0

    init(maxRecordBytes: Int = .max) {
        self.maxRecordBytes = maxRecordBytes
    }

    mutating func feed(_ bytes: some ContiguousBytes, into records: inout [[String]]) throws(CSVTable.ParseError) {
        let result: Result<Void, CSVTable.ParseError> = bytes.withUnsafeBytes { buffer in
            do throws(CSVTable.ParseError) {
                try feed(buffer.bindMemory(to: UInt8.self), into: &records)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    private mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, into records: inout [[String]]) throws(CSVTable.ParseError) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if bomBytes < 3 {
                if byte == [0xEF, 0xBB, 0xBF][bomBytes], line == 1, !inRecord, field.count == bomBytes {
                    bomBytes += 1
                    field.append(byte)
                    if bomBytes == 3 { field.removeAll() }
                    index += 1
                    continue
                }
                bomBytes = 3
            }
            if afterCR {
                afterCR = false
                if byte == Self.lf {
                    index += 1
                    continue
                }
            }
            if state == .fieldStart || state == .unquoted, byte != Self.quote {
                // A run of plain bytes is taken whole: most of a large CSV body is such runs.
                var end = index
                while end < bytes.count, !Self.isSpecial(bytes[end]) { end += 1 }
                if end > index {
                    try count(end - index)
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    state = .unquoted
                    inRecord = true
                    index = end
                    continue
                }
            }
            try count(1)
            index += 1
            switch state {
            case .quoted:
                if byte == Self.quote {
                    state = .quoteInQuoted
                } else {
                    if byte == Self.lf { line += 1 }
                    field.append(byte)
                }
            case .quoteInQuoted:
                if byte == Self.quote {
                    field.append(Self.quote)
                    state = .quoted
                } else {
                    state = .afterClosingQuote
                    try separator(byte, into: &records)
                }
            case .afterClosingQuote:
                try separator(byte, into: &records)
            case .fieldStart, .unquoted:
                if byte == Self.quote {
                    guard state == .fieldStart, field.isEmpty else {
                        throw CSVTable.ParseError(line: line, reason: "a quote inside an unquoted field")
                    }
                    state = .quoted
                    quoteLine = line
                    inRecord = true
                } else {
                    try separator(byte, into: &records)
                }
            }
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == comma || byte == lf || byte == cr || byte == quote
    }

    private mutating func count(_ bytes: Int) throws(CSVTable.ParseError) {
        recordBytes += bytes
        if recordBytes > maxRecordBytes {
            throw CSVTable.ParseError(line: line, reason: "a record is longer than the \(maxRecordBytes)-byte limit")
        }
    }

    /// A comma, or a line break that ends the record; after a closing quote nothing else may follow.
    private mutating func separator(_ byte: UInt8, into records: inout [[String]]) throws(CSVTable.ParseError) {
        switch byte {
        case UInt8(ascii: ","):
            endField()
            inRecord = true
        case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
            if inRecord {
                endField()
                records.append(record)
                record = []
                inRecord = false
            }
            state = .fieldStart
            afterCR = byte == UInt8(ascii: "\r")
            line += 1
            recordBytes = 0
        default:
            throw CSVTable.ParseError(line: line, reason: "unexpected text after a closing quote")
        }
    }

    private mutating func endField() {
        record.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
    }

    /// The last record, when the text does not end with a line break.
    mutating func finish(into records: inout [[String]]) throws(CSVTable.ParseError) {
        if state == .quoted {
            throw CSVTable.ParseError(line: quoteLine, reason: "a quoted field is never closed")
        }
        if inRecord {
            endField()
            records.append(record)
            record = []
            inRecord = false
        }
    }
}
