import Foundation

/// The one channel every stage reports through, after swift-openapi-generator's collector: the parser, the
/// configure stage, the translator and the renderer all emit here, so one run reports every problem and the
/// caller decides what an error stops. Identical findings (a shared component reached twice) are kept once.
public final class DiagnosticCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []
    /// Whether defects local to one part of a spec stop generation (`--strict`, `strict: true` in a config).
    public let strict: Bool

    public init(strict: Bool = false) {
        self.strict = strict
    }

    public func emit(_ diagnostic: Diagnostic) {
        lock.withLock {
            if seen.insert(diagnostic).inserted { collected.append(diagnostic) }
        }
    }

    public func error(_ message: String, at source: SourceRange) {
        emit(Diagnostic(.error, message, file: source.file, location: source.location, path: source.path))
    }

    public func warning(_ message: String, at source: SourceRange) {
        emit(Diagnostic(.warning, message, file: source.file, location: source.location, path: source.path))
    }

    /// A defect local to one operation, parameter, response, property or mapping, which generation works around:
    /// the message says what was dropped or assumed. A warning, so that one bad corner of a large spec costs only
    /// that corner, unless the team asked for strictness.
    public func defect(_ message: String, at source: SourceRange) {
        emit(Diagnostic(defectSeverity, message, file: source.file, location: source.location, path: source.path))
    }

    public var defectSeverity: Diagnostic.Severity { strict ? .error : .warning }

    public var hasErrors: Bool { errorCount > 0 }

    /// Errors so far, so a stage can tell whether it added any.
    public var errorCount: Int {
        lock.withLock { collected.count { $0.severity == .error } }
    }

    /// In file and source order, so output is the same whatever order the stages found them in.
    public var diagnostics: [Diagnostic] {
        let all = lock.withLock { collected }
        return all.enumerated().sorted { lhs, rhs in
            let (l, r) = (lhs.element, rhs.element)
            if l.file != r.file { return l.file < r.file }
            let ll = l.location ?? SourceLocation(line: 0, column: 0)
            let rl = r.location ?? SourceLocation(line: 0, column: 0)
            if ll != rl { return ll < rl }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
