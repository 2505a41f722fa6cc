package dev.reliq.jms.message;

import java.util.Map;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;

/**
 * The binary form of a reliq JMS message, the payload stored in the reliable queue: a format
 * byte and a version, the header fields that are set, the typed properties, the body type and
 * the body. Big-endian, strings in UTF-8 with a length, every property and Map or Stream value
 * with a type tag. {@code docs/message-format.md} describes every byte, so programs in other
 * languages can produce and consume reliq JMS messages.
 *
 * <p>Not stored: {@code JMSRedelivered} and the {@code JMSXDeliveryCount} property, which the
 * receiving provider derives from the queue's delivery count.
 */
public final class MessageCodec {

    /** The first byte of every encoding: not a valid first byte of UTF-8 text, so text payloads are never mistaken for it. */
    public static final int FORMAT = 0xA7;
    /** The version this class writes and the only one it reads. */
    public static final int VERSION = 1;

    static final int END_OF_HEADERS = 0x00;
    static final int MESSAGE_ID = 0x01;
    static final int TIMESTAMP = 0x02;
    static final int CORRELATION_ID = 0x03;
    static final int CORRELATION_ID_BYTES = 0x04;
    static final int REPLY_TO = 0x05;
    static final int DESTINATION = 0x06;
    static final int DELIVERY_MODE = 0x07;
    static final int TYPE = 0x08;
    static final int EXPIRATION = 0x09;
    static final int DELIVERY_TIME = 0x0A;
    static final int PRIORITY = 0x0B;
    private static final int LAST_HEADER = PRIORITY;

    private MessageCodec() {
    }

    /**
     * The message's encoding: a snapshot, so later changes to the message do not affect it. A
     * BytesMessage or StreamMessage is encoded with everything written so far, in either mode.
     */
    public static byte[] encode(ReliqMessage message) {
        CodecWriter out = new CodecWriter();
        out.u8(FORMAT);
        out.u8(VERSION);
        writeHeaders(out, message.headers);
        writeProperties(out, message.properties.asMap());
        out.u8(message.bodyType().code);
        message.writeBody(out);
        return out.toByteArray();
    }

    /**
     * The message an encoding holds, of the body type it was sent as. Its properties and body
     * are writable until the provider calls {@link ReliqMessage#markReceived()}; a BytesMessage
     * or StreamMessage is ready for reading. The body stays encoded (sharing {@code payload},
     * which must not change afterwards) until first read.
     *
     * @throws CorruptMessageException when the payload is not a complete, valid encoding; never
     *     any other exception, whatever the bytes
     */
    public static ReliqMessage decode(byte[] payload) throws CorruptMessageException {
        CodecReader in = new CodecReader(payload, 0, payload.length);
        int format = in.u8("the format byte");
        if (format != FORMAT) {
            throw new CorruptMessageException("the first byte is 0x" + Integer.toHexString(format) + ", not 0x"
                + Integer.toHexString(FORMAT) + ": this is not a reliq JMS message", 0);
        }
        int version = in.u8("the version");
        if (version != VERSION) {
            throw new CorruptMessageException("format version " + version + " is not supported (this reliq reads"
                + " version " + VERSION + "); upgrade reliq on the receiving side", 1);
        }
        MessageHeaders headers = readHeaders(in);
        MessageProperties properties = readProperties(in);
        int typeAt = in.position();
        int typeCode = in.u8("the body type");
        BodyType type = BodyType.ofCode(typeCode);
        if (type == null) {
            throw new CorruptMessageException("unknown body type " + typeCode, typeAt);
        }
        ReliqMessage message = type.newMessage();
        message.headers = headers;
        message.properties = properties;
        if (type != BodyType.NONE) {
            message.readBody(readBody(in, type));
        }
        if (!in.atEnd()) {
            throw new CorruptMessageException(in.remaining() + " unexpected bytes after the body", in.position());
        }
        return message;
    }

    private static void writeHeaders(CodecWriter out, MessageHeaders headers) {
        writeString(out, MESSAGE_ID, headers.messageId);
        writeLong(out, TIMESTAMP, headers.timestamp);
        if (headers.correlationId instanceof byte[] bytes) {
            out.u8(CORRELATION_ID_BYTES);
            out.lengthPrefixed(bytes, 0, bytes.length);
        } else {
            writeString(out, CORRELATION_ID, (String) headers.correlationId);
        }
        writeString(out, REPLY_TO, Destinations.toUri(headers.replyTo));
        writeString(out, DESTINATION, Destinations.toUri(headers.destination));
        if (headers.deliveryMode != DeliveryMode.PERSISTENT) {
            out.u8(DELIVERY_MODE);
            out.u8(headers.deliveryMode);
        }
        writeString(out, TYPE, headers.type);
        writeLong(out, EXPIRATION, headers.expiration);
        writeLong(out, DELIVERY_TIME, headers.deliveryTime);
        if (headers.priority != Message.DEFAULT_PRIORITY) {
            out.u8(PRIORITY);
            out.u8(headers.priority);
        }
        out.u8(END_OF_HEADERS);
    }

    private static void writeString(CodecWriter out, int field, String value) {
        if (value != null) {
            out.u8(field);
            out.string(value);
        }
    }

    private static void writeLong(CodecWriter out, int field, long value) {
        if (value != 0) {
            out.u8(field);
            out.i64(value);
        }
    }

    private static void writeProperties(CodecWriter out, Map<String, Object> properties) {
        boolean hasDeliveryCount = properties.containsKey(PropertyNames.DELIVERY_COUNT);
        out.i32(properties.size() - (hasDeliveryCount ? 1 : 0));
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            if (!property.getKey().equals(PropertyNames.DELIVERY_COUNT)) {
                out.string(property.getKey());
                TypedValues.write(out, property.getValue());
            }
        }
    }

    private static MessageHeaders readHeaders(CodecReader in) throws CorruptMessageException {
        MessageHeaders headers = new MessageHeaders();
        boolean[] seen = new boolean[LAST_HEADER + 1];
        while (true) {
            int at = in.position();
            int field = in.u8("a header field id");
            if (field == END_OF_HEADERS) {
                return headers;
            }
            if (field > LAST_HEADER) {
                throw new CorruptMessageException("unknown header field id 0x" + Integer.toHexString(field), at);
            }
            if (seen[field] || field == CORRELATION_ID && seen[CORRELATION_ID_BYTES]
                    || field == CORRELATION_ID_BYTES && seen[CORRELATION_ID]) {
                throw new CorruptMessageException("header field 0x" + Integer.toHexString(field) + " appears twice", at);
            }
            seen[field] = true;
            readHeader(in, field, headers);
        }
    }

    private static void readHeader(CodecReader in, int field, MessageHeaders headers) throws CorruptMessageException {
        int at = in.position();
        switch (field) {
            case MESSAGE_ID -> headers.messageId = in.string("JMSMessageID");
            case TIMESTAMP -> headers.timestamp = in.i64("JMSTimestamp");
            case CORRELATION_ID -> headers.correlationId = in.string("JMSCorrelationID");
            case CORRELATION_ID_BYTES -> headers.correlationId = in.bytes("JMSCorrelationID");
            case REPLY_TO -> headers.replyTo = Destinations.fromUri(in.string("JMSReplyTo"), "JMSReplyTo", at);
            case DESTINATION -> headers.destination =
                Destinations.fromUri(in.string("JMSDestination"), "JMSDestination", at);
            case DELIVERY_MODE -> {
                int mode = in.u8("JMSDeliveryMode");
                if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT) {
                    throw new CorruptMessageException("JMSDeliveryMode is " + mode + " (must be 1 or 2)", at);
                }
                headers.deliveryMode = mode;
            }
            case TYPE -> headers.type = in.string("JMSType");
            case EXPIRATION -> headers.expiration = in.i64("JMSExpiration");
            case DELIVERY_TIME -> headers.deliveryTime = in.i64("JMSDeliveryTime");
            case PRIORITY -> {
                int priority = in.u8("JMSPriority");
                if (priority > 9) {
                    throw new CorruptMessageException("JMSPriority is " + priority + " (must be 0 to 9)", at);
                }
                headers.priority = priority;
            }
            default -> throw new IllegalStateException("field " + field + " was checked by readHeaders");
        }
    }

    private static MessageProperties readProperties(CodecReader in) throws CorruptMessageException {
        int at = in.position();
        int count = in.i32("the property count");
        if (count < 0) {
            throw new CorruptMessageException("the property count is negative (" + count + ")", at);
        }
        MessageProperties properties = new MessageProperties();
        for (int i = 0; i < count; i++) {
            int nameAt = in.position();
            String name = in.string("a property name");
            if (properties.contains(name)) {
                throw new CorruptMessageException("property '" + name + "' appears twice", nameAt);
            }
            properties.putDecoded(name, TypedValues.read(in, "property '" + name + "'", false));
        }
        return properties;
    }

    private static BodySlice readBody(CodecReader in, BodyType type) throws CorruptMessageException {
        int at = in.position();
        boolean mayBeAbsent = type == BodyType.TEXT || type == BodyType.OBJECT;
        int length = in.length("the body", true);
        if (length == -1) {
            if (!mayBeAbsent) {
                throw new CorruptMessageException("a " + type + " body has length -1; only text and object bodies"
                    + " may be absent", at);
            }
            return null;
        }
        return in.slice(length);
    }
}
