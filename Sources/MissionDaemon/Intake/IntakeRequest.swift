import Foundation
import MissionExtract

/// One intake message checked against wire.md: `[name, body, metadata?]`.
enum IntakeRequest {
    case article(ArticleInput)
    /// Not an article: the reason for the `error` reply, the name if one could be read, and
    /// the body when the message had one (it is kept in the quarantine).
    case malformed(name: String, reason: String, body: [UInt8]? = nil)

    static let maxNameBytes = 1024

    /// Frame 3 of an `error` reply: the name frame's bytes exactly as sent (UTF-8 or not),
    /// cut to `maxNameBytes`; empty when there was no frame.
    static func echoedName(_ payload: ArraySlice<[UInt8]>) -> [UInt8] {
        Array((payload.first ?? []).prefix(maxNameBytes))
    }

    init(payload: ArraySlice<[UInt8]>, maxArticleBytes: Int) {
        let frames = Array(payload)
        guard frames.count == 2 || frames.count == 3 else {
            let name = frames.first.flatMap { String(validating: $0, as: UTF8.self) } ?? ""
            self = .malformed(name: frames.count > 3 ? name : "",
                              reason: "expected 2 or 3 frames (name, body, optional JSON metadata), got \(frames.count)")
            return
        }
        guard let name = String(validating: frames[0], as: UTF8.self), !name.isEmpty else {
            self = .malformed(name: "", reason: "the name frame must be non-empty UTF-8")
            return
        }
        guard frames[0].count <= Self.maxNameBytes else {
            self = .malformed(name: String(name.prefix(64)), reason: "the name is over \(Self.maxNameBytes) bytes")
            return
        }
        let body = frames[1]
        guard body.count <= maxArticleBytes else {
            self = .malformed(name: name, reason: "the body is \(body.count) bytes, over the limit of \(maxArticleBytes) bytes", body: body)
            return
        }
        var published: String?
        var sourceURL: String?
        if frames.count == 3 && !frames[2].isEmpty {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(frames[2]))) as? [String: Any] else {
                self = .malformed(name: name, reason: "the metadata frame must be a JSON object {\"published\", \"source_url\"}", body: body)
                return
            }
            for (key, value) in object where key == "published" || key == "source_url" {
                guard value is NSNull || value is String else {
                    self = .malformed(name: name, reason: "metadata \"\(key)\" must be a string", body: body)
                    return
                }
            }
            published = object["published"] as? String
            sourceURL = object["source_url"] as? String
        }
        self = .article(ArticleInput(name: name, body: body, source: .socket, published: published, sourceURL: sourceURL))
    }
}
