import Foundation

/// What generated flow methods (`x-clientgen-flow`: submit, wait, read the results) share.
public enum Flow {
    /// The ID a submit response carries for the rest of the flow. A response without it cannot go on: that is
    /// reported as a body that does not say what the spec promised.
    public static func handle<Handle>(_ handle: Handle?, at path: String, of operation: String) throws -> Handle {
        guard let handle else {
            throw ClientError.decoding(DecodingFailure(
                status: nil, codingPath: path, message: "the response to \(operation) has no \(path), which the flow needs", bodySnippet: ""))
        }
        return handle
    }

    /// Runs `body` (the wait and the reading of the results). When the calling task is cancelled meanwhile,
    /// `cancel` is sent in a task of its own, so the remote work stops too; best effort, as its outcome has no one
    /// left to report to.
    public static func cancellingRemotely<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> T,
        cancel: @escaping @Sendable () async throws -> Void
    ) async throws -> T {
        try await withTaskCancellationHandler(operation: body, onCancel: {
            Task { try? await cancel() }
        }, isolation: isolation)
    }
}
