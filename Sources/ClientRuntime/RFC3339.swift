import Foundation

/// RFC 3339 timestamps, parsed and printed by hand. `ISO8601DateFormatter` truncates fractions to
/// milliseconds and rejects the space-separated form many APIs emit, and a formatter per value is slow.
enum RFC3339 {
    /// Seconds between 1970-01-01 and 2001-01-01, Foundation's reference date.
    private static let referenceOffset: Int64 = 978_307_200

    /// Accepts `2024-04-29T21:11:17Z`, any number of fraction digits, `±hh:mm` or `Z`, lower-case
    /// `t`/`z`, a space instead of `T`, and a bare `2024-04-29` (midnight UTC).
    static func date(from text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(Array($0)[...]) }
    }

    private static func parse(_ bytes: ArraySlice<UInt8>) -> Date? {
        var scanner = ByteScanner(bytes: bytes)
        guard let (year, month, day) = scanner.fullDate() else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        if scanner.isAtEnd {
            return Date(timeIntervalSince1970: Double(days * 86_400))
        }
        guard let separator = scanner.next(), separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " "),
              let hour = scanner.number(digits: 2), hour < 24, scanner.skip(":"),
              let minute = scanner.number(digits: 2), minute < 60, scanner.skip(":"),
              let second = scanner.number(digits: 2), second <= 60
        else { return nil }
        var fraction = 0.0
        if scanner.skip(".") {
            guard let value = scanner.fraction() else { return nil }
            fraction = value
        }
        guard let offset = scanner.offset(), scanner.isAtEnd else { return nil }
        let whole = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        // One rounding, on the 1970 scale: `timeIntervalSince1970` then reads back the nearest Double
        // to the text, and converting to the reference-date scale is exact.
        return Date(timeIntervalSince1970: Double(whole) + fraction)
    }

    /// `2024-04-29T21:11:17Z`, with up to six fraction digits when the date has a fraction: what
    /// Double can hold for present-day dates, and what servers parse.
    static func string(from date: Date) -> String {
        let interval = date.timeIntervalSinceReferenceDate
        var whole = interval.rounded(.down)
        var micros = Int64(((interval - whole) * 1_000_000).rounded())
        if micros == 1_000_000 {
            whole += 1
            micros = 0
        }
        let seconds = Int64(whole) + referenceOffset
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        var text = fullDate(year: year, month: month, day: day)
        text += "T" + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if micros > 0 {
            var digits = pad(Int(micros), 6)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + "Z"
    }

    static func fullDate(year: Int, month: Int, day: Int) -> String {
        (year < 0 ? "-" : "") + pad(abs(year), 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `daysSinceEpoch` (Hinnant's `civil_from_days`).
    static func civilDate(daysSinceEpoch days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}

/// A cursor over ASCII bytes for the date grammars above.
struct ByteScanner {
    let bytes: ArraySlice<UInt8>
    var index: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    var isAtEnd: Bool { index == bytes.endIndex }

    mutating func next() -> UInt8? {
        guard index < bytes.endIndex else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard bytes.endIndex - index >= digits else { return nil }
        var value = 0
        for _ in 0..<digits {
            let digit = Int(bytes[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
            index += 1
        }
        return value
    }

    /// `yyyy-mm-dd`, validated against the calendar.
    mutating func fullDate() -> (Int, Int, Int)? {
        guard let year = number(digits: 4), skip("-"), let month = number(digits: 2), skip("-"), let day = number(digits: 2),
              RFC3339.isValid(year: year, month: month, day: day)
        else { return nil }
        return (year, month, day)
    }

    /// The digits after the decimal point as a fraction of a second. Digits past the 18th cannot
    /// change a Double and are skipped rather than overflowing.
    mutating func fraction() -> Double? {
        var numerator: Int64 = 0
        var denominator: Double = 1
        var count = 0
        while index < bytes.endIndex, (48...57).contains(bytes[index]) {
            if count < 18 {
                numerator = numerator * 10 + Int64(bytes[index] - 48)
                denominator *= 10
            }
            count += 1
            index += 1
        }
        return count == 0 ? nil : Double(numerator) / denominator
    }

    /// `Z`, `z` or `±hh:mm`, in seconds east of UTC.
    mutating func offset() -> Int? {
        guard let sign = next() else { return nil }
        switch sign {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            return 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard let hours = number(digits: 2), hours < 24, skip(":"), let minutes = number(digits: 2), minutes < 60 else { return nil }
            let seconds = hours * 3600 + minutes * 60
            return sign == UInt8(ascii: "-") ? -seconds : seconds
        default:
            return nil
        }
    }
}
