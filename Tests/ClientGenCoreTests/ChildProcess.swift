import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the built `clientgen` (or any executable) as a child process, with a hang guard and the child's own
/// peak memory read from `wait4`'s resource usage.
///
/// The memory figure is a guard against runaway allocation (an alias bomb, a quadratic copy), not a benchmark:
/// `ru_maxrss` is the child's peak resident set, including the Swift runtime and libraries it maps.
struct ChildProcess {
    struct Outcome {
        /// The exit status, or nil when the child was killed by a signal (including the hang guard's).
        var status: Int32?
        var signal: Int32?
        var stdout: String
        var stderr: String
        /// Peak resident memory of the child in bytes.
        var peakMemory: Int
        var elapsed: Duration
        /// The hang guard killed the child.
        var timedOut: Bool

        var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    enum Failure: Error, CustomStringConvertible {
        case spawn(String, Int32)

        var description: String {
            switch self {
            case .spawn(let path, let code): "cannot start \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    /// The `clientgen` executable built beside the test bundle: the test target depends on it, so `swift test`
    /// builds it first. Falls back to `.build/debug/clientgen` under the package root.
    static let clientgen: String = {
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        // .build/<triple>/debug/ClientGenPackageTests.xctest (an executable on Linux, a bundle on macOS).
        for ancestor in [runner.deletingLastPathComponent(), runner.deletingLastPathComponent().deletingLastPathComponent()] {
            candidates.append(ancestor.appendingPathComponent("clientgen"))
        }
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("clientgen"))
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/clientgen"))
        let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return (found ?? candidates.last!).path
    }()

    /// Runs `executable` in `directory` and waits for it, killing it after `timeout`. Output goes through files
    /// rather than pipes, so a child that writes a lot cannot block on a full pipe.
    static func run(_ executable: String, _ arguments: [String], in directory: URL, timeout: Duration = .seconds(30)) async throws -> Outcome {
        try await offPool { try runBlocking(executable, arguments, in: directory, timeout: timeout) }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String], in directory: URL, timeout: Duration) throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("clientgen-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path

        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        // The shell changes directory and then execs the executable in its place, so `pid` is the child's own
        // (posix_spawn_file_actions_addchdir_np is not imported from Glibc).
        let shell = ["/bin/sh", "-c", "cd \"$1\" || exit 126; shift; exec \"$@\"", "sh", directory.path, executable]
        let argv = (shell + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        let code = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        guard code == 0 else { throw Failure.spawn(executable, code) }

        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid { break }
            if waited == -1, errno != EINTR { throw Failure.spawn(executable, errno) }
            if !timedOut, ContinuousClock.now - started > timeout {
                kill(pid, SIGKILL)
                timedOut = true
            }
            usleep(5_000)
        }
        let elapsed = ContinuousClock.now - started
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        let signal = status & 0x7F
        let exited = signal == 0
        #if canImport(Darwin)
        let peak = Int(usage.ru_maxrss) // bytes on Darwin
        #else
        let peak = Int(usage.ru_maxrss) * 1024 // kilobytes on Linux
        #endif
        return Outcome(
            status: exited ? (status >> 8) & 0xFF : nil,
            signal: exited ? nil : signal,
            stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
            stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self),
            peakMemory: peak,
            elapsed: elapsed,
            timedOut: timedOut
        )
    }

    static func clientgen(_ arguments: [String], in directory: URL, timeout: Duration = .seconds(30)) async throws -> Outcome {
        try await run(clientgen, arguments, in: directory, timeout: timeout)
    }
}

/// Every file below a folder by relative path with its bytes, hidden files included, to compare a folder
/// before and after a command.
func folderSnapshot(_ folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return result }
    let prefix = folder.standardizedFileURL.path + "/"
    for case let url as URL in enumerator {
        let path = url.standardizedFileURL.path
        let name = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            result[name] = FileManager.default.contents(atPath: path) ?? Data()
        } else {
            result[name + "/"] = Data()
        }
    }
    return result
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("clientgen-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
