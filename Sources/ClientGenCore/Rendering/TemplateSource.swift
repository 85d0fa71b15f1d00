/// One template's text and the file it came from, so a problem in it is reported at `file:line:column`.
public struct TemplateSource: Sendable {
    /// The name templates include it by (`struct`), its file name without `.mustache`.
    public var name: String
    public var file: String
    public var text: String

    public init(name: String, file: String, text: String) {
        self.name = name
        self.file = file
        self.text = text
    }
}
