#if !canImport(Darwin)
import Foundation

/// A request body streamed from a sequence of chunks, written to a temporary file so that FoundationNetworking can
/// send it like a file: in bounded memory, with a `Content-Length`, and without waiting for the producer on the
/// thread that drives every URLSession in the process.
enum SpooledBody {
    static func write(_ body: HTTPBody) async throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("clientruntime-\(UUID().uuidString).upload")
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw ClientError.transport("the request body could not be written to a temporary file at \(file.path)")
        }
        do {
            let handle = try FileHandle(forWritingTo: file)
            defer { try? handle.close() }
            for try await chunk in body {
                try Task.checkCancellation()
                try handle.write(contentsOf: chunk)
            }
            return file
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw error
        }
    }
}
#endif
