/// The pages of a paginated endpoint, fetched one at a time as the caller iterates, so breaking out
/// of the loop stops the requests.
public struct PageSequence<Page: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Page

    private let first: @Sendable () async throws -> Page
    private let next: @Sendable (Page) async throws -> Page?

    /// `next` receives the previous page and returns nil when there are no more.
    public init(first: @escaping @Sendable () async throws -> Page, next: @escaping @Sendable (Page) async throws -> Page?) {
        self.first = first
        self.next = next
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(first: first, next: next)
    }

    public struct Iterator: AsyncIteratorProtocol {
        private enum State {
            case start
            case after(Page)
            case finished
        }

        private let first: @Sendable () async throws -> Page
        private let next: @Sendable (Page) async throws -> Page?
        private var state = State.start

        fileprivate init(first: @escaping @Sendable () async throws -> Page, next: @escaping @Sendable (Page) async throws -> Page?) {
            self.first = first
            self.next = next
        }

        public mutating func next() async throws -> Page? {
            let page: Page?
            do {
                try Task.checkCancellation()
                switch state {
                case .start: page = try await first()
                case .after(let previous): page = try await next(previous)
                case .finished: return nil
                }
            } catch {
                state = .finished
                throw error
            }
            state = page.map(State.after) ?? .finished
            return page
        }
    }
}
