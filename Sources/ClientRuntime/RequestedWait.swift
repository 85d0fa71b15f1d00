import Foundation

/// How long a server asked the client to wait before trying again: `Retry-After` (seconds or an HTTP-date), or
/// when the answer is a rate limit, the time until the limit resets (`RateLimit-Reset`, `X-RateLimit-Reset`).
enum RequestedWait {
    /// Nil when the answer names no wait; a time already past asks for none.
    static func from(_ headers: HeaderFields, status: Int, now: Date = Date()) -> Duration? {
        if let value = headers["Retry-After"], let wait = retryAfter(value, now: now) { return wait }
        // Many APIs send reset times on every answer; they mean "wait" only once the limit is reached.
        for (reset, remaining) in [("RateLimit-Reset", "RateLimit-Remaining"), ("X-RateLimit-Reset", "X-RateLimit-Remaining")] {
            guard status == 429 || headers[remaining]?.trimmingCharacters(in: .whitespaces) == "0",
                  let value = headers[reset], let wait = resetTime(value, now: now) else { continue }
            return wait
        }
        return nil
    }

    /// `Retry-After: 120` or `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT` (RFC 9110 §10.2.3).
    static func retryAfter(_ value: String, now: Date) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(text), seconds.isFinite, seconds >= 0 { return .milliseconds(Int64((seconds * 1000).rounded())) }
        guard let date = httpDate(text) else { return nil }
        return until(date, from: now)
    }

    /// Seconds until the reset (the IETF draft's `RateLimit-Reset`, and most `X-RateLimit-Reset`s), or the reset as
    /// Unix seconds (GitHub's): a number too large to be a wait in seconds is taken as a moment.
    static func resetTime(_ value: String, now: Date) -> Duration? {
        guard let number = Double(value.trimmingCharacters(in: .whitespaces)), number.isFinite, number >= 0 else { return nil }
        if number >= 1_000_000_000 { return until(Date(timeIntervalSince1970: number), from: now) }
        return .milliseconds(Int64((number * 1000).rounded()))
    }

    private static func until(_ date: Date, from now: Date) -> Duration {
        let seconds = max(0, date.timeIntervalSince(now))
        return .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }

    /// The IMF-fixdate HTTP servers send, and the two obsolete forms RFC 9110 says recipients must accept.
    static func httpDate(_ text: String) -> Date? {
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
