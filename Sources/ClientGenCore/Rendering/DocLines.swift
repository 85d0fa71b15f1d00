/// A doc comment's lines, from spec text that may hold any kind of line break.
public struct DocLines: Sendable {
    /// Each line as it follows `///`: empty, or starting with a space.
    public var lines: [String]

    init(_ texts: String?...) {
        var lines: [String] = []
        for text in texts.compactMap({ $0 }) {
            let trimmed = text.trimmingWhitespace
            guard !trimmed.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            for line in Self.split(trimmed) {
                let content = String(line).trimmingTrailingWhitespace
                lines.append(content.isEmpty ? "" : " " + content)
            }
        }
        self.lines = lines
    }

    /// Any line break ends a `///` line, CR and U+2028 included, or the rest of the text becomes code. Splits
    /// on scalars rather than `Character`s: Stripe's descriptions made grapheme splitting 6% of generation.
    static func split(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            switch scalar.value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                result.append(Substring(scalars[start..<index]))
                var next = scalars.index(after: index)
                if scalar.value == 0x0D, next < scalars.endIndex, scalars[next].value == 0x0A {
                    next = scalars.index(after: next)
                }
                start = next
                index = next
            default:
                index = scalars.index(after: index)
            }
        }
        result.append(Substring(scalars[start...]))
        return result
    }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }

    var trimmingTrailingWhitespace: String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
