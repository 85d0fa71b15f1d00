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

/// The render stage: fills the Mustache templates with a module's view model. It makes no decisions of its own;
/// what the output says is settled by the translator and spelled by `ViewModelBuilder`.
public struct Renderer: Sendable {
    /// The templates that lay out whole files; every other template is a partial one of them includes.
    static let fileTemplates = ["client", "operations", "types"]

    private let library: MustacheLibrary

    /// The built-in templates, with `overrides` replacing those of the same name; nil after reporting every
    /// template that does not parse, uses a key the view model lacks, includes a template that does not exist, or
    /// is never used (a misspelt file name would otherwise be ignored silently).
    public static func make(overrides: [TemplateSource] = [], diagnostics: DiagnosticCollector) -> Renderer? {
        var templates: [String: TemplateSource] = [:]
        for (name, text) in TemplateCatalog.builtIn {
            templates[name] = TemplateSource(name: name, file: "\(name).mustache", text: text)
        }
        for template in overrides {
            templates[template.name] = template
        }
        // The contract check comes first: it says what is wrong in the view model's terms, where a Mustache parse
        // error would only name the token it stopped at.
        var checker = TemplateChecker(templates: templates, diagnostics: diagnostics)
        for name in fileTemplates {
            checker.check(root: name, context: FileViewModel.templateDescriptor)
        }
        var failed = checker.failed
        for template in overrides where !checker.reached.contains(template.name) {
            failed = true
            let names = templates.keys.filter { checker.reached.contains($0) }.sorted().joined(separator: ", ")
            diagnostics.error("template '\(template.name)' is never used; templates are named \(names)", at: SourceRange(file: template.file, location: nil, path: .root))
        }
        guard !failed else { return nil }
        var library = MustacheLibrary()
        for template in templates.values.sorted(by: { $0.name < $1.name }) {
            do {
                try library.register(template.text, named: template.name)
            } catch let error as MustacheTemplate.ParserError {
                failed = true
                let location = SourceLocation(line: error.context.lineNumber, column: error.context.columnNumber + 1)
                diagnostics.error("the template does not parse: \(error.error)", at: SourceRange(file: template.file, location: location, path: .root))
            } catch {
                failed = true
                diagnostics.error("the template does not parse: \(error)", at: SourceRange(file: template.file, location: nil, path: .root))
            }
        }
        guard !failed else { return nil }
        return Renderer(library: library)
    }

    /// Files render in parallel: each is independent, and large specs spend much of their time here.
    public func render(_ module: ModuleViewModel, diagnostics: DiagnosticCollector) -> [GeneratedFile]? {
        let files = module.files
        let results = Locked([GeneratedFile?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            guard let contents = library.render(file, withTemplate: file.template) else {
                diagnostics.error("no template named '\(file.template)'", at: SourceRange(file: "\(file.template).mustache", location: nil, path: .root))
                return
            }
            results.withLock { $0[index] = GeneratedFile(name: file.name, contents: contents) }
        }
        let rendered = results.withLock { $0.compactMap { $0 } }
        return rendered.count == files.count ? rendered : nil
    }
}
