/// A position in a source file, 1-based, as editors and compilers print it.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// Where a model element was written, so the translator's warnings can point at it too.
public struct SourceRange: Hashable, Sendable {
    public var file: String
    public var location: SourceLocation?
    public var path: JSONPath

    public init(file: String, location: SourceLocation?, path: JSONPath) {
        self.file = file
        self.location = location
        self.path = path
    }
}
