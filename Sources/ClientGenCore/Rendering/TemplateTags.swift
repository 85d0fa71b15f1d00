/// The tags of a Mustache template with their positions: just enough of Mustache's syntax (tag kinds, set
/// delimiters, triple mustaches) to check what each tag refers to.
struct TemplateTag {
    enum Kind {
        case variable
        case section
        case invertedSection
        case close
        case partial
        case inheritance
        case block
        case ignored
    }

    var kind: Kind
    /// The tag's content without its sigil, trimmed.
    var content: String
    var location: SourceLocation

    /// Every tag of `text`, or the position of the first one that never closes.
    static func scan(_ text: String) -> Result<[TemplateTag], TemplateScanError> {
        var tags: [TemplateTag] = []
        var open = "{{"
        var close = "}}"
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var line = 1
        var lineStart = 0
        func matches(_ delimiter: String, at position: Int) -> Bool {
            let pattern = Array(delimiter.unicodeScalars)
            guard position + pattern.count <= scalars.count else { return false }
            return scalars[position..<position + pattern.count].elementsEqual(pattern)
        }
        while index < scalars.count {
            if scalars[index] == "\n" {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard matches(open, at: index) else {
                index += 1
                continue
            }
            let location = SourceLocation(line: line, column: index - lineStart + 1)
            var start = index + open.unicodeScalars.count
            // `{{{name}}}` ends with `}` before the closing delimiter.
            let triple = open == "{{" && start < scalars.count && scalars[start] == "{"
            let closing = triple ? "}" + close : close
            if triple { start += 1 }
            var end = start
            while end < scalars.count, !matches(closing, at: end) {
                if scalars[end] == "\n" {
                    line += 1
                    lineStart = end + 1
                }
                end += 1
            }
            guard end < scalars.count else { return .failure(TemplateScanError(location: location)) }
            var content = String(String.UnicodeScalarView(scalars[start..<end])).trimmingWhitespace
            index = end + closing.unicodeScalars.count
            if triple {
                tags.append(TemplateTag(kind: .variable, content: content, location: location))
                continue
            }
            let sigil = content.first
            let kind: Kind
            switch sigil {
            case "#": kind = .section
            case "^": kind = .invertedSection
            case "/": kind = .close
            case ">": kind = .partial
            case "<": kind = .inheritance
            case "$": kind = .block
            case "&": kind = .variable
            case "!", "%": kind = .ignored
            case "=":
                // `{{=<% %>=}}`
                let inner = content.dropFirst().dropLast().split(whereSeparator: \.isWhitespace)
                guard content.hasSuffix("="), inner.count == 2 else { return .failure(TemplateScanError(location: location)) }
                open = String(inner[0])
                close = String(inner[1])
                continue
            default: kind = .variable
            }
            if sigil != nil, "#^/><$&!%".contains(sigil!) {
                content = String(content.dropFirst()).trimmingWhitespace
            }
            tags.append(TemplateTag(kind: kind, content: content, location: location))
        }
        return .success(tags)
    }
}

struct TemplateScanError: Error {
    var location: SourceLocation
}
