import ClientRuntime
import Foundation
import Testing

@Suite struct DateCodingTests {
    private struct Stamp: Codable { var at: Date }

    private func decode(_ text: String) throws -> Date {
        try JSONCoding.makeDecoder().decode(Stamp.self, from: Data(#"{"at":"\#(text)"}"#.utf8)).at
    }

    @Test(arguments: [
        ("2024-04-29T21:11:17Z", 1_714_425_077.0),
        ("2024-04-29t21:11:17z", 1_714_425_077.0),
        ("2024-04-29T21:11:17.5Z", 1_714_425_077.5),
        ("2024-04-29T21:11:17.123456Z", 1_714_425_077.123456),
        ("2024-04-29T21:11:17.123456789Z", 1_714_425_077.123456789),
        ("2024-04-29T23:11:17+02:00", 1_714_425_077.0),
        ("2024-04-29T16:41:17.25-04:30", 1_714_425_077.25),
        ("2024-04-29 21:11:17+00:00", 1_714_425_077.0),
        ("2024-04-29 21:11:17.000001+00:00", 1_714_425_077.000001),
        ("2024-04-29", 1_714_348_800.0),
        ("1969-12-31T23:59:59.5Z", -0.5),
    ])
    func acceptsRFC3339Variants(text: String, expected: Double) throws {
        let date = try decode(text)
        #expect(abs(date.timeIntervalSince1970 - expected) < 1e-7, "\(text) → \(date.timeIntervalSince1970)")
    }

    @Test(arguments: ["2024-04-29T21:11Z", "2024-02-30", "2024-04-29T21:11:17", "2024-04-29T25:00:00Z", "2024-04-29T21:11:17.Z", "yesterday", ""])
    func rejectsMalformedDates(text: String) {
        #expect(throws: DecodingError.self) { try decode(text) }
    }

    @Test func encodesRFC3339WithFractionOnlyWhenPresent() throws {
        let encoder = JSONCoding.makeEncoder()
        let whole = try encoder.encode(Stamp(at: Date(timeIntervalSince1970: 1_714_425_077)))
        #expect(String(decoding: whole, as: UTF8.self) == #"{"at":"2024-04-29T21:11:17Z"}"#)
        let fractional = try encoder.encode(Stamp(at: Date(timeIntervalSince1970: 1_714_425_077.123456)))
        #expect(String(decoding: fractional, as: UTF8.self) == #"{"at":"2024-04-29T21:11:17.123456Z"}"#)
        let early = try encoder.encode(Stamp(at: Date(timeIntervalSince1970: -0.5)))
        #expect(String(decoding: early, as: UTF8.self) == #"{"at":"1969-12-31T23:59:59.5Z"}"#)
    }

    @Test func roundTripsKeepMicroseconds() throws {
        let date = try decode("2031-12-31T23:59:59.999999Z")
        let again = try JSONCoding.makeDecoder().decode(Stamp.self, from: JSONCoding.makeEncoder().encode(Stamp(at: date))).at
        #expect(again == date)
    }
}

@Suite struct CalendarDateTests {
    @Test func parsesAndPrintsFullDates() throws {
        let date = try #require(CalendarDate("2024-02-29"))
        #expect(date.year == 2024 && date.month == 2 && date.day == 29)
        #expect(date.description == "2024-02-29")
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(CalendarDate("2024-2-9") == nil)
        #expect(CalendarDate("2024-04-29T00:00:00Z") == nil)
        #expect(CalendarDate(year: 2024, month: 13, day: 1) == nil)
    }

    @Test func comparesChronologically() throws {
        let dates = ["2024-04-29", "2023-12-31", "2024-01-01"].compactMap(CalendarDate.init)
        #expect(dates.sorted().map(\.description) == ["2023-12-31", "2024-01-01", "2024-04-29"])
    }

    @Test func codesAsAString() throws {
        struct Row: Codable, Equatable { var day: CalendarDate }
        let row = try JSONCoding.makeDecoder().decode(Row.self, from: Data(#"{"day":"2024-04-29"}"#.utf8))
        #expect(row.day == CalendarDate(year: 2024, month: 4, day: 29))
        #expect(String(decoding: try JSONEncoder().encode(row), as: UTF8.self) == #"{"day":"2024-04-29"}"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Row.self, from: Data(#"{"day":"29/04/2024"}"#.utf8)) }
    }

    @Test func convertsToAndFromDatesInATimeZone() throws {
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        let instant = Date(timeIntervalSince1970: 1_714_425_077) // 2024-04-29T21:11:17Z, already the 30th in Tokyo
        #expect(CalendarDate(instant, in: tokyo).description == "2024-04-30")
        #expect(CalendarDate(instant, in: TimeZone(identifier: "UTC")!).description == "2024-04-29")
        #expect(try #require(CalendarDate("2024-04-30")).date(in: tokyo).timeIntervalSince1970 == 1_714_402_800)
    }
}
