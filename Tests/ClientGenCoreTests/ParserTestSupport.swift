@testable import ClientGenCore
import Foundation

/// Paths and helpers shared by the parser tests. Fixtures are read through `#filePath` because the test target
/// excludes the `Fixtures` folder from its sources.
enum ParserFixtures {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    /// `../shared/corpus` beside the package root.
    static let corpus = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static var corpusExists: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: corpus.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every regular file under `folder`, as paths relative to `base`, sorted.
    static func files(under folder: URL, relativeTo base: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let prefix = base.standardizedFileURL.path + "/"
        var result: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            result.append(path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
        }
        return result.sorted()
    }

    /// An in-memory provider holding every file under `folder`, named relative to `base`.
    static func provider(for folder: URL, relativeTo base: URL) throws -> InMemorySourceProvider {
        var files: [String: [UInt8]] = [:]
        for name in Self.files(under: folder, relativeTo: base) {
            files[name] = Array(try Data(contentsOf: base.appendingPathComponent(name)))
        }
        return InMemorySourceProvider(files: files)
    }

    static func parseSeed(_ name: String) throws -> ParseResult {
        let provider = try provider(for: fixtures.appendingPathComponent("Seeds"), relativeTo: fixtures)
        return DocumentParser(sourceProvider: provider).parse(path: "Seeds/\(name)")
    }

    /// Parses specs given as text; the first is the root. `strict` as `--strict` sets it.
    static func parse(_ files: [String: String], root: String = "api.yaml", strict: Bool = false) -> ParseResult {
        DocumentParser(sourceProvider: InMemorySourceProvider(texts: files)).parse(path: root, strict: strict)
    }

    static func parse(_ text: String, strict: Bool = false) -> ParseResult {
        parse(["api.yaml": text], strict: strict)
    }

    /// Every `Schema.reference` and discriminator mapping reference in the document's operations and schemas.
    static func allReferences(in document: Document) -> [Reference] {
        var result: [Reference] = []
        func visit(_ schema: Schema?) {
            guard let schema else { return }
            if let reference = schema.reference { result.append(reference) }
            result.append(contentsOf: schema.discriminator?.mapping.map(\.reference) ?? [])
            schema.properties.forEach { visit($0.schema) }
            if case .schema(let values) = schema.additionalProperties { visit(values) }
            visit(schema.items)
            visit(schema.not)
            (schema.allOf + schema.anyOf + schema.oneOf).forEach(visit)
        }
        for operation in document.operations {
            operation.parameters.forEach { visit($0.schema) }
            operation.requestBody?.content.forEach { visit($0.schema) }
            for response in operation.responses {
                response.content.forEach { visit($0.schema) }
                response.headers.forEach { visit($0.schema) }
            }
        }
        document.schemas.forEach { visit($0.schema) }
        return result
    }
}

/// Reads from the disk below a base folder, naming files relative to it, as the CLI's provider does from the
/// working directory.
struct FolderSourceProvider: SourceProvider {
    let base: URL

    func load(_ path: String, relativeTo file: String) throws -> SourceFile {
        let name = SourcePath.resolve(path, relativeTo: file)
        guard let data = FileManager.default.contents(atPath: base.appendingPathComponent(name).path) else {
            throw SourceProviderError.notFound(name)
        }
        return SourceFile(name: name, bytes: Array(data))
    }
}

/// Runs CPU-heavy or blocking work (parsing a 4 MB spec, waiting for a child process) on a thread of its own.
/// Swift Testing runs tests on the cooperative pool, one thread per core; on a two-core machine such work would
/// otherwise hold the whole pool and stall the timer- and HTTP-driven tests running beside it. Expectations stay
/// in the test itself: only the work moves.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
