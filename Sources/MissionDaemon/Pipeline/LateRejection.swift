import Logging

/// An article a stage refused after it was journaled (it ran out of its time budget, say).
/// The pipeline has marked it rejected in the journal, so it is not run again; the intake
/// thread, which owns the quarantine, keeps its text there beside the reason and publishes
/// `article.rejected`, as for an article refused at decode.
struct LateRejection: Sendable {
    let articleID: String
    let name: String
    let reason: String
    /// What was journaled: the inbox file itself has gone to `done/` (it was accepted).
    let text: [UInt8]
    let slot: PipelineSlot?

    /// On the intake thread.
    func report(quarantine: Quarantine, publisher: Publisher, logger: Logger) {
        let kept = quarantine.keep(body: text, name: name, reason: reason)
        var metadata: Logger.Metadata = ["name": "\(name)", "article": "\(articleID)", "reason": "\(reason)"]
        if case .notKept(let note) = kept { metadata["quarantine"] = "\(note)" }
        logger.notice("article rejected", metadata: metadata)
        publisher.rejected(articleID: articleID, name: name, reason: reason, quarantine: kept, slot: slot)
    }
}
