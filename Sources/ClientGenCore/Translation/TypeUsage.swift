/// How a schema is spelled where it is used: the Swift type, and whether `null` makes it optional.
struct TypeUsage: Hashable {
    /// Never optional itself: `nullable` says so, since a use decides whether null and absence share `nil`.
    var type: SwiftType
    var nullable: Bool

    init(_ type: SwiftType, nullable: Bool = false) {
        self.type = type
        self.nullable = nullable
    }

    /// `T?` when null is a value, `T` otherwise.
    var nullableType: SwiftType { nullable ? type.optional : type }
}
