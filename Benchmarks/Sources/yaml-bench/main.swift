// Loads one YAML (or JSON) file N times with one loader and prints the median, min and max seconds.
//
//   yaml-bench clientgen|yams-compose|yams-load FILE [N]
//
// Every run starts from the file's bytes already in memory, so file reading is not timed; each loader is given
// the input it takes (ClientGen: [UInt8]; Yams: String), and the conversion from the bytes is timed with it.
// Run one loader per process so that the peak RSS `Benchmarks/run` records belongs to that loader.
import ClientGenCore
import Foundation
import Yams

let arguments = CommandLine.arguments
guard arguments.count >= 3, ["clientgen", "yams-compose", "yams-load"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: yaml-bench clientgen|yams-compose|yams-load FILE [N]\n".utf8))
    exit(64)
}
let loader = arguments[1]
let path = arguments[2]
let runs = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 5) : 5
let data = try Data(contentsOf: URL(fileURLWithPath: path))

func loadOnce() throws -> Any {
    switch loader {
    case "clientgen":
        return try YAMLLoader().load(bytes: [UInt8](data), file: path)
    case "yams-compose":
        return try Yams.compose(yaml: String(decoding: data, as: UTF8.self)) as Any
    default:
        return try Yams.load(yaml: String(decoding: data, as: UTF8.self)) as Any
    }
}

var seconds: [Double] = []
for _ in 0..<runs {
    let clock = ContinuousClock()
    let start = clock.now
    let tree = try loadOnce()
    let elapsed = start.duration(to: clock.now)
    withExtendedLifetime(tree) {}
    seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}
seconds.sort()
print(String(format: "median %.4f min %.4f max %.4f runs %d bytes %d", seconds[seconds.count / 2], seconds[0], seconds[seconds.count - 1], runs, data.count))
