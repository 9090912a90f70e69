/// Where the daemon's settings come from: the config file (if any) and the command-line
/// flags that win over it. Loaded at start and again on every reload (SIGHUP), so that a
/// reload re-reads the file without losing what the command line said.
package struct ConfigSource: Sendable {
    package struct Overrides: Sendable {
        package var inbox, state, rules, intake, publish, replay, metrics: String?
        package init() {}
    }

    package var path: String?
    package var overrides: Overrides
    /// Relative paths on the command line are relative to this directory.
    package var workingDirectory: String

    package init(path: String?, overrides: Overrides = Overrides(), workingDirectory: String) {
        self.path = path
        self.overrides = overrides
        self.workingDirectory = workingDirectory
    }

    package func load() throws(DaemonError) -> DaemonConfig {
        var config = try path.map { path throws(DaemonError) in try DaemonConfig.load(path: path) } ?? DaemonConfig()
        let here = workingDirectory
        if let inbox = overrides.inbox { config.inbox = DaemonConfig.resolve(inbox, against: here) }
        if let state = overrides.state { config.state = DaemonConfig.resolve(state, against: here) }
        if let rules = overrides.rules { config.rules = DaemonConfig.resolve(rules, against: here) }
        if let intake = overrides.intake { config.intake = intake }
        if let publish = overrides.publish { config.publish = publish }
        if let replay = overrides.replay { config.replay = replay }
        if let metrics = overrides.metrics { config.metrics = ["", "off"].contains(metrics.lowercased()) ? nil : metrics }
        try config.validate()
        return config
    }
}
