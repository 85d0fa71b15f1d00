enum LinePacking {
    /// Joins items with ", " into lines of at most `width` characters; an item longer than that has a line
    /// of its own. Every line but the last ends where an item ends, so each stays a valid list of cases.
    static func pack(_ items: [String], width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for item in items {
            if current.isEmpty {
                current = item
            } else if current.count + 2 + item.count <= width {
                current += ", " + item
            } else {
                lines.append(current)
                current = item
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
