/// One spec file's bytes, named the way diagnostics will print it (`Specs/common.yaml`).
public struct SourceFile: Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// Where the parser reads the files a spec refers to. The core never touches the disk: the CLI supplies a
/// disk-backed provider, tests an in-memory one.
public protocol SourceProvider: Sendable {
    /// Reads `path` as written in a `$ref`, resolved against the file that holds the reference (the root spec's
    /// name for refs in the root). The returned name must be the same for every spelling of the same file, so
    /// the parser loads each file once.
    func load(_ path: String, relativeTo file: String) throws -> SourceFile
}

/// Why a provider could not supply a file; printed at the `$ref` that asked for it.
public struct SourceProviderError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public static func notFound(_ path: String) -> SourceProviderError {
        SourceProviderError(path: path, reason: "no such file")
    }

    public var description: String { "\(path): \(reason)" }
}
