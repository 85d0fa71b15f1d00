import ClientGenCore
import Foundation
import Testing

/// The build plugin cannot import ClientGenCore, so it declares the generated files itself; it must declare
/// exactly the files `clientgen` writes, or SwiftPM would miss outputs or wait for files that never come.
@Suite struct PluginFileListTests {
    @Test func pluginDeclaresTheFilesTheGeneratorWrites() throws {
        let source = GoldenTests.packageRoot.appendingPathComponent("Plugins/ClientGenPlugin/GenerationJob.swift")
        let text = try String(contentsOf: source, encoding: .utf8)
        #expect(text.contains("static let shardCount = \(FileLayout.shardCount)\n"))
        #expect(text.contains(#"static let fileNames = ["Client.swift"] + (1...shardCount).flatMap { ["Part\($0).Operations.swift", "Part\($0).Types.swift"] }"#))
        #expect(FileLayout.fileNames() == ["Client.swift"] + (1...FileLayout.shardCount).flatMap { ["Part\($0).Operations.swift", "Part\($0).Types.swift"] })
    }
}
