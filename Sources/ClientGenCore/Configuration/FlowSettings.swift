/// `x-clientgen-flow` on the operation that submits work (a query, a task run):
///
/// ```yaml
/// x-clientgen-flow:
///   name: runQuery              # the method: submit, wait, read the results
///   handle: execution_id        # dot path in the submit response to the ID the other operations take
///   status: getExecutionStatus  # operationId polled until done; needs x-clientgen-wait
///   results: getExecutionResults # operationId whose result (or rows, with x-clientgen-rows) is returned
///   cancel: cancelExecution     # optional: operationId sent when the calling task is cancelled
/// ```
///
/// The other operations are named by `operationId` because that is how a spec and a config name an operation.
public struct FlowSettings: Sendable {
    public var name: String
    public var handle: String
    public var handleKeys: [String]
    public var status: String
    public var results: String
    public var cancel: String?
    public var source: SourceRange

    static func read(_ value: SpecExtension, diagnostics: DiagnosticCollector) -> FlowSettings? {
        let extensionName = "x-clientgen-flow"
        let entries = ExtensionReading.mapping(value, name: extensionName, keys: ["name", "handle", "status", "results", "cancel"], diagnostics: diagnostics)
        guard let entries, let name = entries["name"]?.string, let handle = entries["handle"]?.string,
              let status = entries["status"]?.string, let results = entries["results"]?.string else {
            diagnostics.warning("\(extensionName) needs 'name', 'handle', 'status' and 'results'; no flow method is generated", at: value.source)
            return nil
        }
        guard Naming.isIdentifier(name) else {
            diagnostics.warning("\(extensionName): 'name' \(name) is not a Swift identifier; no flow method is generated", at: value.source)
            return nil
        }
        guard let keys = ExtensionReading.dotPath(handle) else {
            diagnostics.warning("\(extensionName): 'handle' must be a dot path into the response ('execution_id', 'data.id'); no flow method is generated", at: value.source)
            return nil
        }
        var cancel: String?
        if let given = entries["cancel"] {
            guard let text = given.string else {
                diagnostics.warning("\(extensionName): 'cancel' must be an operationId; no flow method is generated", at: value.source)
                return nil
            }
            cancel = text
        }
        return FlowSettings(name: name, handle: handle, handleKeys: keys, status: status, results: results, cancel: cancel, source: value.source)
    }
}
