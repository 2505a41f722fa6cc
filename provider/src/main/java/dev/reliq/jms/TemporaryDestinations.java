package dev.reliq.jms;

import jakarta.jms.JMSException;

/** The connection-side owner of temporary destinations: it alone may delete them. */
interface TemporaryDestinations {

    void delete(ReliqDestination temporary) throws JMSException;
}
