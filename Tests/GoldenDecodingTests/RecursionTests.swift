import ClientRuntime
import Foundation
import GoldenRecursion
import Testing

@Suite struct RecursionTests {
    @Test func treeWithParentChildrenAndDictionary() throws {
        let node = try GoldenCoding.decode(TreeNode.self, """
            {"value": 1, "parent": {"value": 0}, "children": [{"value": 2, "children": []}],
             "byName": {"x": {"value": 3, "parent": {"value": 4}}}}
            """)
        #expect(node.parent == TreeNode(value: 0))
        #expect(node.parent?.parent == nil)
        #expect(node.children == [TreeNode(value: 2, children: [])])
        #expect(node.byName?["x"]?.parent?.value == 4)
        #expect(try GoldenCoding.roundTrip(node) == node)
        #expect(try GoldenCoding.json(TreeNode(value: 1))["parent"] == nil)
        var changed = node
        changed.parent = TreeNode(value: 9)
        #expect(changed != node)
        #expect(node.parent?.value == 0)
    }

    @Test func mutualRecursionThroughOptionalProperties() throws {
        let author = try GoldenCoding.decode(Author.self, #"{"name": "A", "favoriteBook": {"title": "B", "author": {"name": "C"}}}"#)
        #expect(author.favoriteBook?.author?.name == "C")
        #expect(author == Author(name: "A", favoriteBook: Book(title: "B", author: Author(name: "C"))))
        #expect(try GoldenCoding.roundTrip(author) == author)
    }

    @Test func recursiveOneOf() throws {
        let expression = try GoldenCoding.decode(Expression.self, """
            {"kind": "sum", "terms": [{"kind": "literal", "value": 1}, {"kind": "negation", "operand": {"kind": "literal", "value": 2}}]}
            """)
        let expected = Expression.sum(Sum(kind: "sum", terms: [
            .literal(Literal(kind: "literal", value: 1)),
            .negation(Negation(kind: "negation", operand: .literal(Literal(kind: "literal", value: 2)))),
        ]))
        #expect(expression == expected)
        #expect(try GoldenCoding.roundTrip(expression) == expected)
    }
}
