@testable import ClientRuntime
import Testing

@Suite struct CSVTableTests {
    @Test func parsesQuotedFieldsAndLineEndings() throws {
        let text = "id,name,note\r\n1,\"Smith, J\",\"said \"\"hi\"\"\"\r\n2,plain,\"two\nlines\"\n3,,\r\n"
        let table = try CSVTable(parsing: text)
        #expect(table.header == ["id", "name", "note"])
        #expect(table.rows == [["1", "Smith, J", "said \"hi\""], ["2", "plain", "two\nlines"], ["3", "", ""]])
        #expect(table.raw == text)
        #expect(table[row: 0, column: "name"] == "Smith, J")
        #expect(table[row: 1, column: "note"] == "two\nlines")
        #expect(table[row: 0, column: "missing"] == nil)
        #expect(table[row: 9, column: "id"] == nil)
        #expect(table.column("id") == ["1", "2", "3"])
    }

    @Test func edgeCases() throws {
        #expect(try CSVTable(parsing: "").header == [])
        #expect(try CSVTable(parsing: "a,b").rows == [])
        #expect(try CSVTable(parsing: "a,b\n1,2").rows == [["1", "2"]])
        #expect(try CSVTable(parsing: "a\r1\r2\r").rows == [["1"], ["2"]])
        #expect(try CSVTable(parsing: "\u{FEFF}a,b\n\"\",x\n").rows == [["", "x"]])
        #expect(try CSVTable(parsing: "a,b\n1\n").column("b") == [""])
        #expect(try CSVTable(parsing: "a,b\n\n1,2\n\n").rows == [["1", "2"]])
        #expect(try CSVTable(parsing: "a\n\"é ☕\"\n").rows == [["é ☕"]])
    }

    @Test(arguments: ["a\n\"open", "a\nx\"y", "a\n\"q\"x"])
    func rejectsMalformedQuoting(text: String) {
        #expect(throws: CSVTable.ParseError.self) { try CSVTable(parsing: text) }
    }

    /// The incremental parser gives the same records however the text is cut, including inside the BOM, between
    /// CR and LF, inside a run of plain bytes and between the quotes of `""`.
    @Test func recordsDoNotDependOnChunkBoundaries() throws {
        let bytes = Array("\u{FEFF}id,name,note\r\n1,Ada Lovelace,\"says \"\"hi\"\", twice\"\r\n2,Bob,\"two\nlines\"\n\n3,Cy,\r4,é ☕,x".utf8)
        let whole = try Self.records(bytes, cutAt: [])
        #expect(whole.count == 5)
        #expect(whole[2] == ["2", "Bob", "two\nlines"])
        #expect(whole[4] == ["4", "é ☕", "x"])
        for cut in 1..<bytes.count {
            #expect(try Self.records(bytes, cutAt: [cut]) == whole, "cut at \(cut)")
        }
        #expect(try Self.records(bytes, cutAt: Array(1..<bytes.count)) == whole)
    }

    @Test func boundsARecord() {
        var parser = CSVRecordParser(maxRecordBytes: 10)
        var records: [[String]] = []
        #expect(throws: CSVTable.ParseError.self) { try parser.feed(Array("a,b\n0123456789x\n".utf8), into: &records) }
        #expect(records == [["a", "b"]])
    }

    static func records(_ bytes: [UInt8], cutAt cuts: [Int]) throws -> [[String]] {
        var parser = CSVRecordParser()
        var records: [[String]] = []
        var start = 0
        for cut in cuts + [bytes.count] {
            try parser.feed(Array(bytes[start..<cut]), into: &records)
            start = cut
        }
        try parser.finish(into: &records)
        return records
    }
}
