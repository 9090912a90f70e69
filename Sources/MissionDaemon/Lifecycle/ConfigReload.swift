/// What a reload (SIGHUP) can change in a running daemon, and what waits for a restart.
///
/// Applied at once: the rules (re-read every time), the intake/publish/replay endpoints
/// (only a changed socket is moved), `metrics`, `log_level`, `max_in_flight`,
/// `quarantine_max_bytes`, `article_time_budget_ms` (for articles that start afterwards),
/// `allow_insecure_non_loopback` and the CURVE allow-list
/// (`curve.allowed_client_keys`, `curve.allowed_clients_dir`: for new connections).
/// Need a restart: `inbox`, `state`, `fsync`, `max_article_bytes`, `pub_send_hwm`,
/// `memory_budget`, `max_connections`, `event_log_max_bytes`, `event_log_max_age_seconds`,
/// `stats_interval_seconds`, `inbox_settle_seconds`, `workers`, `remember_articles`, `done*`, and turning
/// CURVE on or off or changing `curve.secret_key_file` (sockets keep the security they were
/// bound with). A reload logs such changes by name and keeps the running values for them.
struct ConfigReload {
    let running: DaemonConfig
    let loaded: DaemonConfig

    /// Changed keys a reload applies.
    var applied: [String] {
        var keys: [String] = []
        if loaded.rules != running.rules { keys.append("rules") }
        if loaded.intake != running.intake { keys.append("intake") }
        if loaded.publish != running.publish { keys.append("publish") }
        if loaded.replay != running.replay { keys.append("replay") }
        if loaded.metrics != running.metrics { keys.append("metrics") }
        if loaded.logLevel != running.logLevel { keys.append("log_level") }
        if loaded.maxInFlight != running.maxInFlight { keys.append("max_in_flight") }
        if loaded.quarantineMaxBytes != running.quarantineMaxBytes { keys.append("quarantine_max_bytes") }
        if loaded.articleTimeBudgetMilliseconds != running.articleTimeBudgetMilliseconds { keys.append("article_time_budget_ms") }
        if loaded.allowInsecureNonLoopback != running.allowInsecureNonLoopback { keys.append("allow_insecure_non_loopback") }
        if let new = loaded.curve, let old = running.curve,
           new.allowedClientKeys != old.allowedClientKeys || new.allowedClientsDirectory != old.allowedClientsDirectory {
            keys.append("curve.allowed_clients")
        }
        return keys
    }

    /// Changed keys that take effect only at the next start.
    var needRestart: [String] {
        var keys: [String] = []
        if loaded.inbox != running.inbox { keys.append("inbox") }
        if loaded.state != running.state { keys.append("state") }
        if loaded.fsync != running.fsync { keys.append("fsync") }
        if loaded.maxArticleBytes != running.maxArticleBytes { keys.append("max_article_bytes") }
        if loaded.pubSendHWM != running.pubSendHWM { keys.append("pub_send_hwm") }
        if loaded.memoryBudget != running.memoryBudget { keys.append("memory_budget") }
        if loaded.maxConnections != running.maxConnections { keys.append("max_connections") }
        if loaded.eventLogMaxBytes != running.eventLogMaxBytes { keys.append("event_log_max_bytes") }
        if loaded.eventLogMaxAgeSeconds != running.eventLogMaxAgeSeconds { keys.append("event_log_max_age_seconds") }
        if loaded.statsIntervalSeconds != running.statsIntervalSeconds { keys.append("stats_interval_seconds") }
        if loaded.inboxSettleSeconds != running.inboxSettleSeconds { keys.append("inbox_settle_seconds") }
        if loaded.workers != running.workers { keys.append("workers") }
        if loaded.rememberArticles != running.rememberArticles { keys.append("remember_articles") }
        if loaded.donePolicy != running.donePolicy { keys.append("done") }
        if (loaded.curve == nil) != (running.curve == nil) { keys.append("curve") }
        if let new = loaded.curve, let old = running.curve, new.secretKeyFile != old.secretKeyFile {
            keys.append("curve.secret_key_file")
        }
        return keys
    }

    /// The configuration in force after the reload: the loaded one, except for the keys
    /// that need a restart, which keep their running values.
    var inForce: DaemonConfig {
        var config = loaded
        config.inbox = running.inbox
        config.state = running.state
        config.fsync = running.fsync
        config.maxArticleBytes = running.maxArticleBytes
        config.pubSendHWM = running.pubSendHWM
        config.memoryBudget = running.memoryBudget
        config.maxConnections = running.maxConnections
        config.eventLogMaxBytes = running.eventLogMaxBytes
        config.eventLogMaxAgeSeconds = running.eventLogMaxAgeSeconds
        config.statsIntervalSeconds = running.statsIntervalSeconds
        config.inboxSettleSeconds = running.inboxSettleSeconds
        config.workers = running.workers
        config.rememberArticles = running.rememberArticles
        (config.doneKeep, config.doneMaxBytes, config.doneMaxAgeSeconds) = (running.doneKeep, running.doneMaxBytes, running.doneMaxAgeSeconds)
        switch (running.curve, loaded.curve) {
        case (nil, _), (_, nil):
            config.curve = running.curve
        case (let old?, var new?):
            new.secretKeyFile = old.secretKeyFile
            config.curve = new
        }
        return config
    }
}
