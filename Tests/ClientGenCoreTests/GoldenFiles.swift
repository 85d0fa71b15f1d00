import ClientGenCore
import Foundation
import Testing

/// Compares generated files with the expected ones committed beside the tests, after swift-argument-parser's
/// snapshot helper: set `CLIENTGEN_RECORD=1` to write them instead (the test then fails, so a recording is
/// never mistaken for a pass); a mismatch prints a line diff.
enum GoldenFiles {
    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["CLIENTGEN_RECORD"] == "1"
    }

    static func assertMatches(_ files: [GeneratedFile], directory: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let manager = FileManager.default
        let existing = Set((try? manager.contentsOfDirectory(atPath: directory.path))?.filter { $0.hasSuffix(".swift") } ?? [])
        let generated = Set(files.map(\.name))

        if isRecording {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            for file in files {
                try Data(file.contents.utf8).write(to: directory.appendingPathComponent(file.name))
            }
            for extra in existing.subtracting(generated) {
                try manager.removeItem(at: directory.appendingPathComponent(extra))
            }
            Issue.record("Recorded \(files.count) files in \(directory.path); run again without CLIENTGEN_RECORD=1", sourceLocation: sourceLocation)
            return
        }

        for missing in generated.subtracting(existing).sorted() {
            Issue.record("\(directory.lastPathComponent)/\(missing) is not recorded; run with CLIENTGEN_RECORD=1", sourceLocation: sourceLocation)
        }
        for extra in existing.subtracting(generated).sorted() {
            Issue.record("\(directory.lastPathComponent)/\(extra) is no longer generated; run with CLIENTGEN_RECORD=1", sourceLocation: sourceLocation)
        }
        for file in files.sorted(by: { $0.name < $1.name }) where existing.contains(file.name) {
            let expected = try String(contentsOf: directory.appendingPathComponent(file.name), encoding: .utf8)
            if expected != file.contents {
                let diff = LineDiff.render(expected: expected, actual: file.contents)
                Issue.record("\(directory.lastPathComponent)/\(file.name) differs (- expected, + generated):\n\(diff)", sourceLocation: sourceLocation)
            }
        }
    }
}

/// A line diff, printed with a little context around each change.
enum LineDiff {
    static func render(expected: String, actual: String, context: Int = 2) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Longest common subsequence table, from the end.
        var table = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines: [(mark: Character, text: String)] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                lines.append((" ", old[i]))
                i += 1
                j += 1
            } else if j < new.count, i == old.count || table[i][j + 1] >= table[i + 1][j] {
                lines.append(("+", new[j]))
                j += 1
            } else {
                lines.append(("-", old[i]))
                i += 1
            }
        }
        let changed = lines.indices.filter { lines[$0].mark != " " }
        var shown = Set<Int>()
        for index in changed {
            for nearby in max(0, index - context)...min(lines.count - 1, index + context) { shown.insert(nearby) }
        }
        var output: [String] = []
        var previous = -1
        for index in shown.sorted() {
            if previous >= 0, index != previous + 1 { output.append("...") }
            output.append("\(lines[index].mark) \(lines[index].text)")
            previous = index
        }
        return output.joined(separator: "\n")
    }
}
