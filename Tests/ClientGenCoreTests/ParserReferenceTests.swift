@testable import ClientGenCore
import Testing

@Suite struct ParserReferenceTests {
    private static let header = """
    openapi: 3.0.3
    info:
      title: T
      version: "1"

    """

    @Test func externalReferencesAreNamedAndResolvedRelativeToTheirFile() throws {
        let result = ParserFixtures.parse([
            "Specs/api.yaml": Self.header + """
            paths:
              /pets/{id}:
                parameters:
                  - $ref: 'shared/parameters.yaml#/id'
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: './schemas/pet.yaml'
                    default:
                      $ref: 'shared/responses.yaml#/Error'
            components:
              schemas:
                Error:
                  type: string
            """,
            "Specs/shared/parameters.yaml": "id:\n  name: id\n  in: path\n  required: true\n  schema:\n    type: integer\n",
            "Specs/shared/responses.yaml": """
            Error:
              description: failed
              content:
                application/json:
                  schema:
                    $ref: '../common.yaml#/components/schemas/Error'
            """,
            "Specs/common.yaml": "components:\n  schemas:\n    Error:\n      type: object\n      properties:\n        pet:\n          $ref: 'schemas/pet.yaml'\n",
            "Specs/schemas/pet.yaml": "type: object\nproperties:\n  name:\n    type: string\n",
        ], root: "Specs/api.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let document = try #require(result.document)
        #expect(document.schemas.map(\.name) == ["Error", "pet", "Error2"])
        #expect(document.schemas.map(\.reference.file) == ["Specs/api.yaml", "Specs/schemas/pet.yaml", "Specs/common.yaml"])
        let operation = try #require(document.operations.first)
        #expect(operation.parameters.map(\.name) == ["id"])
        #expect(operation.parameters[0].schema?.types == [.integer])
        #expect(operation.parameters[0].source.file == "Specs/shared/parameters.yaml")
        let error = try #require(operation.responses.last)
        #expect(error.status == .default)
        #expect(error.description == "failed")
        let reference = try #require(error.content.first?.schema?.reference)
        #expect(document.namedSchema(for: reference)?.name == "Error2")
        // `schemas/pet.yaml` from common.yaml and `./schemas/pet.yaml` from api.yaml are the same schema.
        let petFromCommon = try #require(document.schemas[2].schema.properties.first?.schema.reference)
        #expect(document.namedSchema(for: petFromCommon)?.name == "pet")
    }

    @Test func escapedAndPercentEncodedPointersAndNonComponentTargets() throws {
        let result = ParserFixtures.parse(Self.header + """
        paths:
          /users/{id}:
            get:
              parameters:
                - name: id
                  in: path
                  required: true
                  schema:
                    type: string
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          user:
                            $ref: '#/components/schemas/User/properties/address'
          /copy:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/paths/~1users~1%7Bid%7D/get/responses/200/content/application~1json/schema'
        components:
          schemas:
            User:
              type: object
              properties:
                address:
                  type: string
        """)
        #expect(result.diagnostics.map(\.description) == [])
        let document = try #require(result.document)
        #expect(document.schemas.map(\.name) == ["User", "address", "Schema"])
        #expect(document.schemas[2].reference.pointer == ["paths", "/users/{id}", "get", "responses", "200", "content", "application/json", "schema"])
        #expect(document.schemas[2].schema.properties.map(\.name) == ["user"])
    }

    @Test func siblingsOfReferencesAreKeptIn31AndIgnoredIn30() throws {
        let body = """
        info:
          title: T
          version: "1"
        paths: {}
        components:
          schemas:
            A:
              type: string
            B:
              $ref: '#/components/schemas/A'
              description: Overridden
              nullable: true
        """
        let v30 = try #require(ParserFixtures.parse("openapi: 3.0.3\n" + body).document)
        #expect(v30.schemas[1].schema.reference?.name == "A")
        #expect(v30.schemas[1].schema.description == nil)
        #expect(!v30.schemas[1].schema.nullable)
        let v31 = try #require(ParserFixtures.parse("openapi: 3.1.0\n" + body).document)
        #expect(v31.schemas[1].schema.reference?.name == "A")
        #expect(v31.schemas[1].schema.description == "Overridden")
        #expect(v31.schemas[1].schema.nullable)
    }

    @Test func discriminatorMappingAcceptsBareNamesAndReferences() throws {
        let result = ParserFixtures.parse(Self.header + """
        paths: {}
        components:
          schemas:
            Pet:
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
              discriminator:
                propertyName: kind
                mapping:
                  cat: Cat
                  dog: '#/components/schemas/Dog'
            Cat:
              type: object
            Dog:
              type: object
        """)
        #expect(result.diagnostics.map(\.description) == [])
        let pet = try #require(result.document?.schemas.first?.schema)
        let mapping = try #require(pet.discriminator?.mapping)
        #expect(mapping.map(\.value) == ["cat", "dog"])
        #expect(mapping.map(\.reference.pointer) == [["components", "schemas", "Cat"], ["components", "schemas", "Dog"]])
    }

    @Test func operationParametersOverridePathLevelOnes() throws {
        let result = ParserFixtures.parse(Self.header + """
        paths:
          /items/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - {name: limit, in: query, schema: {type: integer}}
            get:
              parameters:
                - {name: limit, in: query, required: true, schema: {type: integer, maximum: 10}}
                - {name: limit, in: header, schema: {type: string}}
              responses:
                '200': {description: ok}
        """)
        #expect(result.diagnostics.map(\.description) == [])
        let operation = try #require(result.document?.operations.first)
        #expect(operation.parameters.map { "\($0.location.rawValue):\($0.name)" } == ["path:id", "query:limit", "header:limit"])
        #expect(operation.parameters[1].required)
        #expect(operation.parameters[1].schema?.constraints.maximum == 10)
    }

    @Test func schemaKeywordsAreRead() throws {
        let result = ParserFixtures.parse(["api.yaml": """
        openapi: 3.1.0
        info: {title: T, version: "1"}
        paths: {}
        components:
          schemas:
            S:
              type: [string, 'null']
              format: uuid
              minLength: 1
              maxLength: 36
              pattern: '^[a-f0-9-]+$'
              deprecated: true
              readOnly: true
              examples: [abc, def]
              x-swift-name: Identifier
            N:
              type: number
              exclusiveMinimum: 0
              multipleOf: 0.5
            M:
              type: object
              additionalProperties:
                type: integer
            Closed:
              type: object
              additionalProperties: false
            Never: false
        """])
        #expect(result.diagnostics.map(\.description) == [])
        let schemas = try #require(result.document?.schemas)
        let s = schemas[0].schema
        #expect(s.types == [.string, .null])
        #expect(s.allowsNull)
        #expect(s.format == "uuid")
        #expect(s.constraints.minLength == 1)
        #expect(s.constraints.maxLength == 36)
        #expect(s.constraints.pattern == "^[a-f0-9-]+$")
        #expect(s.deprecated && s.readOnly)
        #expect(s.example == .string("abc"))
        #expect(s.swiftName == "Identifier")
        #expect(schemas[1].schema.constraints.exclusiveMinimum == 0)
        #expect(schemas[1].schema.constraints.multipleOf == 0.5)
        guard case .schema(let values) = schemas[2].schema.additionalProperties else {
            Issue.record("expected a schema for additionalProperties")
            return
        }
        #expect(values.types == [.integer])
        guard case .allowed(false) = schemas[3].schema.additionalProperties else {
            Issue.record("expected additionalProperties: false")
            return
        }
        #expect(schemas[4].schema.not != nil)
    }

    @Test func openAPI30BooleanExclusiveMinimumAndSloppyValues() throws {
        let result = ParserFixtures.parse(Self.header + """
        paths:
          /a:
            get:
              parameters:
              responses:
                200:
                  description: ok
        components:
          schemas:
            N:
              type: integer
              minimum: 5
              exclusiveMinimum: true
              maximum: 10
              exclusiveMaximum: false
              default: "seven"
              nullable: true
              required: [a, a]
        """)
        #expect(result.diagnostics.map(\.description) == [])
        let document = try #require(result.document)
        let n = document.schemas[0].schema
        #expect(n.constraints.exclusiveMinimum == 5)
        #expect(n.constraints.minimum == nil)
        #expect(n.constraints.maximum == 10)
        #expect(n.constraints.exclusiveMaximum == nil)
        #expect(n.defaultValue == .string("seven"))
        #expect(n.nullable)
        #expect(n.required == ["a"])
        #expect(document.operations.first?.responses.first?.status == .code(200))
    }

    @Test func statusKeys() {
        #expect(ParseContext.status("200") == .code(200))
        #expect(ParseContext.status("2XX") == .range(2))
        #expect(ParseContext.status("4xx") == .range(4))
        #expect(ParseContext.status("default") == .default)
        for bad in ["abc", "600", "2XY", "20", "2000", "099", "X00"] {
            #expect(ParseContext.status(bad) == nil, "\(bad)")
        }
    }

    @Test func sourcePaths() {
        #expect(SourcePath.resolve("./schemas/../common.yaml", relativeTo: "Specs/api.yaml") == "Specs/common.yaml")
        #expect(SourcePath.resolve("common.yaml", relativeTo: "api.yaml") == "common.yaml")
        #expect(SourcePath.resolve("../x.yaml", relativeTo: "api.yaml") == "../x.yaml")
        #expect(SourcePath.resolve("/abs/x.yaml", relativeTo: "Specs/api.yaml") == "/abs/x.yaml")
        #expect(SourcePath.baseName("Specs/schemas/pet.yaml") == "pet")
    }

    @Test func referencesAreEveryWhereNamed() throws {
        // A named schema exists for every reference, including ones only a discriminator or a nested file uses.
        let result = ParserFixtures.parse(["api.yaml": Self.header + """
        paths: {}
        components:
          schemas:
            A:
              properties:
                b:
                  $ref: 'b.yaml#/B'
        """, "b.yaml": "B:\n  type: object\n  properties:\n    c:\n      $ref: '#/C'\nC:\n  type: string\n"])
        let document = try #require(result.document)
        #expect(document.schemas.map(\.name) == ["A", "B", "C"])
        #expect(document.schemaIndex.count == 3)
    }
}
