package dev.reliq.jms.message;

import java.util.function.Supplier;

/** The body types and their codes in the wire format. */
enum BodyType {
    NONE(0, ReliqMessage::new),
    TEXT(1, ReliqTextMessage::new),
    BYTES(2, ReliqBytesMessage::new),
    MAP(3, ReliqMapMessage::new),
    STREAM(4, ReliqStreamMessage::new),
    OBJECT(5, ReliqObjectMessage::new);

    private static final BodyType[] BY_CODE = values();

    final int code;
    private final Supplier<ReliqMessage> factory;

    BodyType(int code, Supplier<ReliqMessage> factory) {
        this.code = code;
        this.factory = factory;
    }

    ReliqMessage newMessage() {
        return factory.get();
    }

    /** The type of a code, or null for an unknown one. */
    static BodyType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
