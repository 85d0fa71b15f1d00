/// Collects what the stages find so one run reports every problem, not just the first.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }

    public var errors: [Diagnostic] {
        diagnostics.filter { $0.severity == .error }
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    public mutating func error(_ message: String, file: String, at location: SourceLocation?, path: JSONPath? = nil) {
        diagnostics.append(Diagnostic(.error, message, file: file, location: location, path: path))
    }

    public mutating func warning(_ message: String, file: String, at location: SourceLocation?, path: JSONPath? = nil) {
        diagnostics.append(Diagnostic(.warning, message, file: file, location: location, path: path))
    }

    /// Diagnostics in file and source order, so output is the same whatever order the stages found them in.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let (l, r) = (lhs.element, rhs.element)
            if l.file != r.file { return l.file < r.file }
            let ll = l.location ?? SourceLocation(line: 0, column: 0)
            let rl = r.location ?? SourceLocation(line: 0, column: 0)
            if ll != rl { return ll < rl }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
