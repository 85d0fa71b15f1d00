import ClientGenCore
import Foundation

/// A libFuzzer target over YAML loading, parsing, configuring, translation and the view model: the stages where
/// input decides what happens. Mustache rendering only lays out what they made, and would cost most of each run.
///
/// `Scripts/fuzz` builds it with `-sanitize=fuzzer,address -parse-as-library -DCLIENTGEN_FUZZING`, and then
/// libFuzzer supplies `main` and calls `LLVMFuzzerTestOneInput` for every input. A plain `swift build` compiles
/// it as an ordinary executable instead, which runs the files given as arguments through the same function:
/// `swift run ClientGenFuzzer crash-1234` replays a crash without the sanitizers.

let generator = Generator(sourceProvider: InMemorySourceProvider())
let options = GenerationOptions(moduleName: "Fuzzed", specName: "fuzz.yaml")

/// Every stage must end in a result or diagnostics, never a crash, a hang or unbounded memory.
func runPipeline(_ bytes: [UInt8]) -> Int {
    let diagnostics = DiagnosticCollector()
    guard let module = generator.translate(file: "fuzz.yaml", bytes: bytes, options: options, diagnostics: diagnostics) else {
        precondition(diagnostics.hasErrors, "no module and no errors")
        return 0
    }
    precondition(!diagnostics.hasErrors, "a module for a spec with errors")
    let viewModel = ViewModelBuilder(moduleName: "Fuzzed", access: .public, specName: "fuzz.yaml").build(module)
    precondition(viewModel.files.map(\.name) == FileLayout.fileNames(), "the module's files are not the fixed set")
    return viewModel.files.count
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = runPipeline(bytes)
    return 0
}

#if CLIENTGEN_FUZZING
/// SwiftPM links an executable target with `main` defined as `<module>_main` (so tests can link it too), which
/// replaces the `main` libFuzzer would bring; this one hands over to libFuzzer's driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("ClientGenFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzerTestOneInput(data, size) }
}
#else
/// Replays inputs without libFuzzer. Compiled out of the fuzzing build, where libFuzzer's `main` runs instead
/// (statements at the top level would not compile with `-parse-as-library`, even inside an inactive `#if`).
@main
enum Replay {
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        if paths.isEmpty {
            FileHandle.standardError.write(Data("usage: ClientGenFuzzer FILE... (replays inputs; build with Scripts/fuzz to fuzz)\n".utf8))
            exit(64)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("ClientGenFuzzer: cannot read \(path)\n".utf8))
                exit(1)
            }
            let files = runPipeline(Array(data))
            print("\(path): \(files == 0 ? "diagnostics" : "translated into \(files) files")")
        }
    }
}
#endif
