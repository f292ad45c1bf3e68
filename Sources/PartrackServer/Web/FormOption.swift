/// One choice of a `<select>` or a set of radio buttons on a page.
struct FormOption: Encodable {
    let value: String
    let label: String
    var selected = false
}
