package dev.reliq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.TextMessage;

/**
 * A message whose body is a String, carried as UTF-8. A {@code null} text is no body; an empty
 * one is a body. Text that arrived in a message is decoded when first read.
 */
public class ReliqTextMessage extends ReliqMessage implements TextMessage {

    private String text;
    /** The received body while it is not decoded yet. */
    private BodySlice encoded;

    public ReliqTextMessage() {
    }

    @Override
    public void setText(String text) throws JMSException {
        checkBodyWritable();
        this.text = text;
        this.encoded = null;
    }

    /** @throws MessageFormatException when a received body is not valid UTF-8 */
    @Override
    public String getText() throws JMSException {
        if (encoded != null) {
            try {
                text = encoded.reader().utf8(encoded.length(), "the text body");
            } catch (CorruptMessageException e) {
                throw unreadableBody(e);
            }
            encoded = null;
        }
        return text;
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        return bodyAs(getText(), c, "TextMessage");
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        try {
            Class<?> type = c;
            return getText() == null || type.isAssignableFrom(String.class);
        } catch (MessageFormatException e) {
            return false;
        }
    }

    @Override
    BodyType bodyType() {
        return BodyType.TEXT;
    }

    @Override
    void writeBody(CodecWriter out) {
        if (encoded != null) {
            out.lengthPrefixed(encoded.array(), encoded.offset(), encoded.length());
        } else if (text == null) {
            out.i32(-1);
        } else {
            out.string(text);
        }
    }

    @Override
    void readBody(BodySlice body) {
        encoded = body;
        text = null;
    }

    @Override
    void clearBodyContent() {
        text = null;
        encoded = null;
    }
}
