import ArgumentParser

@main
struct Missiond: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missiond",
        abstract: "Turn trade-news articles into mission events and publish them over ZeroMQ.",
        subcommands: [RunCommand.self, ExtractCommand.self, PublishCommand.self, SubscribeCommand.self, BenchCommand.self, KeygenCommand.self, StatusCommand.self, FsckCommand.self]
    )
}
