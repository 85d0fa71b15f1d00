/// `<name>(...)` from `x-clientgen-flow`: submit work, wait until it has finished, read its results; and, when the
/// results stream as rows, `<name>Rows(...)` doing the same but yielding the rows as they arrive.
public struct FlowModel: Sendable {
    public var name: String
    /// The submit operation's parameters, then the results' optional ones the flow passes on.
    public var parameters: [OperationParameter]
    public var submit: Call
    /// The handle in the submit response, by generated member names from `submitted`.
    public var handle: MemberPath
    /// The handle's dot path as the spec wrote it, for the error when a response lacks it.
    public var handleDescription: String
    /// What the handle is called in the method body.
    public var handleName: String
    public var wait: Call
    public var results: Results
    /// Called with the handle when the calling task is cancelled, best effort.
    public var cancel: Call?
    public var returnType: SwiftType
    /// For the doc comment.
    public var statusName: String
    public var resultsName: String

    /// A call to another generated method; each argument is a flow parameter or the handle.
    public struct Call: Sendable {
        public var method: String
        public var arguments: [Argument]
    }

    public struct Argument: Sendable {
        public var label: String
        public var value: Value

        public enum Value: Sendable, Hashable {
            case parameter(String)
            case handle
        }
    }

    public enum Results: Sendable {
        /// The results operation's own return value. A nil call, here and for `rows`, means the status operation
        /// is the results operation, whose last poll is the result.
        case value(Call?)
        /// The array at a path in the result, or an empty array when it is absent.
        case rows(Call?, path: MemberPath)
        /// The arrays at a path in every page, joined.
        case rowsOfPages(Call, path: MemberPath)
    }

    /// `<name>Rows(...)`, when the results operation has a Rows variant.
    public var rows: RowsVariant?

    public struct RowsVariant: Sendable {
        public var name: String
        public var call: Call
        public var returnType: SwiftType
    }
}
