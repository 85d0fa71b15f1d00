import Foundation

// Shared by both plugins: Plugins/GenerateClientsPlugin/GenerationJob.swift is a link to this file.

/// What the plugin needs to know about a target: its spec and config, and every file generation reads.
struct GenerationJob {
    static let specNames = ["openapi.yaml", "openapi.yml", "openapi.json"]
    static let configName = "clientgen.yaml"
    /// Generated code is always split into these files, whatever the spec (`FileLayout.fileNames()` in
    /// ClientGenCore, with `FileLayout.shardCount` parts; a test checks the two agree).
    static let shardCount = 4
    static let fileNames = ["Client.swift"] + (1...shardCount).flatMap { ["Part\($0).Operations.swift", "Part\($0).Types.swift"] }

    var spec: URL
    var config: URL
    var inputs: [URL]

    /// The target's job, nil when the target has neither a spec nor a config; an error when it has one only.
    static func find(in folder: URL, targetName: String) throws -> GenerationJob? {
        let manager = FileManager.default
        let specs = specNames.map { folder.appendingPathComponent($0) }.filter { manager.fileExists(atPath: $0.path) }
        let config = folder.appendingPathComponent(configName)
        let hasConfig = manager.fileExists(atPath: config.path)
        if specs.isEmpty, !hasConfig { return nil }
        guard hasConfig else {
            throw PluginProblem("\(specs[0].path): target '\(targetName)' has a spec but no \(configName) beside it; add one (it may be empty)")
        }
        guard let spec = specs.first else {
            throw PluginProblem("\(config.path): target '\(targetName)' has a \(configName) but no \(specNames.joined(separator: ", ")) beside it")
        }
        guard specs.count == 1 else {
            throw PluginProblem("\(folder.path): target '\(targetName)' has more than one spec (\(specs.map(\.lastPathComponent).joined(separator: ", "))); keep one")
        }
        var inputs = [spec, config]
        ReferenceScanner.collect(from: spec, into: &inputs)
        if let templates = templatesFolder(in: config) {
            let names = (try? manager.contentsOfDirectory(atPath: templates.path)) ?? []
            inputs += names.filter { $0.hasSuffix(".mustache") }.sorted().map { templates.appendingPathComponent($0) }
        }
        return GenerationJob(spec: spec, config: config, inputs: inputs)
    }

    func arguments(output: URL, module: String) -> [String] {
        // Absolute paths, so diagnostics name the files in a way editors and `swift build` output can open.
        ["generate", spec.path, "--output", output.path, "--module", module, "--target-config", config.path]
    }

    /// The `templates:` folder of a config, read from its text: the plugin has no YAML parser, and the key is a
    /// top-level scalar, so one line holds it (clientgen itself reports a malformed config).
    static func templatesFolder(in config: URL) -> URL? {
        guard let text = try? String(contentsOf: config, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("templates:") {
            var value = line.dropFirst("templates:".count)
            if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
            let name = value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            guard !name.isEmpty else { return nil }
            return name.hasPrefix("/") ? URL(fileURLWithPath: name) : config.deletingLastPathComponent().appendingPathComponent(name).standardizedFileURL
        }
        return nil
    }
}

/// Finds the files a spec reaches through `$ref` values that name a file (`other.yaml#/Pet`, `./pet.json`),
/// following them recursively, by scanning the text: both `$ref: x` (YAML) and `"$ref": "x"` (JSON).
enum ReferenceScanner {
    static func collect(from file: URL, into found: inout [URL]) {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return }
        var rest = text[...]
        while let marker = rest.range(of: "$ref") {
            rest = rest[marker.upperBound...]
            let value = rest.drop { " \t\"':".contains($0) }.prefix { !"\"'\n\r,} \t".contains($0) }
            let filePart = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard !filePart.isEmpty, !filePart.contains("://") else { continue }
            let decoded = filePart.removingPercentEncoding ?? filePart
            let target = file.deletingLastPathComponent().appendingPathComponent(decoded).standardizedFileURL
            guard !found.contains(target), FileManager.default.fileExists(atPath: target.path) else { continue }
            found.append(target)
            collect(from: target, into: &found)
        }
    }
}

struct PluginProblem: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
