/// Checks templates against the view model before anything renders: every key a tag names must be one the
/// view model offers where the tag stands, every partial must exist, and every section must close. A problem
/// is an error at the template's `file:line:column`, since Mustache itself would render it as empty text.
struct TemplateChecker {
    private let templates: [String: TemplateSource]
    private let diagnostics: DiagnosticCollector
    /// `Context.key` for every key a checked template used, for the contract test.
    private(set) var usedKeys: Set<String> = []
    /// Templates reached from a root, directly or as partials.
    private(set) var reached: Set<String> = []
    /// Whether any check reported an error.
    private(set) var failed = false
    private var checking: Set<String> = []
    private var checked: Set<String> = []

    init(templates: [String: TemplateSource], diagnostics: DiagnosticCollector) {
        self.templates = templates
        self.diagnostics = diagnostics
    }

    /// Checks `name` as rendered with a value of `context`, and the partials it includes.
    mutating func check(root name: String, context: TemplateContextDescriptor) {
        check(name, stack: [Frame(context: context)], from: nil)
    }

    /// What a tag stands in: a view-model value with keys, or a value without (text, a flag, a number).
    private struct Frame {
        var context: TemplateContextDescriptor?
        var isText = false
        var isListElement = false
        /// Keys by name, read once per frame.
        var keys: [String: TemplateKeyInfo] = [:]

        init(context: TemplateContextDescriptor? = nil, isText: Bool = false, isListElement: Bool = false) {
            self.context = context
            self.isText = isText
            self.isListElement = isListElement
            if let context {
                keys = Dictionary(context.keys.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            }
        }
    }

    /// What a name resolves to, after any transforms.
    private enum Kind {
        case text, flag, number, textList
        case context(TemplateContextDescriptor)
        case contextList(TemplateContextDescriptor)
    }

    private mutating func check(_ name: String, stack: [Frame], from tag: (TemplateSource, TemplateTag)?) {
        guard let source = templates[name] else {
            if let (file, tag) = tag {
                error("no template named '\(name)'", file, tag)
            } else {
                failed = true
                diagnostics.error("no template named '\(name)'", at: SourceRange(file: "\(name).mustache", location: nil, path: .root))
            }
            return
        }
        reached.insert(name)
        // The same template in the same kind of place checks the same way; a partial that includes itself stops here.
        let signature = name + "@" + stack.map { $0.context?.name ?? ($0.isText ? "text" : "value") }.joined(separator: "/")
        guard !checked.contains(signature), checking.insert(signature).inserted else { return }
        defer {
            checking.remove(signature)
            checked.insert(signature)
        }
        let tags: [TemplateTag]
        switch TemplateTag.scan(source.text) {
        case .success(let scanned): tags = scanned
        case .failure(let failure):
            failed = true
            diagnostics.error("a tag opened here is never closed", at: SourceRange(file: source.file, location: failure.location, path: .root))
            return
        }
        var stack = stack
        var open: [(name: String, tag: TemplateTag)] = []
        for tag in tags {
            switch tag.kind {
            case .ignored:
                continue
            case .variable:
                guard let kind = resolve(tag.content, in: stack, source, tag) else { continue }
                switch kind {
                case .context, .contextList, .textList:
                    error("'\(tag.content)' is \(describe(kind)); use it as a section ({{#\(tag.content)}}…{{/\(tag.content)}})", source, tag)
                case .text, .flag, .number:
                    break
                }
            case .section:
                let kind = resolve(tag.content, in: stack, source, tag)
                open.append((tag.content, tag))
                switch kind {
                case .context(let context)?: stack.append(Frame(context: context))
                case .contextList(let context)?: stack.append(Frame(context: context, isListElement: true))
                case .textList?: stack.append(Frame(isText: true, isListElement: true))
                case .text?: stack.append(Frame(isText: true))
                case .flag?, .number?, nil: stack.append(Frame())
                }
            case .invertedSection:
                _ = resolve(tag.content, in: stack, source, tag)
                open.append((tag.content, tag))
                stack.append(Frame())
            case .block:
                open.append((tag.content, tag))
                stack.append(Frame())
            case .inheritance:
                check(tag.content, stack: stack, from: (source, tag))
                open.append((tag.content, tag))
                stack.append(Frame())
            case .partial:
                check(tag.content, stack: stack, from: (source, tag))
            case .close:
                guard let last = open.popLast() else {
                    error("{{/\(tag.content)}} closes no section", source, tag)
                    continue
                }
                stack.removeLast()
                if last.name != tag.content {
                    error("{{/\(tag.content)}} does not close {{#\(last.name)}}, opened at \(last.tag.location)", source, tag)
                }
            }
        }
        for (name, tag) in open {
            error("section '\(name)' is never closed", source, tag)
        }
    }

    /// Resolves a tag's name as Mustache does: `.`, dotted names, and transforms such as `uppercased(name)` or
    /// `index()`, looking through the enclosing values from the innermost out.
    private mutating func resolve(_ text: String, in stack: [Frame], _ source: TemplateSource, _ tag: TemplateTag) -> Kind? {
        var transforms: [String] = []
        var name = Substring(text)
        while let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            transforms.append(String(name[..<open]))
            name = name[name.index(after: open)..<name.index(before: name.endIndex)]
        }
        var kind: Kind
        if name.isEmpty {
            // `index()`, `first()`: what Mustache knows of the list element being rendered.
            guard let transform = transforms.popLast(), stack.contains(where: \.isListElement),
                  ["first", "last", "index", "even", "odd"].contains(transform) else {
                error("'\(text)' is not a key; a list element offers first(), last(), index(), even() and odd()", source, tag)
                return nil
            }
            kind = transform == "index" ? .number : .flag
        } else if name == "." {
            guard stack.last?.isText == true else {
                error("'.' here is not text; name one of the keys of \(innermost(stack))", source, tag)
                return nil
            }
            kind = .text
        } else {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard let first = parts.first, let found = lookUp(first, in: stack) else {
                error("unknown key '\(name)'; \(innermost(stack)) offers \(keyList(stack))", source, tag)
                return nil
            }
            kind = found
            for part in parts.dropFirst() {
                guard case .context(let context) = kind, let info = context.keys.first(where: { $0.name == part }) else {
                    error("'\(name)': '\(part)' is not a key of what precedes it", source, tag)
                    return nil
                }
                usedKeys.insert(context.name + "." + part)
                kind = Self.kind(of: info.value)
            }
        }
        for transform in transforms.reversed() {
            guard let next = Self.apply(transform, to: kind) else {
                error("'\(text)': '\(transform)' is not a transform of \(describe(kind))", source, tag)
                return nil
            }
            kind = next
        }
        return kind
    }

    private mutating func lookUp(_ key: String, in stack: [Frame]) -> Kind? {
        for frame in stack.reversed() {
            guard let context = frame.context, let info = frame.keys[key] else { continue }
            usedKeys.insert(context.name + "." + key)
            return Self.kind(of: info.value)
        }
        return nil
    }

    private static func kind(of value: TemplateValue) -> Kind {
        switch value {
        case .text, .optionalText: .text
        case .flag: .flag
        case .texts: .textList
        case .context(let context): .context(context)
        case .contexts(let context): .contextList(context)
        }
    }

    /// swift-mustache's transforms, by what they apply to.
    private static func apply(_ transform: String, to kind: Kind) -> Kind? {
        switch (kind, transform) {
        case (.textList, "first"), (.textList, "last"): .text
        case (.contextList(let context), "first"), (.contextList(let context), "last"): .context(context)
        case (.textList, "reversed"), (.textList, "sorted"), (.contextList, "reversed"), (.contextList, "enumerated"): kind
        case (.textList, "count"), (.contextList, "count"): .number
        case (.textList, "empty"), (.contextList, "empty"), (.text, "empty"): .flag
        case (.text, "capitalized"), (.text, "lowercased"), (.text, "uppercased"), (.text, "reversed"): .text
        case (.number, "plusone"), (.number, "minusone"): .number
        case (.number, "equalzero"), (.number, "even"), (.number, "odd"): .flag
        default: nil
        }
    }

    private func describe(_ kind: Kind) -> String {
        switch kind {
        case .text: "text"
        case .flag: "a flag"
        case .number: "a number"
        case .textList: "a list of lines"
        case .context(let context): "a \(context.name)"
        case .contextList(let context): "a list of \(context.name)"
        }
    }

    private func innermost(_ stack: [Frame]) -> String {
        stack.last { $0.context != nil }?.context?.name ?? "the template"
    }

    private func keyList(_ stack: [Frame]) -> String {
        let names = stack.last { $0.context != nil }?.context?.keys.map(\.name) ?? []
        return names.isEmpty ? "no keys" : names.joined(separator: ", ")
    }

    private mutating func error(_ message: String, _ source: TemplateSource, _ tag: TemplateTag) {
        failed = true
        diagnostics.error(message, at: SourceRange(file: source.file, location: tag.location, path: .root))
    }
}
