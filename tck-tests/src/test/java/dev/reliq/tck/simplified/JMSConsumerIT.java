package dev.reliq.tck.simplified;

import static dev.reliq.tck.JmsTestSupport.factory;
import static dev.reliq.tck.JmsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import dev.reliq.test.RedisServerExtension;

/**
 * The simplified API's consumer (JMSConsumer javadoc): receiveBody returns the body itself and,
 * for a body of another type, throws MessageFormatRuntimeException without consuming the message;
 * receive is refused while a listener is set; a closed consumer refuses use.
 */
class JMSConsumerIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.standalone();

    @Test
    void receiveBodyReturnsTheBodyOrNullWhenNothingCame() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("receive-body"));
            JMSConsumer consumer = context.createConsumer(queue);
            assertThat(consumer.receiveBodyNoWait(String.class)).isNull();
            assertThat(consumer.receiveBody(String.class, 300)).isNull();
            context.createProducer().send(queue, "one").send(queue, "two").send(queue, "three");
            assertThat(consumer.receiveBody(String.class)).isEqualTo("one");
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("two");
            await().atMost(Duration.ofSeconds(5)).until(() -> "three".equals(consumer.receiveBodyNoWait(String.class)));
        }
    }

    @Test
    void aBodyOfAnotherTypeIsRefusedAndTheMessageIsNotConsumed() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue queue = context.createQueue(uniqueName("receive-body-type"));
            context.createProducer().send(queue, "text, not bytes");
            JMSConsumer consumer = context.createConsumer(queue);
            assertThatThrownBy(() -> consumer.receiveBody(byte[].class, 5000))
                .isInstanceOf(MessageFormatRuntimeException.class);
            assertThat(consumer.receiveBody(String.class, 5000)).as("delivered again").isEqualTo("text, not bytes");
        }
    }

    @Test
    void receiveIsRefusedWhileAListenerIsSet() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            Queue queue = context.createQueue(uniqueName("jms-consumer-listener"));
            JMSConsumer consumer = context.createConsumer(queue);
            List<String> heard = new CopyOnWriteArrayList<>();
            consumer.setMessageListener(m -> heard.add(text(m)));
            assertThatThrownBy(consumer::receive).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(() -> consumer.receive(100)).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(() -> consumer.receiveBody(String.class, 100)).isInstanceOf(IllegalStateRuntimeException.class);
            context.createProducer().send(queue, "to the listener");
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("to the listener"));
        }
    }

    @Test
    void aClosedConsumerRefusesUse() throws Exception {
        try (JMSContext context = factory(REDIS, "").createContext()) {
            JMSConsumer consumer = context.createConsumer(context.createQueue(uniqueName("jms-consumer-closed")));
            consumer.close();
            consumer.close();
            assertThatThrownBy(() -> consumer.receive(10)).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(() -> consumer.receiveBody(String.class, 10)).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(() -> consumer.setMessageListener(null)).isInstanceOf(IllegalStateRuntimeException.class);
            assertThatThrownBy(consumer::getMessageSelector).isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    private static String text(Message message) {
        try {
            return ((TextMessage) message).getText();
        } catch (jakarta.jms.JMSException e) {
            return e.toString();
        }
    }
}
