/// A `$ref`, split into the file it points into and the JSON pointer inside that file.
public struct Reference: Hashable, Sendable, CustomStringConvertible {
    /// The spec file the pointer applies to, as the source provider names it (the root spec for local refs).
    public var file: String
    /// Decoded pointer components: `#/components/schemas/Error` is `["components", "schemas", "Error"]`.
    public var pointer: [String]
    /// The text as written, for messages.
    public var text: String

    public init(file: String, pointer: [String], text: String) {
        self.file = file
        self.pointer = pointer
        self.text = text
    }

    public var description: String { text }

    /// The last pointer component: what a referenced schema is named after.
    public var name: String { pointer.last ?? "" }

    /// What the reference points at, whatever way its text was spelled: the key `Document.schemas` is looked up by.
    public struct Target: Hashable, Sendable {
        public var file: String
        public var pointer: [String]

        public init(file: String, pointer: [String]) {
            self.file = file
            self.pointer = pointer
        }
    }

    public var target: Target { Target(file: file, pointer: pointer) }
}
