import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small element tree of an Office XML part, built with Foundation's `XMLParser`. Names and
/// attribute names are kept without their namespace prefix ("w:p" → "p", "r:id" → "id"): the parts
/// partrack reads use each local name in one meaning only.
final class XMLElementNode {
    let name: String
    let attributes: [String: String]
    private(set) var children: [XMLElementNode] = []
    /// The element's own character data (not its children's).
    fileprivate(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    func child(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }

    func children(_ name: String) -> [XMLElementNode] { children.filter { $0.name == name } }

    /// Every descendant named `name`, in document order.
    func descendants(_ name: String) -> [XMLElementNode] {
        var found: [XMLElementNode] = []
        var stack = Array(children.reversed())
        while let node = stack.popLast() {
            if node.name == name { found.append(node) }
            stack.append(contentsOf: node.children.reversed())
        }
        return found
    }

    /// The `val` attribute of a child: `<w:numId w:val="3"/>` → "3".
    func value(of childName: String) -> String? { child(childName)?.attributes["val"] }

    fileprivate func append(_ node: XMLElementNode) { children.append(node) }

    /// No `<!DOCTYPE` or `<!ENTITY`, and no processing instruction but the declaration that opens
    /// the part (after an optional byte-order mark).
    static func hasOnlyOfficeMarkup(_ data: Data) -> Bool {
        let bytes = [UInt8](data)
        var declarationStart = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { declarationStart = 3 }
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x3C {  // "<"
                let next = bytes[index + 1]
                if next == 0x3F, index != declarationStart { return false }  // "<?" elsewhere
                if next == 0x21, index + 2 < bytes.count, bytes[index + 2] != 0x2D, bytes[index + 2] != 0x5B {
                    return false  // "<!" that opens neither a comment nor CDATA
                }
            }
            index += 1
        }
        return true
    }

    /// Parses a part; nil when it is not well-formed XML.
    ///
    /// Foundation's XMLParser on Linux traps instead of reporting an error on some malformed input
    /// (names or values that are not UTF-8, a processing instruction without data such as `<?x?>`).
    /// Office parts are UTF-8 with at most an XML declaration and no DTD, so anything else is
    /// refused before the parser sees it.
    static func parse(_ data: Data) -> XMLElementNode? {
        guard String(validating: data, as: UTF8.self) != nil, hasOnlyOfficeMarkup(data) else { return nil }
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else { return nil }
        return root
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLElementNode?
    private var stack: [XMLElementNode] = []

    private static func localName(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        var attributes: [String: String] = [:]
        for (key, value) in attributeDict { attributes[TreeBuilder.localName(key)] = value }
        let node = XMLElementNode(name: TreeBuilder.localName(elementName), attributes: attributes)
        if let parent = stack.last { parent.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}
