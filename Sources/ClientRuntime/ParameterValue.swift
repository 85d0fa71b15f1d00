import Foundation

/// The shape of a parameter value after `Encodable` has run: OpenAPI's serialization rules only care
/// whether a value is a primitive, an array or an object, so everything is reduced to that first.
indirect enum ParameterValue: Equatable, Sendable {
    case null
    case primitive(String)
    case array([ParameterValue])
    /// Keeps the encoding order, because servers and tests alike expect `a[x]=1&a[y]=2` to stay stable.
    case object([(key: String, value: ParameterValue)])

    static func == (lhs: ParameterValue, rhs: ParameterValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.primitive(a), .primitive(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// Encodes any `Encodable` into the tree. Dates become RFC 3339 text rather than the `Double`
    /// their own `Encodable` conformance would produce, since no server expects seconds since 2001.
    static func encode(_ value: some Encodable) throws -> ParameterValue {
        let node = ParameterNode()
        try ParameterEncoder(node: node, codingPath: []).encodeValue(value)
        return node.value
    }
}

/// A mutable tree node: `Encoder` hands out containers before their contents are known, so the tree
/// has to be built by reference and frozen into `ParameterValue` at the end.
final class ParameterNode {
    enum Content {
        case empty
        case null
        case primitive(String)
        case array([ParameterNode])
        case object([(String, ParameterNode)])
    }

    var content: Content = .empty

    var value: ParameterValue {
        switch content {
        case .empty, .null: .null
        case .primitive(let text): .primitive(text)
        case .array(let nodes): .array(nodes.map(\.value))
        case .object(let pairs): .object(pairs.map { (key: $0.0, value: $0.1.value) })
        }
    }

    func appendElement() -> ParameterNode {
        let child = ParameterNode()
        if case .array(var nodes) = content {
            nodes.append(child)
            content = .array(nodes)
        } else {
            content = .array([child])
        }
        return child
    }

    func child(forKey key: String) -> ParameterNode {
        var pairs: [(String, ParameterNode)] = []
        if case .object(let existing) = content {
            if let found = existing.first(where: { $0.0 == key }) { return found.1 }
            pairs = existing
        }
        let child = ParameterNode()
        pairs.append((key, child))
        content = .object(pairs)
        return child
    }

    func becomeObject() {
        if case .object = content { return }
        content = .object([])
    }

    func becomeArray() {
        if case .array = content { return }
        content = .array([])
    }
}

struct ParameterEncoder: Encoder {
    let node: ParameterNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, codingPath: codingPath)
    }

    func encodeValue(_ value: some Encodable) throws {
        switch value {
        case let date as Date: node.content = .primitive(RFC3339.string(from: date))
        case let url as URL: node.content = .primitive(url.absoluteString)
        // RFC 9562 §4: UUIDs are output in lower case (`uuidString` is upper case), as APIs document and
        // as servers matching paths case-sensitively (Django's `<uuid:…>`) require.
        case let uuid as UUID: node.content = .primitive(uuid.uuidString.lowercased())
        case let decimal as Decimal: node.content = .primitive(decimal.description)
        case let data as Data: node.content = .primitive(data.base64EncodedString())
        case let number as Double: node.content = .primitive(try Self.format(number, codingPath))
        case let number as Float: node.content = .primitive(try Self.format(Double(number), codingPath))
        default: try value.encode(to: self)
        }
    }

    /// Integral doubles print without `.0` so that `limit=10` does not turn into `limit=10.0`.
    static func format(_ number: Double, _ codingPath: [any CodingKey]) throws -> String {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: codingPath, debugDescription: "\(number) has no text form"))
        }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: ParameterNode
    let codingPath: [any CodingKey]

    private func encoder(for key: Key) -> ParameterEncoder {
        ParameterEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }

    mutating func encodeNil(forKey key: Key) throws { encoder(for: key).node.content = .null }
    mutating func encode(_ value: Bool, forKey key: Key) throws { encoder(for: key).node.content = .primitive(value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws { encoder(for: key).node.content = .primitive(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder(for: key).encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder(for: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder(for: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        ParameterEncoder(node: node.child(forKey: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder(for: key) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    struct IndexKey: CodingKey {
        var stringValue: String { "\(intValue!)" }
        var intValue: Int?
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    let node: ParameterNode
    let codingPath: [any CodingKey]
    private(set) var count = 0

    init(node: ParameterNode, codingPath: [any CodingKey]) {
        self.node = node
        self.codingPath = codingPath
    }

    private mutating func nextEncoder() -> ParameterEncoder {
        defer { count += 1 }
        return ParameterEncoder(node: node.appendElement(), codingPath: codingPath + [IndexKey(count)])
    }

    mutating func encodeNil() throws { nextEncoder().node.content = .null }
    mutating func encode(_ value: Bool) throws { nextEncoder().node.content = .primitive(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { nextEncoder().node.content = .primitive(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try nextEncoder().encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        nextEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        nextEncoder().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { nextEncoder() }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: ParameterNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .null }
    mutating func encode(_ value: Bool) throws { node.content = .primitive(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { node.content = .primitive(value) }
    mutating func encode(_ value: Double) throws { node.content = .primitive(try ParameterEncoder.format(value, codingPath)) }
    mutating func encode(_ value: Float) throws { node.content = .primitive(try ParameterEncoder.format(Double(value), codingPath)) }
    mutating func encode(_ value: Int) throws { node.content = .primitive(String(value)) }
    mutating func encode(_ value: Int8) throws { node.content = .primitive(String(value)) }
    mutating func encode(_ value: Int16) throws { node.content = .primitive(String(value)) }
    mutating func encode(_ value: Int32) throws { node.content = .primitive(String(value)) }
    mutating func encode(_ value: Int64) throws { node.content = .primitive(String(value)) }
    mutating func encode(_ value: UInt) throws { node.content = .primitive(String(value)) }
    mutating func encode(_ value: UInt8) throws { node.content = .primitive(String(value)) }
    mutating func encode(_ value: UInt16) throws { node.content = .primitive(String(value)) }
    mutating func encode(_ value: UInt32) throws { node.content = .primitive(String(value)) }
    mutating func encode(_ value: UInt64) throws { node.content = .primitive(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try ParameterEncoder(node: node, codingPath: codingPath).encodeValue(value) }
}
