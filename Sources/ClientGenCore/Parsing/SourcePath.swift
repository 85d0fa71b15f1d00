/// Lexical path arithmetic for `$ref` file parts, shared by every provider so that all of them name a file the
/// same way: `./schemas/../common.yaml` from `Specs/api.yaml` is `Specs/common.yaml`.
public enum SourcePath {
    /// `path` resolved against the directory of `file`; absolute paths stay absolute.
    public static func resolve(_ path: String, relativeTo file: String) -> String {
        if path.hasPrefix("/") || file.isEmpty {
            return normalize(path)
        }
        guard let slash = file.lastIndex(of: "/") else {
            return normalize(path)
        }
        return normalize(String(file[...slash]) + path)
    }

    /// Removes `.` components and folds `..` into the component before it where there is one.
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".":
                continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(part)
                }
            default:
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }

    /// The file name without directory and extension: `Specs/schemas/pet.yaml` is `pet`.
    public static func baseName(_ path: String) -> String {
        var name = Substring(path)
        if let slash = name.lastIndex(of: "/") {
            name = name[name.index(after: slash)...]
        }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            name = name[..<dot]
        }
        return String(name)
    }

    /// `file` as a `$ref` written in `base` names it: from `Specs/api/pets.yaml`, `Specs/common.yaml` is
    /// `../common.yaml`. Both are names the same provider gave, so they share a root.
    public static func relative(_ file: String, from base: String) -> String {
        guard file.hasPrefix("/") == base.hasPrefix("/") else { return file }
        let target = file.split(separator: "/")
        let directory = base.split(separator: "/").dropLast()
        var common = 0
        while common < target.count - 1, common < directory.count, target[common] == directory[common] {
            common += 1
        }
        let climbs = directory.dropFirst(common)
        // `..` cannot be climbed back down without knowing the folder it left.
        guard !climbs.contains("..") else { return file }
        return (Array(repeating: "..", count: climbs.count) + target.dropFirst(common).map(String.init)).joined(separator: "/")
    }
}
