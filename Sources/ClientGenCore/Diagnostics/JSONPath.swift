import Foundation

/// A JSON pointer into the document (`#/paths/~1runs~1{id}/get`), named in every diagnostic the way OpenAPIKit
/// names the failing path, so a message can be found in a spec whatever its layout.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    public private(set) var components: [String]

    public init(_ components: [String] = []) {
        self.components = components
    }

    public static let root = JSONPath()

    public func appending(_ component: String) -> JSONPath {
        var copy = self
        copy.components.append(component)
        return copy
    }

    public func appending(_ index: Int) -> JSONPath {
        appending(String(index))
    }

    public static func / (lhs: JSONPath, rhs: String) -> JSONPath { lhs.appending(rhs) }
    public static func / (lhs: JSONPath, rhs: Int) -> JSONPath { lhs.appending(rhs) }

    /// The RFC 6901 form behind a `#`: `~` becomes `~0` and `/` becomes `~1`.
    public var description: String {
        var text = "#"
        for component in components {
            text += "/"
            text += JSONPath.escape(component)
        }
        return text
    }

    public static func escape(_ component: String) -> String {
        guard component.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return component }
        return component.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

