import ClientRuntime
import Foundation
import GoldenComposition
import Testing

@Suite struct CompositionTests {
    /// A name `required` lists and no part declares is a property, not dropped: untyped, or typed as the
    /// additional properties are; a body without it does not decode.
    @Test func namesListedOnlyInRequiredAreKept() throws {
        let envelope = try GoldenCoding.decode(Envelope.self, #"{"id": "e1", "payload": {"n": [1, 2]}}"#)
        #expect(envelope.payload == .object(["n": .array([.int(1), .int(2)])]))
        #expect(try GoldenCoding.json(Envelope(id: "e1", payload: .string("p"))) == .object(["id": .string("e1"), "payload": .string("p")]))
        #expect(throws: DecodingError.self) { try GoldenCoding.decode(Envelope.self, #"{"id": "e1"}"#) }

        let labels = try GoldenCoding.decode(Labels.self, #"{"primary": "red", "shade": "dark"}"#)
        #expect(labels.primary == "red")
        #expect(labels.additionalProperties == ["shade": "dark"])
        #expect(try GoldenCoding.roundTrip(labels) == labels)
    }

    @Test func allOfMergesNestedPartsAndOwnProperties() throws {
        let employee = try GoldenCoding.decode(Employee.self, """
            {"name": "Ada", "createdAt": "2024-04-29T21:11:17Z", "employeeId": 7, "manager": "Grace"}
            """)
        #expect(employee.name == "Ada")
        #expect(employee.employeeId == 7)
        #expect(employee.manager == "Grace")
        #expect(employee.createdAt == Date(timeIntervalSince1970: 1_714_425_077))
        #expect(try GoldenCoding.roundTrip(employee) == employee)
        #expect(throws: DecodingError.self) {
            try GoldenCoding.decode(Employee.self, #"{"name": "Ada", "createdAt": "2024-04-29T21:11:17Z"}"#)
        }
    }

    @Test func loneAllOfWithDefaultIsTheReferencedType() throws {
        let task = try GoldenCoding.decode(Task.self, "{}")
        let status: Status = task.status
        #expect(status == .active)
        #expect(try GoldenCoding.decode(Task.self, #"{"status": "retired"}"#).status == .retired)
        let owner: Named? = try GoldenCoding.decode(Task.self, #"{"owner": {"name": "x"}}"#).owner
        #expect(owner == Named(name: "x"))
    }

    @Test func discriminatorMappingPicksTheCase() throws {
        let pets = try GoldenCoding.decode([Pet].self, """
            [{"petType": "cat", "meows": true}, {"petType": "kitty", "meows": false},
             {"petType": "dog", "barks": true}, {"petType": "Lizard", "scales": 3}]
            """)
        #expect(pets == [
            .cat(Cat(petType: "cat", meows: true)), .cat(Cat(petType: "kitty", meows: false)),
            .dog(Dog(petType: "dog", barks: true)), .lizard(Lizard(petType: "Lizard", scales: 3)),
        ])
        #expect(try GoldenCoding.roundTrip(pets) == pets)
        #expect(throws: DecodingError.self) {
            try GoldenCoding.decode(Pet.self, #"{"petType": "Cat", "meows": true}"#)
        }
    }

    @Test func implicitDiscriminatorMappingUsesSchemaNames() throws {
        #expect(try GoldenCoding.decode(PetInput.self, #"{"petType": "Dog", "barks": false}"#) == .dog(Dog(petType: "Dog", barks: false)))
        #expect(try GoldenCoding.decode(PetInput.self, #"{"petType": "Cat", "meows": true}"#) == .cat(Cat(petType: "Cat", meows: true)))
        #expect(throws: DecodingError.self) {
            try GoldenCoding.decode(PetInput.self, #"{"petType": "dog", "barks": false}"#)
        }
    }

    @Test func oneOfObjectsWithoutDiscriminatorTriesEachCase() throws {
        #expect(try GoldenCoding.decode(Shape.self, #"{"radius": 2}"#) == .circle(Circle(radius: 2)))
        #expect(try GoldenCoding.decode(Shape.self, #"{"side": 1.5}"#) == .square(Square(side: 1.5)))
        #expect(try GoldenCoding.json(Shape.square(Square(side: 3))) == .object(["side": .int(3)]))
        #expect(throws: DecodingError.self) { try GoldenCoding.decode(Shape.self, #"{"width": 1}"#) }
    }

    @Test func anyOfPrimitives() throws {
        #expect(try GoldenCoding.decode(Identifier.self, #""abc""#) == .string("abc"))
        #expect(try GoldenCoding.decode(Identifier.self, "42") == .integer(42))
        #expect(try GoldenCoding.json(Identifier.integer(42)) == .int(42))
        #expect(throws: DecodingError.self) { try GoldenCoding.decode(Identifier.self, "true") }
        let labelled = try GoldenCoding.decode(Labelled.self, #"{"id": 5, "alias": "five", "inlineChoice": {"code": 5}}"#)
        #expect(labelled.id == .integer(5))
        #expect(labelled.alias == .string("five"))
        #expect(labelled.inlineChoice == .byCode(LabelledInlineChoiceByCode(code: 5)))
        #expect(try GoldenCoding.decode(Labelled.self, #"{"id": "x", "inlineChoice": {"name": "n"}}"#).inlineChoice == .byName(.init(name: "n")))
    }

    @Test func operationSignatures() {
        let client = Client(serverURL: URL(string: "https://example.com")!)
        let _: (PetInput) async throws(ClientError) -> Pet = client.createPet
        let _: () async throws(ClientError) -> [Pet] = client.listPets
        let _: () async throws(ClientError) -> Shape = client.getShape
    }
}
