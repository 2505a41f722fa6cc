package dev.reliq.samples.jndi;

import java.io.PrintStream;
import java.util.Hashtable;

import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import dev.reliq.samples.support.EmbeddedRedis;

/**
 * Plain Jakarta Messaging, configured only by {@code jndi.properties}: the connection factory
 * {@code ConnectionFactory}, the queues {@code orders} and {@code invoices} and the topic {@code prices} are
 * looked up by name, and the code never mentions Redis.
 *
 * <ol>
 *   <li>CLIENT_ACKNOWLEDGE: three orders are received; {@code recover()} gives them back
 *       (JMSRedelivered, JMSXDeliveryCount 2); one {@code acknowledge()} settles all three.</li>
 *   <li>A transacted session consumes an order and sends its invoice: a rollback undoes both
 *       (the order comes back, no invoice); the commit does both at once.</li>
 *   <li>A durable subscription keeps the prices published while its subscriber is closed.</li>
 * </ol>
 *
 * When the Redis that {@code jndi.properties} names does not answer, the sample starts an
 * embedded one and tells the initial context so, through the environment that takes
 * precedence over {@code jndi.properties}.
 */
public final class JndiClient {

    private final PrintStream out;

    private JndiClient(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Hashtable<String, String> environment = new Hashtable<>();
        String configured = (String) new InitialContext().getEnvironment().get("connectionFactory.ConnectionFactory");
        if (answers(new InitialContext())) {
            System.out.println("Using the Redis of jndi.properties");
            run(environment, System.out);
            return;
        }
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            System.out.println("No Redis answers at the URI in jndi.properties: started an embedded Redis "
                + redis.version() + " at " + redis.uri() + " for this run");
            // the same options, on the embedded server
            String options = configured.contains("?") ? configured.substring(configured.indexOf('?')) : "";
            environment.put("connectionFactory.ConnectionFactory", redis.uri() + options);
            run(environment, System.out);
        }
    }

    private static boolean answers(Context jndi) throws NamingException {
        try (Connection probe = ((ConnectionFactory) jndi.lookup("ConnectionFactory")).createConnection()) {
            return true;
        } catch (JMSException e) {
            return false;
        }
    }

    /** Runs the sample; {@code environment} entries override those of jndi.properties. */
    static void run(Hashtable<String, String> environment, PrintStream out) throws NamingException, JMSException {
        Context jndi = new InitialContext(environment);
        ConnectionFactory factory = (ConnectionFactory) jndi.lookup("ConnectionFactory");
        Queue orders = (Queue) jndi.lookup("orders");
        Queue invoices = (Queue) jndi.lookup("invoices");
        Topic prices = (Topic) jndi.lookup("prices");
        out.println("looked up connection factory 'ConnectionFactory', queues '" + orders.getQueueName() + "' and '"
            + invoices.getQueueName() + "', topic '" + prices.getTopicName() + "'");
        JndiClient sample = new JndiClient(out);
        try (Connection connection = factory.createConnection()) {
            connection.start();
            sample.clientAcknowledge(connection, orders);
            sample.transacted(connection, orders, invoices);
            sample.durableSubscription(connection, prices);
        }
        out.println("done");
    }

    private void clientAcknowledge(Connection connection, Queue orders) throws JMSException {
        out.println();
        out.println("== CLIENT_ACKNOWLEDGE ==");
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(orders);
        for (int i = 1; i <= 3; i++) {
            producer.send(session.createTextMessage("order-" + i));
        }
        MessageConsumer consumer = session.createConsumer(orders);
        for (int i = 1; i <= 3; i++) {
            describe("received", consumer.receive(5_000));
        }
        session.recover();
        out.println("recover(): the three unacknowledged orders come back");
        Message last = null;
        for (int i = 1; i <= 3; i++) {
            last = consumer.receive(5_000);
            describe("received again", last);
        }
        last.acknowledge();
        out.println("one acknowledge() settled all three; left in the queue: "
            + (consumer.receive(500) == null ? "nothing" : "something"));
        session.close();
    }

    private void transacted(Connection connection, Queue orders, Queue invoices) throws JMSException {
        out.println();
        out.println("== transacted session ==");
        Session sender = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        sender.createProducer(orders).send(sender.createTextMessage("order-4"));
        Session tx = connection.createSession(Session.SESSION_TRANSACTED);
        MessageConsumer consumer = tx.createConsumer(orders);
        MessageProducer invoiceProducer = tx.createProducer(invoices);

        TextMessage order = (TextMessage) consumer.receive(5_000);
        describe("received", order);
        invoiceProducer.send(tx.createTextMessage("invoice for " + order.getText()));
        tx.rollback();
        out.println("rollback(): the invoice was never sent and " + order.getText() + " goes back to the queue");

        order = (TextMessage) consumer.receive(5_000);
        describe("received again", order);
        invoiceProducer.send(tx.createTextMessage("invoice for " + order.getText()));
        tx.commit();
        out.println("commit(): " + order.getText() + " consumed and its invoice sent, together");

        MessageConsumer invoiceReader = sender.createConsumer(invoices);
        int count = 0;
        for (Message m = invoiceReader.receive(5_000); m != null; m = invoiceReader.receive(500)) {
            out.println("invoices holds: " + ((TextMessage) m).getText());
            count++;
        }
        out.println("invoices sent: " + count);
        tx.close();
        sender.close();
    }

    private void durableSubscription(Connection connection, Topic prices) throws JMSException {
        out.println();
        out.println("== durable subscription ==");
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageProducer publisher = session.createProducer(prices);
        MessageConsumer audit = session.createDurableConsumer(prices, "audit");
        publisher.send(session.createTextMessage("EUR 1.08"));
        out.println("subscriber 'audit' received " + ((TextMessage) audit.receive(5_000)).getText());
        audit.close();
        publisher.send(session.createTextMessage("EUR 1.09"));
        out.println("published EUR 1.09 while 'audit' was closed");
        audit = session.createDurableConsumer(prices, "audit");
        out.println("subscriber 'audit' reopened and received " + ((TextMessage) audit.receive(5_000)).getText());
        audit.close();
        session.unsubscribe("audit");
        out.println("unsubscribed 'audit'");
        session.close();
    }

    private void describe(String what, Message message) throws JMSException {
        out.println(what + " " + ((TextMessage) message).getText() + " (JMSRedelivered=" + message.getJMSRedelivered()
            + ", JMSXDeliveryCount=" + message.getIntProperty("JMSXDeliveryCount") + ")");
    }

    static {
        // the sample's own output is the story; reliq's INFO lines would only interleave with it
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty(
            "org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    }
}
