/// `max_article_bytes`: one wording for a file over it, in the inbox and in `missiond extract`.
package enum ArticleSizeLimit {
    package static func overLimit(_ size: Int, _ limit: Int) -> String {
        "\(size) bytes is over the limit of \(limit) bytes"
    }
}
