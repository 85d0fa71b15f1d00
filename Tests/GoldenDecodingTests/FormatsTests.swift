import ClientRuntime
import Foundation
import GoldenFormats
import Testing

@Suite struct FormatsTests {
    static let json = """
        {"id": "6F9619FF-8B86-D011-B42D-00C04FC964FF", "at": "2024-04-29T21:11:17.250Z", "day": "2024-02-29",
         "small": 2147483647, "big": 9007199254740993, "ratio": 0.1, "precise": 0.1,
         "payload": "AQID", "encoded": "aGk=", "link": "https://example.com/a?b=c"}
        """

    @Test func formatsMapToSwiftTypes() throws {
        let event = try GoldenCoding.decode(Event.self, Self.json)
        #expect(event.id == UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF"))
        #expect(event.at == Date(timeIntervalSince1970: 1_714_425_077.25))
        #expect(event.day == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(event.small == Int32.max)
        #expect(event.big == 9_007_199_254_740_993)
        // `format: float` is a Double: a Float would give 0.1 back as 0.10000000149011612.
        #expect(event.ratio == 0.1)
        #expect(try GoldenCoding.json(event)["ratio"] == .double(0.1))
        #expect(event.precise == 0.1)
        #expect(event.payload == Data([1, 2, 3]))
        #expect(event.encoded == Data("hi".utf8))
        #expect(event.link == "https://example.com/a?b=c")
        #expect(try GoldenCoding.roundTrip(event) == event)
    }

    @Test func datesWithAndWithoutFractionalSeconds() throws {
        let base = #"{"id": "6F9619FF-8B86-D011-B42D-00C04FC964FF", "day": "2024-04-29", "small": 1, "big": 1, "ratio": 1, "precise": 1, "at": "#
        let whole = try GoldenCoding.decode(Event.self, base + #""2024-04-29T21:11:17Z"}"#)
        let fractional = try GoldenCoding.decode(Event.self, base + #""2024-04-29T23:11:17.123456+02:00"}"#)
        #expect(whole.at == Date(timeIntervalSince1970: 1_714_425_077))
        #expect(abs(fractional.at.timeIntervalSince(whole.at) - 0.123456) < 1e-6)
        #expect(try GoldenCoding.json(whole)["at"] == .string("2024-04-29T21:11:17Z"))
        #expect(try GoldenCoding.json(fractional)["at"] == .string("2024-04-29T21:11:17.123456Z"))
        #expect(throws: DecodingError.self) { try GoldenCoding.decode(Event.self, base + #""yesterday"}"#) }
        #expect(throws: DecodingError.self) {
            try GoldenCoding.decode(Event.self, base.replacingOccurrences(of: "2024-04-29", with: "2023-02-29") + #""2024-04-29T21:11:17Z"}"#)
        }
    }

    @Test func formattedParameters() {
        let client = Client(serverURL: URL(string: "https://example.com")!)
        let _: (UUID, Date?, CalendarDate?) async throws(ClientError) -> Event = client.getEvent
    }
}
