package dev.reliq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;

import org.junit.jupiter.api.Test;

class ObjectMessageTest {

    /** An application class, not in the default allow list. */
    record Order(String id, int quantity) implements Serializable {
    }

    /** Holds a mutable list, to show that setObject takes a snapshot. */
    static final class Basket implements Serializable {
        final List<String> items = new ArrayList<>();
    }

    private static final String ORDER = Order.class.getName();

    @Test
    void jdkValueTypesAreAllowedByDefault() throws JMSException {
        HashMap<String, Object> graph = new HashMap<>();
        graph.put("list", new ArrayList<>(List.of(1, 2L, 3.0f, 4.0, "five", 'c', (byte) 6, (short) 7, true)));
        graph.put("linked", new LinkedList<>(List.of("x")));
        graph.put("sorted", new TreeMap<>(Map.of("k", "v")));
        graph.put("immutable", List.of("a", "b"));
        graph.put("uuid", UUID.randomUUID());
        graph.put("date", new Date(0));
        graph.put("big", new BigDecimal("12.345"));
        graph.put("bigInt", BigInteger.TEN.pow(40));
        graph.put("instant", Instant.ofEpochSecond(1));
        graph.put("zoned", ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 6, ZoneId.of("Europe/Paris")));
        graph.put("local", LocalDate.of(2024, 2, 29));
        graph.put("duration", Duration.ofMinutes(5));
        graph.put("day", java.time.DayOfWeek.MONDAY);
        graph.put("ints", new int[] {1, 2});
        graph.put("strings", new String[][] {{"a"}, {"b", null}});
        graph.put("objects", new Object[] {1, "x"});

        ReliqObjectMessage message = received(graph, ObjectMessagePolicy.defaults());
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) message.getObject();
        assertThat(copy).containsOnlyKeys(graph.keySet());
        for (String key : graph.keySet()) {
            assertThat(copy.get(key)).as(key).isEqualTo(graph.get(key));
        }
    }

    @Test
    void classOutsideTheAllowListIsRefusedWithItsNameAndTheOption() throws JMSException {
        ReliqObjectMessage message = received(new Order("o-1", 2), ObjectMessagePolicy.defaults());
        assertThatThrownBy(message::getObject).isInstanceOf(MessageFormatException.class)
            .hasMessageContaining(ORDER)
            .hasMessageContaining("objectMessageAllowList");
        assertThat(message.isBodyAssignableTo(Serializable.class)).isFalse();
        assertThatThrownBy(() -> message.getBody(Serializable.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void allowedClassDeserializes() throws JMSException {
        ReliqObjectMessage message = received(new Order("o-1", 2), ObjectMessagePolicy.allowing(ORDER));
        assertThat(message.getObject()).isEqualTo(new Order("o-1", 2));
        assertThat(message.getBody(Order.class)).isEqualTo(new Order("o-1", 2));
    }

    @Test
    void disallowedClassNestedInAnAllowedCollectionIsRefused() throws JMSException {
        ArrayList<Object> list = new ArrayList<>(List.of("fine", new Order("o-1", 2)));
        ReliqObjectMessage message = received(list, ObjectMessagePolicy.defaults());
        assertThatThrownBy(message::getObject).isInstanceOf(MessageFormatException.class).hasMessageContaining(ORDER);

        HashMap<String, Object> map = new HashMap<>(Map.of("order", new Order("o-1", 2)));
        ReliqObjectMessage inMap = received(map, ObjectMessagePolicy.defaults());
        assertThatThrownBy(inMap::getObject).isInstanceOf(MessageFormatException.class).hasMessageContaining(ORDER);
    }

    @Test
    void arrayOfADisallowedClassIsRefused() throws JMSException {
        ReliqObjectMessage message = received(new Order[] {new Order("a", 1)}, ObjectMessagePolicy.defaults());
        assertThatThrownBy(message::getObject).isInstanceOf(MessageFormatException.class).hasMessageContaining(ORDER);
        ReliqObjectMessage allowed = received(new Order[] {new Order("a", 1)}, ObjectMessagePolicy.allowing(ORDER));
        assertThat((Order[]) allowed.getObject()).containsExactly(new Order("a", 1));
    }

    @Test
    void packagePatternsAllowThePackageOrTheTree() {
        ObjectMessagePolicy pkg = ObjectMessagePolicy.allowing("com.example.*");
        assertThat(pkg.allows("com.example.Order")).isTrue();
        assertThat(pkg.allows("com.example.Order$Line")).isTrue();
        assertThat(pkg.allows("com.example.sub.Order")).isFalse();
        assertThat(pkg.allows("com.examples.Order")).isFalse();

        ObjectMessagePolicy tree = ObjectMessagePolicy.allowing(" com.example.** , org.acme.Invoice ");
        assertThat(tree.allows("com.example.Order")).isTrue();
        assertThat(tree.allows("com.example.sub.deep.Order")).isTrue();
        assertThat(tree.allows("com.exampleX.Order")).isFalse();
        assertThat(tree.allows("org.acme.Invoice")).isTrue();
        assertThat(tree.allows("org.acme.Invoice2")).isFalse();
        assertThat(tree.allows("java.lang.Integer")).isTrue();
    }

    @Test
    void defaultListHoldsOnlyJdkValueTypes() {
        ObjectMessagePolicy defaults = ObjectMessagePolicy.defaults();
        assertThat(defaults.allows("java.lang.Integer")).isTrue();
        assertThat(defaults.allows("java.util.HashMap")).isTrue();
        assertThat(defaults.allows("java.time.chrono.HijrahDate")).isTrue();
        assertThat(defaults.allows("java.math.BigDecimal")).isTrue();
        assertThat(defaults.allows("java.lang.Runtime")).isFalse();
        assertThat(defaults.allows("java.lang.reflect.Proxy")).isFalse();
        assertThat(defaults.allows("java.net.URL")).isFalse();
        assertThat(defaults.allows("java.util.concurrent.ConcurrentHashMap")).isFalse();
        assertThat(defaults.allows("javax.management.BadAttributeValueExpException")).isFalse();
        assertThat(defaults.allows("com.sun.rowset.JdbcRowSetImpl")).isFalse();
        assertThat(ObjectMessagePolicy.allowing(null)).isEqualTo(defaults);
        assertThat(ObjectMessagePolicy.allowing(" ")).isEqualTo(defaults);
    }

    @Test
    void doubleStarAllowsEveryClass() throws JMSException {
        ReliqObjectMessage message = received(new Order("o", 1), ObjectMessagePolicy.allowing("**"));
        assertThat(message.getObject()).isEqualTo(new Order("o", 1));
    }

    @Test
    void invalidPatternsAreRefusedWithTheExpectedForms() {
        for (String bad : List.of("com..example", "com.*.Order", "com.example.", "1com.x", "*", "com.exa mple")) {
            assertThatThrownBy(() -> ObjectMessagePolicy.allowing(bad)).as(bad)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + bad.trim() + "'")
                .hasMessageContaining("com.example.**");
        }
    }

    @Test
    void theApplicationReadsBackTheObjectItSetWhateverThePolicy() throws JMSException {
        ReliqObjectMessage message = new ReliqObjectMessage();
        message.setObject(new ArrayList<>(List.of("a")));
        assertThat(message.getObject()).isEqualTo(List.of("a"));
        message.setObject(new Order("o", 1));
        assertThat(message.getObject()).isEqualTo(new Order("o", 1));
    }

    @Test
    void aReceivedBodyIsCheckedEvenAfterTheMessageWasCopied() throws JMSException {
        ReliqObjectMessage message = received(new Order("o", 1), ObjectMessagePolicy.defaults());
        ReliqObjectMessage copy = (ReliqObjectMessage) ReliqMessage.copyOf(message);
        assertThatThrownBy(copy::getObject).isInstanceOf(MessageFormatException.class).hasMessageContaining(ORDER);
    }

    @Test
    void aBodySetAfterClearBodyOfAReceivedMessageIsTheApplicationsOwn() throws JMSException {
        ReliqObjectMessage message = received(new ArrayList<>(List.of("a")), ObjectMessagePolicy.defaults());
        message.clearBody();
        message.setObject(new Order("o", 2));
        assertThat(message.getObject()).isEqualTo(new Order("o", 2));
    }

    @Test
    void setObjectTakesASnapshot() throws JMSException {
        Basket basket = new Basket();
        basket.items.add("apple");
        ReliqObjectMessage message = new ReliqObjectMessage();
        message.setObjectMessagePolicy(ObjectMessagePolicy.allowing(Basket.class.getName()));
        message.setObject(basket);
        basket.items.add("pear");
        Basket read = (Basket) message.getObject();
        assertThat(read.items).containsExactly("apple");
        read.items.add("plum");
        assertThat(((Basket) message.getObject()).items).containsExactly("apple");
    }

    @Test
    void unserializableContentIsAFormatError() {
        ReliqObjectMessage message = new ReliqObjectMessage();
        ArrayList<Object> list = new ArrayList<>();
        list.add(new Object());
        assertThatThrownBy(() -> message.setObject(list)).isInstanceOf(MessageFormatException.class)
            .hasMessageContaining("java.lang.Object").hasMessageContaining("not Serializable");
    }

    @Test
    void allowedClassMissingFromTheClassPathSaysSo() throws JMSException {
        ReliqObjectMessage message = new ReliqObjectMessage();
        message.setObject(new Order("o", 1));
        byte[] payload = MessageCodec.encode(message);
        // rename the class in the serialized stream to one of the same length that does not exist
        replace(payload, ORDER, ORDER.substring(0, ORDER.length() - 1) + "X");
        ReliqObjectMessage renamed = (ReliqObjectMessage) decode(payload);
        renamed.setObjectMessagePolicy(ObjectMessagePolicy.allowing("dev.reliq.jms.message.*"));
        assertThatThrownBy(renamed::getObject).isInstanceOf(MessageFormatException.class)
            .hasMessageContaining("ObjectMessageTest$OrdeX").hasMessageContaining("class path");
    }

    @Test
    void deeplyNestedGraphIsRefused() throws JMSException {
        ArrayList<Object> root = new ArrayList<>();
        ArrayList<Object> current = root;
        for (int i = 0; i < 200; i++) {
            ArrayList<Object> child = new ArrayList<>();
            current.add(child);
            current = child;
        }
        ReliqObjectMessage message = received(root, ObjectMessagePolicy.defaults());
        assertThatThrownBy(message::getObject).isInstanceOf(MessageFormatException.class)
            .hasMessageContaining("deeper than");
    }

    @Test
    void garbageBodyIsAFormatError() throws Exception {
        ReliqObjectMessage message = new ReliqObjectMessage();
        message.readBody(BodySlice.of("not serialized".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(message::getObject).isInstanceOf(MessageFormatException.class)
            .hasMessageContaining("not a valid serialized Java object");
    }

    private static ReliqObjectMessage received(Serializable object, ObjectMessagePolicy policy) throws JMSException {
        ReliqObjectMessage sent = new ReliqObjectMessage();
        sent.setObjectMessagePolicy(ObjectMessagePolicy.allowing("**"));
        sent.setObject(object);
        ReliqObjectMessage message = (ReliqObjectMessage) decode(MessageCodec.encode(sent));
        message.setObjectMessagePolicy(policy);
        message.markReceived();
        return message;
    }

    private static ReliqMessage decode(byte[] payload) {
        try {
            return MessageCodec.decode(payload);
        } catch (CorruptMessageException e) {
            throw new AssertionError(e);
        }
    }

    private static void replace(byte[] payload, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.UTF_8);
        byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + needle.length <= payload.length; i++) {
            if (Arrays.equals(payload, i, i + needle.length, needle, 0, needle.length)) {
                System.arraycopy(replacement, 0, payload, i, replacement.length);
                return;
            }
        }
        throw new AssertionError(from + " not found");
    }
}
