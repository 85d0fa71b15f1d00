import ArgumentParser
import ClientGenCore
import Foundation

struct PlannedFile {
    var path: String
    var contents: String
}

/// Writes generated files so that a build never sees a half-written one and an unchanged file keeps its
/// timestamp (and so does not trigger a rebuild).
enum OutputWriter {
    static func changes(_ files: [GeneratedFile], in directory: String) -> [PlannedFile] {
        files.compactMap { file in
            let path = (directory as NSString).appendingPathComponent(file.name)
            let existing = FileManager.default.contents(atPath: path)
            return existing == Data(file.contents.utf8) ? nil : PlannedFile(path: path, contents: file.contents)
        }
    }

    /// Every file is first written beside its destination under a temporary name; only when all of them are
    /// written are they renamed into place, each rename replacing the old file atomically.
    static func write(_ files: [PlannedFile]) throws {
        var staged: [(temporary: String, path: String)] = []
        do {
            for file in files {
                let directory = (file.path as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(atPath: directory.isEmpty ? "." : directory, withIntermediateDirectories: true)
                let temporary = (directory as NSString).appendingPathComponent(".\((file.path as NSString).lastPathComponent).clientgen-\(getpid())")
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: temporary))
                staged.append((temporary, file.path))
            }
        } catch {
            for entry in staged { try? FileManager.default.removeItem(atPath: entry.temporary) }
            throw error
        }
        for entry in staged {
            guard rename(entry.temporary, entry.path) == 0 else {
                let reason = String(cString: strerror(errno))
                for remaining in staged { try? FileManager.default.removeItem(atPath: remaining.temporary) }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot replace \(entry.path): \(reason)"])
            }
        }
    }
}

enum TemplateDirectory {
    /// The `.mustache` files of a folder by name, for `--templates`.
    static func load(_ directory: String) throws -> [String: String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw ValidationError("Cannot read the templates folder \(directory).")
        }
        var templates: [String: String] = [:]
        for name in names where name.hasSuffix(".mustache") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("Cannot read \(path).")
            }
            templates[String(name.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
        }
        return templates
    }
}
