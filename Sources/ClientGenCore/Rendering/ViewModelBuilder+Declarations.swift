extension ViewModelBuilder {
    func declaration(_ declaration: Declaration) -> DeclarationViewModel {
        switch declaration {
        case .structure(let structure): .structure(self.structure(structure))
        case .enumeration(let enumeration): .enumeration(self.enumeration(enumeration))
        case .union(let union): .union(self.union(union))
        case .alias(let alias):
            .alias(AliasViewModel(access: accessKeyword, name: alias.name, docLines: docLines(alias.documentation), type: alias.target.spelling))
        case .form(let form):
            .form(self.form(form))
        case .output(let output):
            .output(self.output(output))
        }
    }

    private func output(_ output: OutputModel) -> OutputViewModel {
        OutputViewModel(
            access: accessKeyword, name: output.name,
            docLines: DocLines("The answer to `\(output.request)`: a case for each documented success status.", nil).lines,
            cases: output.cases.map { outputCase in
                let summary = outputCase.description.flatMap { DocLines.split($0).first(where: { !$0.isEmpty }) }
                return OutputCaseViewModel(
                    name: Self.escaped(outputCase.name), payload: outputCase.payload?.spelling,
                    docLines: DocLines(["HTTP \(outputCase.status)", summary].compactMap { $0 }.joined(separator: ": "), nil).lines
                )
            }
        )
    }

    private func form(_ form: FormModel) -> FormViewModel {
        var propertyLines: [String] = []
        var parameters: [ParameterViewModel] = []
        var partLines: [String] = []
        for field in form.fields {
            let name = Self.escaped(field.name)
            propertyLines += docLines(field.documentation).map { "///" + $0 }
            propertyLines.append("\(accessKeyword)var \(name): \(field.type.spelling)")
            parameters.append(ParameterViewModel(
                name: name, type: field.type.spelling,
                defaultValue: field.defaultValue.map(Self.literal) ?? (field.type.isOptional ? "nil" : nil), isLast: false
            ))
            guard case .part(let part, let kind, let contentType, let headers) = field.role else { continue }
            let method = switch kind {
            case .text: "field"
            case .texts: "fields"
            case .file: "file"
            case .files: "files"
            case .json: "json"
            }
            var arguments = "\(SwiftLiteral.string(part)), \(name)"
            if let contentType { arguments += ", contentType: \(SwiftLiteral.string(contentType))" }
            if !headers.isEmpty {
                let pairs = headers.map { "(\(SwiftLiteral.string($0.header)), \(Self.escaped($0.field)))" }.joined(separator: ", ")
                arguments += ", headers: HeaderFields(values: [\(pairs)])"
            }
            partLines.append("form.\(method)(\(arguments))")
        }
        parameters = Self.markingLast(parameters)
        let inlineLength = parameters.reduce(0) { $0 + $1.name.count + $1.type.count + ($1.defaultValue?.count ?? 0) + 6 }
        return FormViewModel(
            access: accessKeyword, name: form.name, docLines: docLines(form.documentation), propertyLines: propertyLines,
            initIsMultiline: parameters.count > 3 || inlineLength > 80,
            initParameterList: parameters.map(\.declaration).joined(separator: ", "),
            initParameterLines: parameters.map { $0.declaration + ($0.isLast ? "" : ",") },
            assignments: parameters.map { "self.\($0.name) = \($0.name)" },
            partLines: partLines
        )
    }

    private func enumeration(_ enumeration: EnumModel) -> EnumViewModel {
        let cases = enumeration.cases.map { enumCase in
            let rawLiteral = switch enumCase.value {
            case .string(let text): SwiftLiteral.string(text)
            case .int(let number): String(number)
            default: "nil"
            }
            return EnumCaseViewModel(name: Self.escaped(enumCase.name), rawLiteral: rawLiteral)
        }
        return EnumViewModel(
            access: accessKeyword, name: enumeration.name, docLines: docLines(enumeration.documentation),
            deprecated: enumeration.documentation.deprecated, rawType: enumeration.rawType.rawValue, cases: cases,
            caseLines: LinePacking.pack(cases.map(\.name), width: 91)
        )
    }

    private func union(_ union: UnionModel) -> UnionViewModel {
        let cases = union.cases.enumerated().map { index, unionCase in
            UnionCaseViewModel(
                name: Self.escaped(unionCase.name), type: unionCase.type.spelling, isFirst: index == 0,
                distinctKeys: "[" + unionCase.distinctKeys.map(SwiftLiteral.string).joined(separator: ", ") + "]"
            )
        }
        var discriminator: UnionModel.Discriminator?
        if case .discriminator(let value) = union.selection { discriminator = value }
        let mappings = discriminator?.mappings.compactMap { mapping -> DiscriminatorMappingViewModel? in
            guard let unionCase = union.cases.first(where: { $0.name == mapping.caseName }) else { return nil }
            return DiscriminatorMappingViewModel(
                valueLiterals: mapping.values.map(SwiftLiteral.string).joined(separator: ", "),
                caseName: Self.escaped(mapping.caseName),
                caseType: unionCase.type.spelling
            )
        } ?? []
        let mostKeys = if case .mostKeys = union.selection { true } else { false }
        return UnionViewModel(
            access: accessKeyword, name: union.name, docLines: docLines(union.documentation),
            deprecated: union.documentation.deprecated, indirect: union.indirect, cases: cases,
            discriminator: discriminator.map { SwiftLiteral.string($0.propertyName) }, discriminatorMappings: mappings,
            valueCases: zip(union.cases, cases).filter { discriminator?.valueCases.contains($0.0.name) ?? false }.map(\.1),
            mostKeys: mostKeys
        )
    }

    private func structure(_ structure: StructModel) -> StructViewModel {
        let properties = structure.properties.map(PropertySpelling.init)
        let extra = structure.additionalProperties.map { (name: Self.escaped($0.name), type: $0.valueType.spelling) }
        var objectBranches: [String: StructModel.ObjectBranch]?
        if case .everyMatchingBranch(let objects) = structure.coding { objectBranches = objects }
        let customDecoding = objectBranches != nil || extra != nil || structure.properties.contains { $0.defaultValue != nil }
        let customEncoding = objectBranches != nil || extra != nil || structure.properties.contains(where: \.encodesNull)
        // Declared properties need keys; a struct made only of extra members reads them all, so it has none, and
        // one made of branches reads each from the whole value.
        let hasCodingKeys = objectBranches == nil && !properties.isEmpty
            && (customDecoding || customEncoding || properties.contains(where: \.keyDiffers))

        var propertyLines: [String] = []
        for property in properties {
            propertyLines += DocLines(property.model.documentation.title, property.model.documentation.description).lines.map { "///" + $0 }
            if property.model.documentation.deprecated { propertyLines.append("@available(*, deprecated)") }
            let declaration = "\(accessKeyword)var \(property.name): \(property.type)"
            if let storage = property.storageValue {
                propertyLines += [declaration + " {", "    get { \(storage) }", "    set { \(storage) = newValue }", "}"]
            } else {
                propertyLines.append(declaration)
            }
        }
        var parameters = properties.map { property in
            ParameterViewModel(
                name: property.name, type: property.type,
                defaultValue: property.model.defaultValue.map(Self.literal) ?? (property.model.type.isOptional ? "nil" : nil), isLast: false
            )
        }
        if let extra {
            parameters.append(ParameterViewModel(name: extra.name, type: "[String: \(extra.type)]", defaultValue: Self.literal(.emptyDictionary), isLast: false))
        }
        parameters = Self.markingLast(parameters)
        let inlineLength = parameters.reduce(0) { $0 + $1.name.count + $1.type.count + ($1.defaultValue?.count ?? 0) + 6 }

        return StructViewModel(
            access: accessKeyword,
            name: structure.name,
            docLines: docLines(structure.documentation),
            deprecated: structure.documentation.deprecated,
            propertyLines: propertyLines,
            storage: properties.compactMap { property in
                property.model.storageName.map { "\($0): \(property.model.indirect ? "Indirect<\(property.type)>" : property.type)" }
            },
            additionalProperties: extra.map { AdditionalPropertiesViewModel(name: $0.name, valueType: $0.type) },
            hasCodingKeys: hasCodingKeys,
            codingKeyLines: LinePacking.pack(properties.map { $0.keyDiffers ? "\($0.codingKey) = \(SwiftLiteral.string($0.model.jsonKey))" : $0.codingKey }, width: 87),
            initIsMultiline: parameters.count > 3 || inlineLength > 80,
            initParameterList: parameters.map(\.declaration).joined(separator: ", "),
            initParameterLines: parameters.map { $0.declaration + ($0.isLast ? "" : ",") },
            assignments: properties.map { property in
                if property.model.indirect, let storage = property.model.storageName {
                    return "self.\(storage) = Indirect(wrappedValue: \(property.name))"
                }
                return "self.\(property.model.storageName ?? property.name) = \(property.name)"
            } + (extra.map { ["self.\($0.name) = \($0.name)"] } ?? []),
            customDecoding: customDecoding,
            decodeStatements: objectBranches.map { Self.branchDecoding(structure.name, properties, objects: $0) }
                ?? (properties.isEmpty ? [] : ["let container = try decoder.container(keyedBy: CodingKeys.self)"])
                + properties.map { "self.\($0.model.storageName ?? $0.name) = \($0.decodeExpression)" }
                + (extra.map { ["self.\($0.name) = try AdditionalProperties.decode(from: decoder\(hasCodingKeys ? ", excluding: CodingKeys.self" : ""))"] } ?? []),
            customEncoding: customEncoding,
            encodeStatements: objectBranches.map { Self.branchEncoding(properties, objects: $0) }
                ?? (properties.isEmpty ? [] : ["var container = encoder.container(keyedBy: CodingKeys.self)"])
                + properties.map { "try container.\($0.encodeMethod)(self.\($0.storageValue ?? $0.name), forKey: .\($0.codingKey))" }
                + (extra.map { ["try AdditionalProperties.encode(self.\($0.name), to: encoder)"] } ?? [])
        )
    }

    /// Each branch from the whole value, kept when it matches; a value no branch matches is an error.
    private static func branchDecoding(_ typeName: String, _ properties: [PropertySpelling], objects: [String: StructModel.ObjectBranch]) -> [String] {
        let assignments = properties.map { property in
            let type = property.model.type.unwrapped.spelling
            let keys = objects[property.model.name]?.requiredNullableKeys ?? []
            let attempt = keys.isEmpty
                ? "try? \(type)(from: decoder)"
                : "UnionDecoding.branch(\(type).self, from: decoder, requiring: [\(keys.map(SwiftLiteral.string).joined(separator: ", "))])"
            return "self.\(property.model.storageName ?? property.name) = " + (property.model.indirect ? "Indirect(wrappedValue: \(attempt))" : attempt)
        }
        return assignments + [
            "if " + properties.map { "\($0.name) == nil" }.joined(separator: ", ") + " {",
            "    throw DecodingError.dataCorrupted(DecodingError.Context(",
            "        codingPath: decoder.codingPath, debugDescription: \"No branch of \(typeName) matches\"))",
            "}",
        ]
    }

    /// A branch that is not an object is the whole value and is written alone; object branches are written into one
    /// object, each adding its keys.
    private static func branchEncoding(_ properties: [PropertySpelling], objects: [String: StructModel.ObjectBranch]) -> [String] {
        let values = properties.filter { objects[$0.model.name] == nil }.flatMap { property in
            ["if let value = \(property.name) {", "    try value.encode(to: encoder)", "    return", "}"]
        }
        return values + properties.filter { objects[$0.model.name] != nil }.map { "try \($0.name)?.encode(to: encoder)" }
    }
}

/// How one property is spelled in the several places a struct mentions it.
private struct PropertySpelling {
    let model: PropertyModel
    let name: String
    let type: String
    /// The key the property is coded under: its own name, or its storage's.
    let codingKey: String
    let keyDiffers: Bool
    /// What the computed property reads and writes (`_parent.wrappedValue`, `_forks`); nil when stored directly.
    let storageValue: String?

    init(_ model: PropertyModel) {
        self.model = model
        name = ViewModelBuilder.escaped(model.name)
        type = model.type.spelling
        codingKey = model.storageName ?? name
        keyDiffers = model.indirect || model.jsonKey != (model.storageName ?? model.name)
        storageValue = model.storageName.map { model.indirect ? $0 + ".wrappedValue" : $0 }
    }

    /// Synthesized decoding's equivalent, falling back to the spec's default for an absent key.
    var decodeExpression: String {
        let valueType = model.type.unwrapped.spelling
        var call = model.type.isOptional || model.defaultValue != nil
            ? "container.decodeIfPresent(\(valueType).self, forKey: .\(codingKey))"
            : "container.decode(\(valueType).self, forKey: .\(codingKey))"
        if let defaultValue = model.defaultValue {
            call += " ?? " + ViewModelBuilder.literal(defaultValue)
        }
        return model.indirect ? "try Indirect(wrappedValue: \(call))" : "try \(call)"
    }

    var encodeMethod: String {
        model.type.isOptional && !model.encodesNull ? "encodeIfPresent" : "encode"
    }
}
