@testable import ClientGenCore
import Foundation
import Testing

/// Every input under `Fixtures/FuzzCrashes/` once crashed, hung or exhausted memory in `ClientGenFuzzer`
/// (see `Scripts/fuzz`). Each must now go through the whole pipeline, as the fuzzer drives it, and end in
/// files or in errors.
@Suite struct FuzzCrashTests {
    static let folder = ParserFixtures.fixtures.appendingPathComponent("FuzzCrashes")
    static let inputs = ParserFixtures.files(under: folder, relativeTo: folder).filter { !$0.hasSuffix(".md") }

    @Test(arguments: inputs)
    func crashingInputNowEndsInFilesOrErrors(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let generator = Generator(sourceProvider: InMemorySourceProvider())
        let result = generator.generate(file: "fuzz.yaml", bytes: bytes, options: GenerationOptions(moduleName: "Fuzzed", specName: "fuzz.yaml"))
        if result.files == nil {
            #expect(result.hasErrors)
        } else {
            #expect(!result.hasErrors)
        }
    }
}
