import ClientGenTemplates
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

    public func render(_ module: ModuleViewModel) -> [GeneratedFile] {
        module.files.map { file in
            GeneratedFile(name: file.name, contents: library.render(file, withTemplate: file.template) ?? "")
        }
    }
}
