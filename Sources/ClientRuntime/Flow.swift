import Foundation

/// What generated flow methods (`x-clientgen-flow`: submit, wait, read the results) share.
public enum Flow {
    /// The ID a submit response carries for the rest of the flow. A response without it cannot go on: that is
    /// reported as a body that does not say what the spec promised.
    public static func handle<Handle>(_ handle: Handle?, at path: String, of operation: String) throws(ClientError) -> Handle {
        guard let handle else {
            throw ClientError.decoding(DecodingFailure(
                status: nil, codingPath: path, message: "the response to \(operation) has no \(path), which the flow needs", bodySnippet: ""))
        }
        return handle
    }

    /// Runs `body` (the wait and the reading of the results). When the calling task is cancelled meanwhile,
    /// `cancel` is sent in a task of its own, so the remote work stops too; best effort, as its outcome has no one
    /// left to report to. The flow itself ends with `ClientError.cancelled`, as every call does.
    public static func cancellingRemotely<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws(ClientError) -> T,
        cancel: @escaping @Sendable () async throws -> Void
    ) async throws(ClientError) -> T {
        // `withTaskCancellationHandler` rethrows untyped; the outcome passes through it as a value instead.
        let outcome: Result<T, ClientError> = await withTaskCancellationHandler(operation: {
            do throws(ClientError) {
                return .success(try await body())
            } catch {
                return .failure(error)
            }
        }, onCancel: {
            Task { try? await cancel() }
        }, isolation: isolation)
        return try outcome.get()
    }
}
