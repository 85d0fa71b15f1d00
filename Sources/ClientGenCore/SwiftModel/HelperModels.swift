/// A member access through a response, by generated member names: `previous.links?.next`.
public struct MemberPath: Sendable, Hashable {
    public struct Step: Sendable, Hashable {
        public var member: String
        /// Reached through an optional, so accessed with `?.`.
        public var throughOptional: Bool
    }

    public var root: String
    public var steps: [Step]
    /// The type at the end of the path, optional when any step went through an optional.
    public var type: SwiftType
}

/// `<operation>Pages(...)`: every page, following the link each response carries to the next.
public struct PaginationModel: Sendable {
    public var name: String
    public var nextLink: MemberPath
    /// The dot path as the spec or config wrote it, for the doc comment.
    public var nextLinkDescription: String
}

/// `waitFor<Name>(...)`: repeats the operation until its result says the work is done.
public struct WaitModel: Sendable {
    public var name: String
    public var summary: String
    public var condition: Condition?
    /// The server's account of a failure, carried by the error a failure value throws.
    public var failureMessage: MemberPath?
    /// The error answers that mean "not ready yet"; any other error ends the wait.
    public var notReady: [NotReady]
    /// Labels of parameters the helper does not take (a page token), which keep their defaults.
    public var omittedParameters: Set<String>

    public struct Condition: Sendable {
        public var subject: MemberPath
        public var success: [Pattern]
        public var failure: [Pattern]
    }

    /// A status that means "not ready yet", and, where the documented body tells "not ready" from "gone", what it
    /// says while the work is unfinished: the same status saying anything else ends the wait.
    public struct NotReady: Sendable {
        public var status: Int
        public var body: BodyMatch?
    }

    /// The documented error body of a status, and the values at a member of it that mean "not ready".
    public struct BodyMatch: Sendable {
        public var type: SwiftType
        /// From the body, as an optional: the error may carry another type or none.
        public var subject: MemberPath
        public var values: [Pattern]
        /// The member's dot path and values as the spec or config writes them, for the doc comment.
        public var path: String
        public var literals: [JSONLiteral]
    }

    /// A value `subject` is matched against: a case of the subject's enum, or a plain value.
    public struct Pattern: Sendable, Hashable {
        public var value: Value
        /// Matched against an optional subject (`.done?`).
        public var optional: Bool

        public enum Value: Sendable, Hashable {
            case enumCase(String)
            /// A value the subject's enum does not list.
            case unknownCase(SwiftValue)
            case literal(SwiftValue)
        }
    }
}
