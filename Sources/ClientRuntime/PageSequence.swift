/// The pages of a paginated endpoint, fetched one at a time as the caller iterates, so breaking out
/// of the loop stops the requests. Iterating throws only `ClientError`, so a `for try await` loop in a
/// `throws(ClientError)` function needs no conversion.
public struct PageSequence<Page: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Page
    public typealias Failure = ClientError

    private let first: @Sendable () async throws(ClientError) -> Page
    private let next: @Sendable (Page) async throws(ClientError) -> Page?

    /// `next` receives the previous page and returns nil when there are no more.
    public init(
        first: @escaping @Sendable () async throws(ClientError) -> Page,
        next: @escaping @Sendable (Page) async throws(ClientError) -> Page?
    ) {
        self.first = first
        self.next = next
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(first: first, next: next)
    }

    public struct Iterator: AsyncIteratorProtocol {
        public typealias Failure = ClientError

        private enum State {
            case start
            case after(Page)
            case finished
        }

        private let first: @Sendable () async throws(ClientError) -> Page
        private let next: @Sendable (Page) async throws(ClientError) -> Page?
        private var state = State.start

        fileprivate init(first: @escaping @Sendable () async throws(ClientError) -> Page, next: @escaping @Sendable (Page) async throws(ClientError) -> Page?) {
            self.first = first
            self.next = next
        }

        public mutating func next() async throws(ClientError) -> Page? {
            let page: Page?
            do throws(ClientError) {
                if Task.isCancelled { throw .cancelled }
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
