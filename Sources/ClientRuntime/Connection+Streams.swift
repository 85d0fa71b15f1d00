import Foundation

extension Connection {
    /// The events of a `text/event-stream` response, each event's data decoded as JSON into `Payload`. `request`
    /// is sent again to reconnect a GET stream.
    public func events<Payload: Decodable & Sendable>(from response: StreamedResponse, as type: Payload.Type, request: Request) -> ServerSentEvents<Payload> {
        let makeDecoder = configuration.makeDecoder
        return ServerSentEvents(connection: self, response: response, request: request) { text in
            do {
                return try makeDecoder().decode(Payload.self, from: Data(text.utf8))
            } catch let error as DecodingError {
                throw ClientError.decoding(DecodingFailure(
                    status: response.status, codingPath: "event data", message: "\(error)", bodySnippet: ClientError.snippet(of: Data(text.utf8))))
            }
        }
    }

    /// The events of a `text/event-stream` response with their data as text.
    public func events(from response: StreamedResponse, request: Request) -> ServerSentEvents<String> {
        ServerSentEvents(connection: self, response: response, request: request) { $0 }
    }

    /// The JSON values of a JSON Lines, NDJSON or JSON text sequence response, decoded as `Item`.
    public func jsonStream<Item: Decodable & Sendable>(from response: StreamedResponse, as type: Item.Type, framing: JSONStream<Item>.Framing) -> JSONStream<Item> {
        JSONStream(body: response.body, framing: framing, maxItemBytes: configuration.streaming.maxItemBytes, decoder: configuration.makeDecoder)
    }
}
