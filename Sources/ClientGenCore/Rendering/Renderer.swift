import ClientGenTemplates
import Foundation
import Mustache

public struct GeneratedFile: Hashable, Sendable {
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// The render stage: fills the Mustache templates with a translated module. It makes no decisions of its
/// own; what the output says is settled by the translator.
public struct Renderer: Sendable {
    private let library: MustacheLibrary

    /// - Parameter overrides: template text by name, replacing the built-in template or partial of that name.
    public init(overrides: [String: String] = [:]) throws(DiagnosticError) {
        var library = MustacheLibrary()
        for (name, text) in TemplateCatalog.builtIn.merging(overrides, uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: name)
            } catch {
                throw DiagnosticError(Diagnostic(.error, "template '\(name)' does not parse: \(error)", file: "\(name).mustache", location: nil))
            }
        }
        self.library = library
    }

    /// Files render in parallel: each is independent, and large specs spend most of their time here.
    public func render(_ module: ModuleViewModel) -> [GeneratedFile] {
        let files = module.files
        let results = RenderResults(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            results.store(GeneratedFile(name: file.name, contents: library.render(file, withTemplate: file.template) ?? ""), at: index)
        }
        return results.files
    }
}

/// Collects files rendered on several threads, each into its own slot.
private final class RenderResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [GeneratedFile?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ file: GeneratedFile, at index: Int) {
        lock.withLock { slots[index] = file }
    }

    var files: [GeneratedFile] {
        lock.withLock { slots.compactMap { $0 } }
    }
}
