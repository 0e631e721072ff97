/// The compiled template set laid out flat: instructions and side tables of plain values, so rendering
/// walks indexes and copies no reference-counted payloads.
struct MustacheProgram: Sendable {
    private(set) var instructions: [MustacheInstruction] = []
    /// Every text and indentation, end to end.
    private(set) var bytes: [UInt8] = []
    /// Every name's dotted parts, end to end; a name is a range of it.
    private(set) var keys: [TemplateKey] = []
    /// The block overrides of each `{{< parent}}` tag.
    private(set) var overrideSets: [[MustacheOverride]] = []
    /// Each template's instructions.
    private(set) var templates: [Range<Int>] = []
    /// Template indexes by name, for dynamic partials (`{{>*name}}`), the only ones named when rendering.
    let templateIndexes: [String: Int]

    /// Lays out the templates in the order of `bodies` (their index is the one partials refer to);
    /// `templateIndexes` names them.
    init(_ bodies: [[MustacheNode]], templateIndexes: [String: Int]) {
        self.templateIndexes = templateIndexes
        for body in bodies {
            let start = instructions.count
            emit(body)
            templates.append(start..<instructions.count)
        }
    }

    private mutating func emit(_ nodes: [MustacheNode]) {
        for node in nodes { emit(node) }
    }

    private mutating func emit(_ node: MustacheNode) {
        switch node {
        case .text(let text):
            instructions.append(MustacheInstruction(.text, text: store(text)))
        case .variable(let name, let escapes):
            instructions.append(MustacheInstruction(escapes ? .escapedVariable : .rawVariable, name: store(name)))
        case .section(let name, let body), .invertedSection(let name, let body):
            let isSection = if case .section = node { true } else { false }
            let at = instructions.count
            instructions.append(MustacheInstruction(isSection ? .section : .invertedSection, name: store(name)))
            emit(body)
            instructions[at].bodyLength = Int32(instructions.count - at - 1)
        case .partial(let partial):
            let at = instructions.count
            let indentation = store(partial.indentation)
            var instruction: MustacheInstruction
            if let name = partial.dynamicName {
                instruction = MustacheInstruction(.dynamicPartial, name: store(name))
                instruction.textStart = Int32(indentation.lowerBound)
                instruction.textEnd = Int32(indentation.upperBound)
            } else {
                instruction = MustacheInstruction(.partial, text: indentation)
                instruction.target = Int32(partial.template ?? -1)
            }
            instructions.append(instruction)
            if let overrides = partial.overrides {
                // Override bodies are laid out right after the tag, which skips them.
                var set: [MustacheOverride] = []
                for (id, body) in overrides.sorted(by: { $0.key < $1.key }) {
                    let start = instructions.count
                    emit(body)
                    set.append(MustacheOverride(block: Int32(id), start: Int32(start), end: Int32(instructions.count)))
                }
                instructions[at].overrideSet = Int32(overrideSets.count)
                overrideSets.append(set)
            }
            instructions[at].bodyLength = Int32(instructions.count - at - 1)
        case .block(let block):
            let at = instructions.count
            var instruction = MustacheInstruction(.block, text: store(block.indentation))
            instruction.target = Int32(block.id)
            instruction.standalone = block.standalone
            instructions.append(instruction)
            emit(block.defaultBody)
            instructions[at].bodyLength = Int32(instructions.count - at - 1)
        case .contentType(let escapesHTML):
            var instruction = MustacheInstruction(.contentType)
            instruction.target = escapesHTML ? 1 : 0
            instructions.append(instruction)
        }
    }

    private mutating func store(_ text: [UInt8]) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: text)
        return start..<bytes.count
    }

    private mutating func store(_ name: MustacheName) -> (Range<Int>, climbs: Bool) {
        let start = keys.count
        keys.append(contentsOf: name.parts.map(TemplateKey.init))
        return (start..<keys.count, name.climbs)
    }
}

/// One step of a program; which fields count depends on `kind`. A body (of a section, a block's default,
/// a parent's overrides) follows its instruction and is `bodyLength` instructions long.
struct MustacheInstruction: Sendable {
    enum Kind: UInt8, Sendable {
        case text, escapedVariable, rawVariable, section, invertedSection, partial, dynamicPartial, block, contentType
    }

    let kind: Kind
    /// `text`, and a partial's or block's indentation: a range of the program's bytes.
    var textStart: Int32 = 0
    var textEnd: Int32 = 0
    /// Variables, sections and dynamic partials: a range of the program's keys; empty for `{{.}}`.
    var keyStart: Int32 = 0
    var keyEnd: Int32 = 0
    var climbs = true
    /// Block: its opening tag stands alone on its line (see `MustacheBlock`).
    var standalone = false
    var bodyLength: Int32 = 0
    /// Partial: template index (-1 when missing). Block: block id. Content type: 1 for HTML, 0 for text.
    var target: Int32 = 0
    /// Parent (static or dynamic): index of its override set; -1 for a plain partial.
    var overrideSet: Int32 = -1

    init(_ kind: Kind) { self.kind = kind }

    init(_ kind: Kind, text: Range<Int>) {
        self.kind = kind
        textStart = Int32(text.lowerBound)
        textEnd = Int32(text.upperBound)
    }

    init(_ kind: Kind, name: (Range<Int>, climbs: Bool)) {
        self.kind = kind
        keyStart = Int32(name.0.lowerBound)
        keyEnd = Int32(name.0.upperBound)
        climbs = name.climbs
    }
}

/// One block override of a parent tag: the instructions of its body.
struct MustacheOverride: Sendable {
    let block: Int32
    let start: Int32
    let end: Int32
}
