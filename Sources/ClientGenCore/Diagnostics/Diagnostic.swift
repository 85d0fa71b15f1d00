/// One finding about a spec, printed the way compilers print theirs so SwiftPM and Xcode make it clickable:
/// `Specs/dune.yaml:12:7: error: message [#/paths/~1runs~1{id}/get]`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error
        case warning
        case note

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
    }

    public var severity: Severity
    public var message: String
    /// The file as the user named it, so the printed location resolves from where they ran the command.
    public var file: String
    public var location: SourceLocation?
    public var path: JSONPath?

    public init(_ severity: Severity, _ message: String, file: String, location: SourceLocation?, path: JSONPath? = nil) {
        self.severity = severity
        self.message = message
        self.file = file
        self.location = location
        self.path = path
    }

    public var description: String {
        var text = file
        if let location {
            text += ":\(location.line):\(location.column)"
        }
        text += ": \(severity.rawValue): \(message)"
        if let path, !path.components.isEmpty {
            text += " [\(path)]"
        }
        return text
    }
}
