/// `consumes` and `produces`: what an operation sends and accepts, which Swagger says once per operation and
/// OpenAPI 3 per body.
extension Swagger2Converter {
    /// Its own `consumes` and `produces`, else the document's, else JSON.
    struct MediaTypes {
        var consumes: [String]
        var produces: [String]
    }

    /// The media types of an operation; `reporting` is off when only a reference's target is being worked out.
    func media(of operation: YAMLMapping, _ cursor: Cursor, reporting: Bool) -> MediaTypes {
        MediaTypes(
            consumes: operation.value("consumes").flatMap { mediaList($0, cursor / "consumes", reporting: reporting) } ?? documentMedia.consumes,
            produces: operation.value("produces").flatMap { mediaList($0, cursor / "produces", reporting: reporting) } ?? documentMedia.produces
        )
    }

    /// A `consumes` or `produces` list; nil when it names none, so the caller falls back.
    func mediaList(_ node: YAMLNode, _ cursor: Cursor, reporting: Bool) -> [String]? {
        var result: [String] = []
        switch node {
        case .scalar(let scalar):
            guard let text = node.text else { return nil }
            if reporting {
                context.defect("'\(cursor.path.components.last ?? "")' should be a list of media types; read as [\(text)]", cursor, at: scalar.location)
            }
            result = [text]
        case .sequence(let list):
            for (index, item) in list.items.enumerated() {
                guard let text = item.text else {
                    if reporting {
                        context.defect("expected a media type, found \(item.kindDescription); it is ignored", cursor / index, at: item.location)
                    }
                    continue
                }
                if !result.contains(text) { result.append(text) }
            }
        case .mapping:
            if reporting {
                context.defect("expected a list of media types, found a mapping; it is ignored", cursor, at: node.location)
            }
        }
        return result.isEmpty ? nil : result
    }
}
