package dev.reliq.ra;

import dev.reliq.queue.RedisUri;

/** A Redis URL fit for a log line: the password never shows. */
final class RedactedUrl {

    private RedactedUrl() {
    }

    static String of(String url) {
        if (url == null) {
            return "(the resource adapter's)";
        }
        try {
            return RedisUri.parse(url).redacted();
        } catch (RuntimeException e) {
            return "(an unparseable URL)";
        }
    }
}
