/// Serves files from a dictionary keyed by normalized path, for tests and fuzzing.
public struct InMemorySourceProvider: SourceProvider {
    public var files: [String: [UInt8]]

    public init(files: [String: [UInt8]] = [:]) {
        self.files = files
    }

    public init(texts: [String: String]) {
        self.files = texts.mapValues { Array($0.utf8) }
    }

    public func load(_ path: String, relativeTo file: String) throws -> SourceFile {
        let name = SourcePath.resolve(path, relativeTo: file)
        guard let bytes = files[name] else {
            throw SourceProviderError.notFound(name)
        }
        return SourceFile(name: name, bytes: bytes)
    }
}
