import Mustache

// Templates read the view model through `child(named:)` rather than `Mirror`, which keeps rendering fast
// enough for specs with thousands of types.

extension FileViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "specName": specName
        case "imports": imports
        case "client": client
        case "operations": operations
        case "declarations": declarations
        case "hasOperations": !operations.isEmpty
        case "hasDeclarations": !declarations.isEmpty
        default: nil
        }
    }
}

extension ClientViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "access": access
        case "docLines": docLines
        case "initParameters": initParameters
        case "credentials": credentials
        case "hasCredentials": !credentials.isEmpty
        default: nil
        }
    }
}

extension CredentialViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "schemeName": schemeName
        case "parameterName": parameterName
        case "expression": expression
        case "isLast": isLast
        default: nil
        }
    }
}

extension ParameterViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "type": type
        case "defaultValue": defaultValue
        case "isLast": isLast
        default: nil
        }
    }
}

extension OperationViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "access": access
        case "name": self.name
        case "docLines": docLines
        case "deprecated": deprecated
        case "parameters": parameters
        case "parametersMultiline": parametersMultiline
        case "returnType": returnType
        case "method": method
        case "path": path
        case "requestBinding": requestBinding
        case "requestLines": requestLines
        case "security": security
        case "responseCases": responseCases
        case "undocumentedDefault": undocumentedDefault
        case "isFirst": isFirst
        case "operationName": self.name
        case "callArguments": callArguments
        case "pagination": pagination
        case "wait": wait
        default: nil
        }
    }
}

extension PaginationViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "nextLink": nextLink
        case "nextLinkDescription": nextLinkDescription
        case "requestLines": requestLines
        default: nil
        }
    }
}

extension WaitViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "summary": summary
        case "subject": subject
        case "successPatterns": successPatterns
        case "failurePatterns": failurePatterns
        case "retryCondition": retryCondition
        default: nil
        }
    }
}

extension ResponseCaseViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "pattern": pattern
        case "statement": statement
        default: nil
        }
    }
}

extension DeclarationViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch (name, self) {
        case ("structure", .structure(let value)): value
        case ("enumeration", .enumeration(let value)): value
        case ("union", .union(let value)): value
        case ("alias", .alias(let value)): value
        default: nil
        }
    }
}

extension StructViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "access": access
        case "name": self.name
        case "docLines": docLines
        case "deprecated": deprecated
        case "propertyLines": propertyLines
        case "hasCodingKeys": hasCodingKeys
        case "codingKeyLines": codingKeyLines
        case "storage": storage
        case "initIsMultiline": initIsMultiline
        case "initParameterList": initParameterList
        case "initParameterLines": initParameterLines
        case "assignments": assignments
        case "customDecoding": customDecoding
        case "decodeStatements": decodeStatements
        case "customEncoding": customEncoding
        case "encodeStatements": encodeStatements
        case "additionalProperties": additionalProperties
        default: nil
        }
    }
}

extension AdditionalPropertiesViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "valueType": valueType
        default: nil
        }
    }
}

extension EnumViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "access": access
        case "name": self.name
        case "docLines": docLines
        case "deprecated": deprecated
        case "rawType": rawType
        case "cases": cases
        case "caseLines": caseLines
        default: nil
        }
    }
}

extension EnumCaseViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "rawLiteral": rawLiteral
        default: nil
        }
    }
}

extension UnionViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "access": access
        case "name": self.name
        case "docLines": docLines
        case "deprecated": deprecated
        case "indirect": indirect
        case "cases": cases
        case "discriminator": discriminator
        case "discriminatorMappings": discriminatorMappings
        default: nil
        }
    }
}

extension UnionCaseViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "type": type
        case "isFirst": isFirst
        default: nil
        }
    }
}

extension DiscriminatorMappingViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "valueLiterals": valueLiterals
        case "caseName": caseName
        case "caseType": caseType
        default: nil
        }
    }
}

extension AliasViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "access": access
        case "name": self.name
        case "docLines": docLines
        case "type": type
        default: nil
        }
    }
}
