/// Where the parser is: the file and the JSON path of the node in hand, so every diagnostic can name both.
struct Cursor {
    var file: String
    var path: JSONPath

    static func / (lhs: Cursor, rhs: String) -> Cursor {
        Cursor(file: lhs.file, path: lhs.path.appending(rhs))
    }

    static func / (lhs: Cursor, rhs: Int) -> Cursor {
        Cursor(file: lhs.file, path: lhs.path.appending(rhs))
    }

    var target: Reference.Target { Reference.Target(file: file, pointer: path.components) }

    func range(_ location: SourceLocation?) -> SourceRange {
        SourceRange(file: file, location: location, path: path)
    }
}
