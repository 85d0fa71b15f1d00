import ClientRuntime
import Foundation
import HTTPTestServer
import Testing

@Suite struct PageSequenceTests {
    struct Page: Decodable, Sendable {
        struct Links: Decodable, Sendable { var next: String? }
        var items: [Int]
        var links: Links
    }

    @Test func followsNextLinksLazilyAndKeepsTheirQuery() async throws {
        try await withTestServer { server async throws in
            await server.script("/items", .json(#"{"items":[1,2],"links":{"next":"/items/more?cursor=a%2Bb%3D&limit=2"}}"#))
            await server.script("/items/more", .json(#"{"items":[3],"links":{"next":null}}"#))
            let connection = Connection(serverURL: server.url)
            let pages = PageSequence<Page>(
                first: { () throws(ClientError) in try connection.decode(Page.self, from: await connection.send(Request(method: .get, path: "/items"))) },
                next: { (page: Page) throws(ClientError) -> Page? in
                    guard let next = page.links.next else { return nil }
                    return try connection.decode(Page.self, from: await connection.send(Request(method: .get, link: next)))
                })

            var iterator = pages.makeAsyncIterator()
            #expect(await server.requests.isEmpty)
            #expect(try await iterator.next()?.items == [1, 2])
            #expect(await server.requests.count == 1)

            var all: [Int] = []
            for try await page in pages { all += page.items }
            #expect(all == [1, 2, 3])
            #expect(await server.requests.map(\.target) == ["/items", "/items", "/items/more?cursor=a%2Bb%3D&limit=2"])
        }
    }

    @Test func stopsAfterAnErrorAndOnCancellation() async throws {
        let failing = PageSequence<Int>(first: { 1 }, next: { (_: Int) throws(ClientError) -> Int? in throw .malformedStream("boom") })
        var iterator = failing.makeAsyncIterator()
        #expect(try await iterator.next() == 1)
        await #expect(throws: ClientError.self) { _ = try await iterator.next() }
        #expect(try await iterator.next() == nil)

        let endless = PageSequence<Int>(first: { 0 }, next: { $0 + 1 })
        /// Typed: the loop throws `ClientError`, so this compiles without a cast.
        @Sendable func count() async throws(ClientError) -> Int {
            var count = 0
            for try await _ in endless { count += 1; await Task.yield() }
            return count
        }
        let task = Task { () -> ClientError? in
            do throws(ClientError) {
                _ = try await count()
                return nil
            } catch {
                return error
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        guard case .cancelled? = await task.value else { Issue.record("expected cancelled"); return }
    }
}
