/// How generated unions whose cases are objects find a received value's case.
public enum UnionDecoding {
    /// Of the cases that decode, the one that declares the most of the keys `decoder`'s object has, the first on a
    /// tie. Each case lists only the keys that tell it apart; cases that are not objects list none.
    ///
    /// Structs decode leniently, ignoring keys they do not declare and leaving out optional ones, so the first
    /// object case would otherwise take every object and drop what only a later case declares.
    public static func mostKeys<Union>(
        of decoder: any Decoder, in union: String, _ cases: [(keys: [String], decode: (any Decoder) throws -> Union)]
    ) throws -> Union {
        let present = Set((try? decoder.container(keyedBy: AnyCodingKey.self))?.allKeys.map(\.stringValue) ?? [])
        var best: (value: Union, score: Int)?
        for candidate in cases {
            guard let value = try? candidate.decode(decoder) else { continue }
            let score = candidate.keys.reduce(0) { $0 + (present.contains($1) ? 1 : 0) }
            if best.map({ score > $0.score }) ?? true {
                best = (value, score)
            }
        }
        guard let best else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "No case of \(union) matches"))
        }
        return best.value
    }

    /// A branch of an `anyOf` struct, when the value matches it: it decodes, and has every key in `keys` (the
    /// required ones the branch would otherwise read as null when absent).
    public static func branch<Branch: Decodable>(_ type: Branch.Type, from decoder: any Decoder, requiring keys: [String]) -> Branch? {
        guard let container = try? decoder.container(keyedBy: AnyCodingKey.self),
              keys.allSatisfy({ container.contains(AnyCodingKey(stringValue: $0)) }) else { return nil }
        return try? Branch(from: decoder)
    }
}
