import Foundation

/// An OpenAPI `format: date` value (`2024-04-29`). A `Date` would drag in a time zone and turn
/// "April 29" into "April 28" for users west of UTC; a calendar date has none.
public struct CalendarDate: Hashable, Sendable, Comparable, Codable, LosslessStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil for dates that do not exist (`2023-02-29`).
    public init?(year: Int, month: Int, day: Int) {
        guard (0...9999).contains(year), RFC3339.isValid(year: year, month: month, day: day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Strictly `yyyy-mm-dd`, the RFC 3339 `full-date` production.
    public init?(_ description: String) {
        var text = description
        let parts: (Int, Int, Int)? = text.withUTF8 { buffer in
            var scanner = ByteScanner(bytes: Array(buffer)[...])
            guard let date = scanner.fullDate(), scanner.isAtEnd else { return nil }
            return date
        }
        guard let parts else { return nil }
        self.init(year: parts.0, month: parts.1, day: parts.2)
    }

    /// The calendar day `date` falls on in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = calendar.dateComponents([.year, .month, .day], from: date)
        year = components.year ?? 1970
        month = components.month ?? 1
        day = components.day ?? 1
    }

    /// Midnight at the start of this day in `timeZone`.
    public func date(in timeZone: TimeZone) -> Date {
        let midnightUTC = Double(RFC3339.daysSinceEpoch(year: year, month: month, day: day) * 86_400)
        return Date(timeIntervalSince1970: midnightUTC - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: midnightUTC))))
    }

    public var description: String { RFC3339.fullDate(year: year, month: month, day: day) }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a yyyy-mm-dd date")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
