package dev.reliq.queue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Just enough JSON for the two flat objects reliq keeps in Redis: attribute defaults (written)
 * and dead-letter records (read). Values are strings or numbers; nothing nests.
 */
final class Json {

    private Json() {
    }

    /** A flat object whose values are all written as JSON strings. */
    static String write(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(out, field.getKey()).append(':');
            quote(out, field.getValue());
        }
        return out.append('}').toString();
    }

    /**
     * Reads a flat object into strings (numbers keep their text, {@code null} becomes absent).
     *
     * @throws IllegalArgumentException when the text is not such an object
     */
    static Map<String, String> readFlatObject(String text) {
        Reader reader = new Reader(text);
        Map<String, String> fields = new LinkedHashMap<>();
        reader.skipSpace();
        reader.expect('{');
        reader.skipSpace();
        if (reader.peek() == '}') {
            reader.next();
            return fields;
        }
        while (true) {
            reader.skipSpace();
            String key = reader.string();
            reader.skipSpace();
            reader.expect(':');
            reader.skipSpace();
            String value = reader.value();
            if (value != null) {
                fields.put(key, value);
            }
            reader.skipSpace();
            char c = reader.next();
            if (c == '}') {
                return fields;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected ',' or '}' at " + (reader.pos - 1));
            }
        }
    }

    private static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        char peek() {
            if (pos >= text.length()) {
                throw new IllegalArgumentException("unexpected end of JSON");
            }
            return text.charAt(pos);
        }

        char next() {
            char c = peek();
            pos++;
            return c;
        }

        void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + (pos - 1));
            }
        }

        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        String value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            int start = pos;
            while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            String literal = text.substring(start, pos);
            if (literal.isEmpty() || literal.equals("{") || literal.startsWith("[")) {
                throw new IllegalArgumentException("unsupported JSON value at " + start);
            }
            return literal.equals("null") ? null : literal;
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw new IllegalArgumentException("bad \\u escape at " + pos);
                        }
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape \\" + e + " at " + (pos - 1));
                }
            }
        }
    }
}
