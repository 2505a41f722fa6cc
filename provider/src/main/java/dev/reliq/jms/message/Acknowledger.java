package dev.reliq.jms.message;

import jakarta.jms.JMSException;

/**
 * What {@link ReliqMessage#acknowledge()} does for a received message. The provider sets one on
 * every message it delivers; it acknowledges what the session consumed (CLIENT_ACKNOWLEDGE) or
 * does nothing (other modes), as the specification says.
 */
@FunctionalInterface
public interface Acknowledger {

    void acknowledge() throws JMSException;
}
