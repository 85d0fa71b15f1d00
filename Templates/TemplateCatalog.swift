/// The built-in Mustache templates, compiled into the binary by SwiftPM's `embedInCode`.
public enum TemplateCatalog {
    /// Template text by name (file name without `.mustache`); `--templates DIR` overrides entries by the same name.
    public static let builtIn: [String: String] = [
        "alias": text(PackageResources.alias_mustache),
        "client": text(PackageResources.client_mustache),
        "enum": text(PackageResources.enum_mustache),
        "flow": text(PackageResources.flow_mustache),
        "form": text(PackageResources.form_mustache),
        "header": text(PackageResources.header_mustache),
        "operations": text(PackageResources.operations_mustache),
        "output": text(PackageResources.output_mustache),
        "struct": text(PackageResources.struct_mustache),
        "types": text(PackageResources.types_mustache),
        "union": text(PackageResources.union_mustache),
    ]

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
