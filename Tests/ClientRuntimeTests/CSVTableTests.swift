import ClientRuntime
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
}
