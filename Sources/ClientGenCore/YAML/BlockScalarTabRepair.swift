/// libyaml rejects a block scalar whose first content line is indented with spaces and then holds a tab
/// ("found a tab character where an indentation space is expected"), which YAML allows: the spaces are the
/// indentation, and the tab is the line's first character of content. PyYAML reads such files; 35 of Adyen's
/// specs have one.
///
/// libyaml trips only while it is still working out the scalar's indentation, so the repair tells it: an
/// indentation indicator written after the `|` or `>` (`description: |-` becomes `description: |2-`). That adds
/// one character after the indicator, where no node starts, so every node keeps its line and column; the scalar's
/// value is what YAML reads.
struct BlockScalarTabRepair {
    /// Where the tab is, 0-based as libyaml counts (characters, not bytes).
    var tabLine: Int
    var tabColumn: Int
    /// Where the `|` or `>` is.
    var headerLine: Int
    var headerColumn: Int
    /// libyaml's indentation of the block the scalar is in (-1 at the top), which an indicator is relative to.
    var parentIndent: Int

    /// The note that tells the user the file was read so.
    func note(file: String) -> Diagnostic {
        Diagnostic(
            .note,
            "a tab follows the \(tabColumn) spaces that indent this block scalar's first line, which YAML allows and libyaml cannot read; the line is read as YAML reads it, the tab starting its text",
            file: file, location: SourceLocation(line: tabLine + 1, column: tabColumn + 1)
        )
    }

    /// The text with the indicator written in, or nil when the lines are not the case YAML allows: the tab's line
    /// must be spaces then the tab, and every line between the header and it blank, with no more spaces (YAML
    /// takes the first line with content as the indentation; more spaces before it are an error).
    func repaired(_ bytes: [UInt8]) -> [UInt8]? {
        let increment = tabColumn - max(parentIndent, 0)
        guard (1...9).contains(increment), tabLine > headerLine,
              let starts = Self.lineStarts(bytes, through: tabLine) else { return nil }
        let tabStart = starts[tabLine]
        guard tabStart + tabColumn < bytes.count,
              bytes[tabStart..<tabStart + tabColumn].allSatisfy({ $0 == UInt8(ascii: " ") }),
              bytes[tabStart + tabColumn] == UInt8(ascii: "\t") else { return nil }
        for line in headerLine + 1..<tabLine {
            let content = bytes[starts[line]..<starts[line + 1]].filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
            guard content.allSatisfy({ $0 == UInt8(ascii: " ") }), content.count <= tabColumn else { return nil }
        }
        guard let indicator = Self.offset(ofCharacter: headerColumn, from: starts[headerLine], in: bytes),
              indicator < bytes.count, bytes[indicator] == UInt8(ascii: "|") || bytes[indicator] == UInt8(ascii: ">") else { return nil }
        var repaired = bytes
        repaired.insert(UInt8(ascii: "0") + UInt8(increment), at: indicator + 1)
        return repaired
    }

    /// The byte offset each line starts at, for lines 0 through `last` and the one after it (or the end), with
    /// line breaks as libyaml counts them (`\n`, `\r\n`, a lone `\r`); nil for UTF-16, which this does not edit.
    private static func lineStarts(_ bytes: [UInt8], through last: Int) -> [Int]? {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return nil }
        var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
        var index = starts[0]
        while index < bytes.count, starts.count <= last + 1 {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\r"), index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { starts.append(index) }
        }
        guard starts.count > last else { return nil }
        if starts.count == last + 1 { starts.append(bytes.count) }
        return starts
    }

    /// The byte offset of the character `column` characters after `start`, counting UTF-8 sequences as one.
    private static func offset(ofCharacter column: Int, from start: Int, in bytes: [UInt8]) -> Int? {
        var index = start
        var remaining = column
        while remaining > 0 {
            guard index < bytes.count else { return nil }
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return index
    }
}
