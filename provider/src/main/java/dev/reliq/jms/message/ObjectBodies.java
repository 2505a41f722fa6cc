package dev.reliq.jms.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.Arrays;

import jakarta.jms.MessageFormatException;

/**
 * Java serialization of ObjectMessage bodies. Reading checks every class in the stream against
 * the {@link ObjectMessagePolicy} before it is loaded, and bounds the graph's depth, its
 * references and its arrays so a crafted body cannot exhaust memory or stack.
 */
final class ObjectBodies {

    /** Deeper graphs are refused; legitimate value objects are far shallower, and depth is what crafted bodies abuse. */
    static final int MAX_DEPTH = 64;

    private ObjectBodies() {
    }

    static byte[] serialize(Serializable object) throws MessageFormatException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (NotSerializableException e) {
            throw ReliqMessage.linked(new MessageFormatException("Cannot put the object in an ObjectMessage: it"
                + " holds an object of class " + e.getMessage() + ", which is not Serializable"), e);
        } catch (IOException | RuntimeException e) {
            throw ReliqMessage.linked(new MessageFormatException("Cannot put the object in an ObjectMessage:"
                + " serializing it failed: " + e), e);
        }
        return bytes.toByteArray();
    }

    static Serializable deserialize(BodySlice body, ObjectMessagePolicy policy) throws MessageFormatException {
        CheckedInput in = null;
        try {
            in = new CheckedInput(body.inputStream(), policy, body.length());
            Object object = in.readObject();
            if (in.read() != -1) {
                throw new MessageFormatException("The ObjectMessage body has bytes after the serialized object");
            }
            return (Serializable) object;
        } catch (InvalidClassException e) {
            if (in != null && in.refusal != null) {
                throw ReliqMessage.linked(new MessageFormatException(in.refusal), e);
            }
            throw notAnObject(e);
        } catch (ClassNotFoundException e) {
            throw ReliqMessage.linked(new MessageFormatException("The ObjectMessage body holds an object of class "
                + e.getMessage() + ", which is allowed but cannot be loaded here; put the class on the receiving"
                + " application's class path"), e);
        } catch (IOException | RuntimeException e) {
            if (in != null && in.refusal != null) {
                throw ReliqMessage.linked(new MessageFormatException(in.refusal), e);
            }
            throw notAnObject(e);
        }
    }

    private static MessageFormatException notAnObject(Exception e) {
        return ReliqMessage.linked(new MessageFormatException("The ObjectMessage body is not a valid serialized Java"
            + " object: " + e), e);
    }

    /**
     * Refuses classes by name before loading them, and checks again, with the limits, through an
     * {@link ObjectInputFilter}, which the JDK applies to every class, array and reference of
     * the graph.
     */
    private static final class CheckedInput extends ObjectInputStream implements ObjectInputFilter {

        private final ObjectMessagePolicy policy;
        /** Arrays and references cannot outnumber the body's bytes: each takes at least one. */
        private final long maxCount;
        String refusal;

        CheckedInput(InputStream in, ObjectMessagePolicy policy, int length) throws IOException {
            super(in);
            this.policy = policy;
            this.maxCount = Math.max(length, 64);
            ObjectInputFilter jvmWide = ObjectInputFilter.Config.getSerialFilter();
            try {
                setObjectInputFilter(jvmWide == null ? this : ObjectInputFilter.merge(this, jvmWide));
            } catch (IllegalStateException e) {
                // a JVM-wide filter factory already chose this stream's filter and refuses another;
                // resolveClass still checks every class against the policy, and that filter sets the limits
            }
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            String element = elementClassName(desc.getName());
            if (element != null && !policy.allows(element)) {
                throw new InvalidClassException(element, refuse(element));
            }
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall back to the JDK's choice of loader
                }
            }
            return super.resolveClass(desc);
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws InvalidClassException {
            refusal = "The ObjectMessage body holds a dynamic proxy (for " + Arrays.toString(interfaces)
                + "); reliq never deserializes proxies";
            throw new InvalidClassException("proxy", refusal);
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (info.depth() > MAX_DEPTH) {
                refusal = "The ObjectMessage body nests objects deeper than " + MAX_DEPTH + " levels; reliq refuses"
                    + " such graphs because they can exhaust the receiver";
                return Status.REJECTED;
            }
            if (info.references() > maxCount || info.arrayLength() > maxCount) {
                refusal = "The ObjectMessage body declares more objects or array elements than its "
                    + maxCount + " bytes can hold; it is corrupt or crafted";
                return Status.REJECTED;
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return Status.UNDECIDED;
            }
            while (type.isArray()) {
                type = type.getComponentType();
            }
            if (type.isPrimitive() || policy.allows(type.getName())) {
                return Status.ALLOWED;
            }
            refuse(type.getName());
            return Status.REJECTED;
        }

        private String refuse(String className) {
            int lastDot = className.lastIndexOf('.');
            String pkg = lastDot < 0 ? "" : className.substring(0, lastDot) + ".*";
            refusal = "The ObjectMessage body holds an object of class " + className + ", which is not in the"
                + " allow list; if its senders are trusted, add " + className
                + (pkg.isEmpty() ? "" : " (or its package, " + pkg + ")") + " to the objectMessageAllowList option";
            return refusal;
        }

        /** The element class of an array descriptor, the name itself otherwise; null for primitive arrays. */
        private static String elementClassName(String name) {
            int dimensions = 0;
            while (dimensions < name.length() && name.charAt(dimensions) == '[') {
                dimensions++;
            }
            if (dimensions == 0) {
                return name;
            }
            if (name.charAt(dimensions) == 'L' && name.endsWith(";")) {
                return name.substring(dimensions + 1, name.length() - 1);
            }
            return null;
        }
    }
}
