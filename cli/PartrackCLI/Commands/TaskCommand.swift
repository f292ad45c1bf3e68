import ArgumentParser

struct TaskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "Xem và cập nhật một nhiệm vụ (Show and update one task).",
        discussion: """
            Khi không kết nối được máy chủ, update và done có thể xếp thay đổi vào hàng đợi (--queue); `partrack sync` gửi chúng sau.

            When the server cannot be reached, update and done can queue the change (--queue); `partrack sync` sends it later.

            Ví dụ / Examples:
              partrack task show 12
              partrack task update 12 --progress 60 --note "Đã họp lấy ý kiến"
              partrack task done 12 --evidence quyet-dinh.pdf
              partrack task evidence 12 anh-1.jpg anh-2.jpg
            """,
        subcommands: [TaskShowCommand.self, TaskUpdateCommand.self, TaskDoneCommand.self, TaskEvidenceCommand.self])
}
