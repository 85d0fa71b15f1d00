@testable import ClientGenCore
import Testing

/// Inline enums that repeat another enum's values are declared once; every other place gets a typealias.
@Suite struct EnumMergerTests {
    @Test func repeatedInlineEnumsBecomeAliasesOfOneDeclaration() throws {
        let files = try GenerationNamingTests.generate("repeated-enums")
        GenerationNamingTests.expectContains(files, [
            // The shortest inline name holds the declaration; the longer one refers to it, keeping its own doc.
            "public nonisolated enum OrderStatus: RawRepresentable",
            "/// The status before the last change.\npublic typealias OrderPreviousStatusOfTheOrder = OrderStatus",
            // A deprecated property's type is not deprecated itself, so it is merged like any other.
            "@available(*, deprecated)\n    public var legacyStatus: OrderLegacyStatus? {",
            "public typealias OrderLegacyStatus = OrderStatus",
            // A deprecated enum says so in its doc comment, and is never merged with one that is not.
            "/// - Important: Deprecated in the spec.\npublic nonisolated enum OldSortOrder: RawRepresentable",
            // Order matters: other case order, other type.
            "public nonisolated enum OrderReversed: RawRepresentable",
            // The spec's own enum is preferred over any inline name, for properties and parameters alike.
            "public nonisolated enum SortOrder: RawRepresentable",
            "public typealias OrderDirection = SortOrder",
            "public typealias ListOrdersSort = SortOrder",
        ])
        let all = files.values.joined()
        #expect(all.components(separatedBy: "enum OrderStatus:").count == 2)
        #expect(!all.contains("enum OrderPreviousStatusOfTheOrder"))
        #expect(!all.contains("enum OrderDirection"))
    }

    @Test func componentEnumsAreNeverReplaced() {
        let cases = [EnumModel.EnumCase(name: "a", value: .string("a"))]
        let first = EnumModel(name: "First", documentation: Documentation(), rawType: .string, cases: cases)
        var second = first
        second.name = "Second"
        var inline = first
        inline.name = "A"
        let merged = EnumMerger.merge([.enumeration(first), .enumeration(second), .enumeration(inline)], inlineNames: ["A"])
        #expect(merged.map(\.name) == ["First", "Second", "A"])
        guard case .enumeration = merged[1], case .alias(let alias) = merged[2] else {
            Issue.record("expected two enums and an alias, got \(merged)")
            return
        }
        #expect(alias.target == .declared("First"))
    }
}
