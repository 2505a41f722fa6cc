package dev.reliq.jms;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.TransactionRolledBackRuntimeException;

import dev.reliq.queue.MessageTooLargeException;
import dev.reliq.queue.RedisAuthenticationException;
import dev.reliq.queue.RedisConnectionException;

/** Turns failures of the layers below into the JMS exceptions the specification names. */
final class JmsExceptions {

    /** Error code of a JMSException caused by Redis being unreachable. */
    static final String REDIS_UNREACHABLE = "RELIQ_REDIS_UNREACHABLE";

    private JmsExceptions() {
    }

    static JMSException invalidConfiguration(IllegalArgumentException e) {
        return link(new JMSException(e.getMessage(), "RELIQ_INVALID_CONFIGURATION"), e);
    }

    /** A failure of a queue operation, as a JMSException that says what failed. */
    static JMSException fromQueue(RuntimeException e) {
        if (e instanceof RedisAuthenticationException) {
            return link(new JMSSecurityException(e.getMessage(), "RELIQ_AUTHENTICATION"), e);
        }
        if (e instanceof RedisConnectionException) {
            return link(new JMSException(e.getMessage(), REDIS_UNREACHABLE), e);
        }
        if (e instanceof MessageTooLargeException) {
            return link(new ResourceAllocationException(e.getMessage(), "RELIQ_MESSAGE_TOO_LARGE"), e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("NOPERM") || message.contains("NOAUTH")) {
            return link(new JMSSecurityException(message, "RELIQ_PERMISSION"), e);
        }
        return link(new JMSException(message), e);
    }

    static IllegalStateException closed(String what) {
        return new IllegalStateException("The " + what + " is closed");
    }

    static <T extends JMSException> T link(T jms, Exception cause) {
        jms.setLinkedException(cause);
        jms.initCause(cause);
        return jms;
    }

    /** The unchecked twin of a JMSException, for the simplified API. */
    static JMSRuntimeException toRuntime(JMSException e) {
        String m = e.getMessage();
        String code = e.getErrorCode();
        JMSRuntimeException runtime;
        if (e instanceof IllegalStateException) {
            runtime = new IllegalStateRuntimeException(m, code, e);
        } else if (e instanceof InvalidClientIDException) {
            runtime = new InvalidClientIDRuntimeException(m, code, e);
        } else if (e instanceof InvalidDestinationException) {
            runtime = new InvalidDestinationRuntimeException(m, code, e);
        } else if (e instanceof InvalidSelectorException) {
            runtime = new InvalidSelectorRuntimeException(m, code, e);
        } else if (e instanceof JMSSecurityException) {
            runtime = new JMSSecurityRuntimeException(m, code, e);
        } else if (e instanceof MessageFormatException) {
            runtime = new MessageFormatRuntimeException(m, code, e);
        } else if (e instanceof MessageNotWriteableException) {
            runtime = new MessageNotWriteableRuntimeException(m, code, e);
        } else if (e instanceof ResourceAllocationException) {
            runtime = new ResourceAllocationRuntimeException(m, code, e);
        } else if (e instanceof TransactionInProgressException) {
            runtime = new TransactionInProgressRuntimeException(m, code, e);
        } else if (e instanceof TransactionRolledBackException) {
            runtime = new TransactionRolledBackRuntimeException(m, code, e);
        } else {
            runtime = new JMSRuntimeException(m, code, e);
        }
        return runtime;
    }
}
