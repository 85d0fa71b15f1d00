import ClientGenCore
import Foundation

/// Reads spec files from the disk, naming them relative to where `clientgen` runs (as the user wrote them), so
/// diagnostics are clickable from the terminal.
struct DiskSourceProvider: SourceProvider {
    func load(_ path: String, relativeTo file: String) throws -> SourceFile {
        let name = SourcePath.resolve(path, relativeTo: file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory) else {
            throw SourceProviderError.notFound(name)
        }
        guard !isDirectory.boolValue else {
            throw SourceProviderError(path: name, reason: "is a directory")
        }
        guard let data = FileManager.default.contents(atPath: name) else {
            throw SourceProviderError(path: name, reason: "cannot be read")
        }
        return SourceFile(name: name, bytes: Array(data))
    }
}
