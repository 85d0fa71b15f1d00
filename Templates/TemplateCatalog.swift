/// The built-in Mustache templates, compiled into the binary by SwiftPM's `embedInCode`.
public enum TemplateCatalog {
    /// Template text by name (file name without `.mustache`); `--templates DIR` overrides entries by the same name.
    public static let builtIn: [String: String] = [
        "header": text(PackageResources.header_mustache),
    ]

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
