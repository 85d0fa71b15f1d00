import ClientRuntime
import Foundation
import GoldenUnions
import HTTPTestServer
import Testing

/// `unions.yaml`: oneOf and anyOf without a discriminator mapping decode into the branch the value is, and encode
/// back to what was received.
@Suite struct UnionsTests {
    /// Each branch's `type` has one value of its own (a `const` or an `enum` of one), so it names the branch; taking
    /// the first branch that decodes would read every status as active and drop the reason.
    @Test func aBranchIsTheOneWhoseTypeTheValueCarries() throws {
        let statuses = try GoldenCoding.decode([ThreadStatus].self, """
            [{"type": "active"}, {"type": "locked", "reason": "spam"}, {"type": "closed", "reason": null}]
            """)
        #expect(statuses == [
            .activeStatus(ActiveStatus(type: "active")),
            .lockedStatus(LockedStatus(type: "locked", reason: "spam")),
            .closedStatus(ClosedStatus(type: "closed", reason: nil)),
        ])
        #expect(try GoldenCoding.json(statuses[1]) == .object(["type": .string("locked"), "reason": .string("spam")]))
        #expect(throws: DecodingError.self) { try GoldenCoding.decode(ThreadStatus.self, #"{"type": "archived"}"#) }
    }

    /// An ID, or an object its `object` names: the text is tried first, then the tag picks the branch.
    @Test func anExpandableFieldIsAnIDOrTheObjectItsTagNames() throws {
        #expect(try GoldenCoding.decode(Owner.self, #""u_1""#) == .string("u_1"))
        let team = try GoldenCoding.decode(Owner.self, #"{"object": "team", "id": "t_1", "slug": "core"}"#)
        #expect(team == .team(Team(object: "team", id: "t_1", slug: "core")))
        #expect(try GoldenCoding.json(team) == .object(["object": .string("team"), "id": .string("t_1"), "slug": .string("core")]))
    }

    /// Both versions decode any campaign; the one declaring more of the keys received is the one that keeps them.
    @Test func aBranchIsTheOneDeclaringMostOfTheKeysReceived() throws {
        let v2 = #"{"sid": "c1", "privacy_policy_url": "https://example.com/privacy", "terms_url": "https://example.com/terms"}"#
        guard case .campaignV2(let campaign) = try GoldenCoding.decode(Campaign.self, v2) else {
            Issue.record("a campaign with a privacy policy is a CampaignV2")
            return
        }
        #expect(campaign.privacyPolicyUrl == "https://example.com/privacy")
        #expect(try GoldenCoding.json(Campaign.campaignV2(campaign)) == GoldenCoding.decode(JSONValue.self, v2))
        #expect(try GoldenCoding.decode(Campaign.self, #"{"sid": "c2", "description": "d"}"#) == .campaignV1(CampaignV1(sid: "c2", description: "d")))
    }

    /// A value matching several branches of an anyOf keeps each: every key one of them declares comes back.
    @Test func anyOfKeepsEveryBranchTheValueMatches() throws {
        let text = #"{"id": 1, "type": "reviewers", "wait_timer": 30, "reviewers": ["ada"]}"#
        let rule = try GoldenCoding.decode(ProtectionRule.self, text)
        #expect(rule.waitTimer?.waitTimer == 30)
        #expect(rule.reviewers?.reviewers == ["ada"])
        // The lock branch requires `lock_reason`; its absence means the value is not a lock, not a lock with null.
        #expect(rule.lock == nil)
        #expect(try GoldenCoding.json(rule) == GoldenCoding.decode(JSONValue.self, text))

        let lock = try GoldenCoding.decode(ProtectionRule.self, #"{"id": 2, "lock_reason": null}"#)
        #expect(lock.lock?.id == 2)
        #expect(lock.waitTimer == nil)
        #expect(try GoldenCoding.json(lock) == .object(["id": .int(2), "lock_reason": .null]))
        #expect(throws: DecodingError.self) { try GoldenCoding.decode(ProtectionRule.self, #""wait""#) }
    }

    /// Through the generated method over HTTP, and with `format: float` read as a Double: 0.1 comes back as 0.1.
    @Test func aThreadComesBackAsItWasSent() async throws {
        let text = """
            {"id": "t1", "status": {"type": "closed", "reason": "resolved"}, "owner": {"object": "user", "id": "u_1", "login": "ada"},
             "campaign": {"sid": "c1", "privacy_policy_url": "https://example.com/privacy"}, "score": 0.1}
            """
        try await withTestServer { server async throws in
            await server.script("/threads/t1", .json(text))
            let thread = try await Client(serverURL: server.url).getThread(id: "t1")
            #expect(thread.score == 0.1)
            #expect(try GoldenCoding.json(thread) == GoldenCoding.decode(JSONValue.self, text))
        }
    }
}
