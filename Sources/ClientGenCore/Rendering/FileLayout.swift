/// Which files a module is written to. The set never depends on the spec, so build tools can declare the
/// outputs before generating.
public enum FileLayout {
    /// Generated code is spread over this many parts, each an operations file and a types file, so the compiler
    /// can type-check them in parallel.
    public static let shardCount = 4

    /// `Part1.Operations.swift`, `Part1.Types.swift`, `Part2.Operations.swift`, …: the driver hands each compile
    /// job a contiguous run of the sorted file list, so alternating operations and types gives every core an
    /// even share (GitHub's client: 53 s instead of 77 s on 2 cores, when all types sorted after all operations).
    public static func fileNames() -> [String] {
        ["Client.swift"] + (1...shardCount).flatMap { ["Part\($0).Operations.swift", "Part\($0).Types.swift"] }
    }

    /// Assigns items to parts by a stable hash of their name: an item stays in its file when others are added or
    /// removed, so regenerated clients diff cleanly. Each part is sorted by name.
    static func shards<Item>(_ items: [Item], by name: (Item) -> String) -> [[Item]] {
        var shards = Array(repeating: [(String, Item)](), count: shardCount)
        for item in items {
            let key = name(item)
            shards[Int(fnv1a(key) % UInt64(shardCount))].append((key, item))
        }
        return shards.map { shard in shard.sorted { $0.0 < $1.0 }.map(\.1) }
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
