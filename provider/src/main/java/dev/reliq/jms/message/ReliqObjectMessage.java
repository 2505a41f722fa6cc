package dev.reliq.jms.message;

import java.io.Serializable;
import java.util.Objects;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;

/**
 * A message whose body is a serialized Java object. {@link #setObject} serializes at once, so
 * later changes to the object do not change the message; {@link #getObject()} deserializes a new
 * copy on every call. A body that arrived in a message is deserialized only for the classes the
 * {@link ObjectMessagePolicy} allows (the receiving connection's {@code objectMessageAllowList},
 * {@link ObjectMessagePolicy#defaults()} until the provider sets it). A body the application
 * set itself with {@link #setObject} is always readable: it is the application's own object,
 * not data from a sender. A null object is no body.
 */
public class ReliqObjectMessage extends ReliqMessage implements ObjectMessage {

    /** Reads back what this JVM's application serialized: every class it used is its own. */
    private static final ObjectMessagePolicy OWN_OBJECT = ObjectMessagePolicy.allowing("**");

    private BodySlice serialized;
    /** True when the body came from {@link #setObject} here, false when it came from a payload. */
    private boolean setHere;
    private ObjectMessagePolicy policy = ObjectMessagePolicy.defaults();

    public ReliqObjectMessage() {
    }

    /** @throws MessageFormatException when the object, or an object it holds, is not serializable */
    @Override
    public void setObject(Serializable object) throws JMSException {
        checkBodyWritable();
        serialized = object == null ? null : BodySlice.of(ObjectBodies.serialize(object));
        setHere = true;
    }

    /**
     * A new copy of the object.
     *
     * @throws MessageFormatException when a body that arrived holds a class the policy does not
     *     allow (the message names the class and the option to change), a class that is not on
     *     the class path, or is not a serialized object
     */
    @Override
    public Serializable getObject() throws JMSException {
        return serialized == null ? null : ObjectBodies.deserialize(serialized, setHere ? OWN_OBJECT : policy);
    }

    /** For the provider, on receipt: the classes {@link #getObject()} may deserialize. */
    public void setObjectMessagePolicy(ObjectMessagePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        return bodyAs(getObject(), c, "ObjectMessage");
    }

    /** False also when the object cannot be deserialized. */
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        if (serialized == null) {
            return true;
        }
        try {
            return c.isInstance(getObject());
        } catch (JMSException e) {
            return false;
        }
    }

    @Override
    BodyType bodyType() {
        return BodyType.OBJECT;
    }

    @Override
    void writeBody(CodecWriter out) {
        if (serialized == null) {
            out.i32(-1);
        } else {
            out.lengthPrefixed(serialized.array(), serialized.offset(), serialized.length());
        }
    }

    @Override
    void readBody(BodySlice body) {
        serialized = body;
        setHere = false;
    }

    @Override
    void clearBodyContent() {
        serialized = null;
        setHere = false;
    }
}
