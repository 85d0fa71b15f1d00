@testable import ClientGenCore
import Testing

/// Descriptions become `///` lines; a line break the split missed would turn the rest of a description into code.
@Suite struct DocLinesTests {
    @Test func everyKindOfLineBreakEndsALine() {
        let text = "one\ntwo\r\nthree\rfour\u{2028}five\u{2029}six\u{85}seven\u{0B}eight\u{0C}nine"
        #expect(DocLines(text).lines == ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"].map { " " + $0 })
    }

    @Test func blankLinesStayAndTrailingSpaceGoes() {
        #expect(DocLines("  First.  \n\n\tSecond.\t\r\n\r\n").lines == [" First.", "", " \tSecond."])
    }

    @Test func textsAreSeparatedByAnEmptyLine() {
        #expect(DocLines("Title", nil, "   ", "Description\u{2028}more").lines == [" Title", "", " Description", " more"])
    }

    @Test func nonASCIITextIsKept() {
        #expect(DocLines("Zürich 🇨🇭\ncafé\u{301}").lines == [" Zürich 🇨🇭", " café\u{301}"])
    }
}
