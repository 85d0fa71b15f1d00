/// The template keys as a Markdown reference (`Templates/KEYS.md`), made from the same tables templates are
/// checked against, so it cannot fall behind them.
public enum TemplateReference {
    public static func markdown() -> String {
        var lines = [
            "# Template keys",
            "",
            "Generated from `Sources/ClientGenCore/Rendering/ViewModel+Keys.swift`; a test keeps it current",
            "(`CLIENTGEN_RECORD=1 swift test --filter TemplateContractTests` rewrites it).",
            "",
            "`client`, `operations` and `types` each render one file from a `FileViewModel`; the other templates are",
            "partials they include. A key is looked up in the value a section entered and then outwards, as Mustache does.",
            "A template that names a key not listed here, includes a template that does not exist, or leaves a section",
            "open is an error at its line, and so is a template file that no template uses.",
        ]
        for context in contexts() {
            lines += ["", "## \(context.name)", "", "| key | holds | |", "|---|---|---|"]
            for key in context.keys {
                let note = key.forCustomTemplates ? "for custom templates; no built-in template uses it" : ""
                lines.append("| `\(key.name)` | \(describe(key.value)) | \(key.summary) \(note) |".replacingOccurrences(of: "  |", with: " |"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every view-model type a template can reach, from the file down, each once.
    static func contexts() -> [TemplateContextDescriptor] {
        var seen: Set<String> = []
        var result: [TemplateContextDescriptor] = []
        var pending = [FileViewModel.templateDescriptor]
        while !pending.isEmpty {
            let context = pending.removeFirst()
            guard seen.insert(context.name).inserted else { continue }
            result.append(context)
            for key in context.keys {
                switch key.value {
                case .context(let child), .contexts(let child): pending.append(child)
                case .text, .optionalText, .flag, .texts: break
                }
            }
        }
        return result
    }

    private static func describe(_ value: TemplateValue) -> String {
        switch value {
        case .text: "text"
        case .optionalText: "text, or nothing"
        case .flag: "flag"
        case .texts: "lines"
        case .context(let context): "a \(context.name), or nothing"
        case .contexts(let context): "\(context.name)s"
        }
    }
}
