import ArgumentParser

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Kế hoạch cải thiện Chỉ số CCHC của đơn vị (The unit's improvement plan).",
        discussion: """
            Ví dụ / Example:
              partrack plan import ke-hoach-2024.docx --confirm
            """,
        subcommands: [PlanImportCommand.self])
}
