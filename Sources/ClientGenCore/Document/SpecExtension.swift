/// The value of an `x-` key with where it was written, so the stage that interprets it can point at it.
public struct SpecExtension: Sendable {
    public var value: JSONLiteral
    public var source: SourceRange

    public init(value: JSONLiteral, source: SourceRange) {
        self.value = value
        self.source = source
    }
}
