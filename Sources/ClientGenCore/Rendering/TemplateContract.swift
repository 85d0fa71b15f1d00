import Mustache

/// What a view-model key gives a template, so templates can be checked against the view model before anything
/// renders: a misspelt key is an error at its line instead of empty output.
public enum TemplateValue: Sendable {
    /// `{{key}}`; always present.
    case text
    /// `{{key}}`, or `{{#key}}…{{.}}…{{/key}}` when present.
    case optionalText
    /// `{{#key}}…{{/key}}` and `{{^key}}…{{/key}}`.
    case flag
    /// A list of lines: `{{#key}}…{{.}}…{{/key}}` once per line.
    case texts
    /// `{{#key}}…{{/key}}` enters the value when present.
    case context(TemplateContextDescriptor)
    /// `{{#key}}…{{/key}}` enters each value in turn.
    case contexts(TemplateContextDescriptor)
}

/// A view-model type as templates see it: its name and keys.
public struct TemplateContextDescriptor: Sendable {
    public let name: String
    private let readKeys: @Sendable () -> [TemplateKeyInfo]

    init(name: String, keys: @escaping @Sendable () -> [TemplateKeyInfo]) {
        self.name = name
        readKeys = keys
    }

    /// In the order the view model lists them. Read lazily, since view models refer to one another.
    public var keys: [TemplateKeyInfo] { readKeys() }
}

public struct TemplateKeyInfo: Sendable {
    public let name: String
    public let value: TemplateValue
    public let summary: String
    /// Offered for custom templates only: no built-in template uses the key, on purpose.
    public let forCustomTemplates: Bool
}

/// A view-model type that templates render: its keys, each with a reader, are its whole contract with them.
public protocol TemplateContext: MustacheParent, SendableMetatype {
    static var templateKeys: TemplateKeys<Self> { get }
}

extension TemplateContext {
    public func child(named name: String) -> Any? {
        Self.templateKeys.read(name, from: self)
    }

    public static var templateDescriptor: TemplateContextDescriptor {
        TemplateContextDescriptor(name: String(describing: Self.self)) { templateKeys.infos }
    }
}

/// The keys of one view-model type, looked up by name on every read.
public struct TemplateKeys<Context>: Sendable {
    public let infos: [TemplateKeyInfo]
    private let readers: [String: @Sendable (Context) -> Any?]

    init(_ keys: [TemplateKey<Context>]) {
        infos = keys.map(\.info)
        readers = Dictionary(uniqueKeysWithValues: keys.map { ($0.info.name, $0.read) })
    }

    func read(_ name: String, from context: Context) -> Any? {
        readers[name]?(context)
    }
}

struct TemplateKey<Context>: Sendable {
    let info: TemplateKeyInfo
    let read: @Sendable (Context) -> Any?

    private init(_ name: String, _ value: TemplateValue, _ summary: String, custom: Bool, _ read: @escaping @Sendable (Context) -> Any?) {
        info = TemplateKeyInfo(name: name, value: value, summary: summary, forCustomTemplates: custom)
        self.read = read
    }

    static func text(_ name: String, _ summary: String, custom: Bool = false, _ read: @escaping @Sendable (Context) -> String) -> Self {
        Self(name, .text, summary, custom: custom) { TemplateText(read($0)) }
    }

    static func optionalText(_ name: String, _ summary: String, custom: Bool = false, _ read: @escaping @Sendable (Context) -> String?) -> Self {
        Self(name, .optionalText, summary, custom: custom) { read($0).map(TemplateText.init) }
    }

    static func flag(_ name: String, _ summary: String, custom: Bool = false, _ read: @escaping @Sendable (Context) -> Bool) -> Self {
        Self(name, .flag, summary, custom: custom, read)
    }

    static func texts(_ name: String, _ summary: String, custom: Bool = false, _ read: @escaping @Sendable (Context) -> [String]) -> Self {
        Self(name, .texts, summary, custom: custom) { read($0).map(TemplateText.init) }
    }

    static func context<Child: TemplateContext>(_ name: String, _ summary: String, custom: Bool = false, _ read: @escaping @Sendable (Context) -> Child?) -> Self {
        Self(name, .context(Child.templateDescriptor), summary, custom: custom, read)
    }

    static func contexts<Child: TemplateContext>(_ name: String, _ summary: String, custom: Bool = false, _ read: @escaping @Sendable (Context) -> [Child]) -> Self {
        Self(name, .contexts(Child.templateDescriptor), summary, custom: custom, read)
    }
}

/// A string a template prints. The renderer prints a `MustacheCustomRenderable` as it is; a plain `String`
/// reaches the output only after failed casts to a template, a renderable and a lambda, an Optional check and
/// `String(describing:)` on an `Any`, once for every line printed (Stripe's spec: 4% fewer instructions in all,
/// by callgrind). Transforms (`{{uppercased(name)}}`) apply as they do to a String.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, Sendable {
    let renderText: String

    init(_ text: String) {
        renderText = text
    }

    var isNull: Bool { false }

    func transform(_ name: String) -> Any? {
        renderText.transform(name)
    }
}
