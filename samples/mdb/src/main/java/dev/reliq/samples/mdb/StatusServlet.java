package dev.reliq.samples.mdb;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /status}: the orders {@link OrderMdb} processed, how many deliveries each order
 * took, and what is in {@code orders.DLQ} (browsed, not consumed), with the reason reliq gives
 * for each dead letter. Plain text, one fact per line:
 *
 * <pre>
 * processed: 1
 *   order-1
 * deliveries:
 *   order-1: 1
 *   poison-2: 3
 * orders.DLQ: 1
 *   poison-2 reason=maxDeliveries deliveries=3
 * </pre>
 */
@WebServlet("/status")
public class StatusServlet extends HttpServlet {

    @Resource(name = "jms/orders")
    private ConnectionFactory connectionFactory;

    @Inject
    private OrderLog orderLog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> deadLetters;
        try {
            deadLetters = browseDeadLetters();
        } catch (JMSException e) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "cannot browse orders.DLQ: " + e);
            return;
        }
        // "\n" rather than println, which is "\r\n" in some servlet containers
        StringBuilder out = new StringBuilder();
        List<String> processed = orderLog.processed();
        out.append("processed: ").append(processed.size()).append('\n');
        processed.forEach(order -> out.append("  ").append(order).append('\n'));
        out.append("deliveries:\n");
        for (Map.Entry<String, Integer> e : new TreeMap<>(orderLog.attempts()).entrySet()) {
            out.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        out.append("orders.DLQ: ").append(deadLetters.size()).append('\n');
        deadLetters.forEach(line -> out.append("  ").append(line).append('\n'));
        response.setContentType("text/plain");
        response.getWriter().print(out);
    }

    private List<String> browseDeadLetters() throws JMSException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession();
            try (QueueBrowser browser = session.createBrowser(session.createQueue("orders.DLQ"))) {
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements()) {
                    Message m = (Message) messages.nextElement();
                    lines.add(((TextMessage) m).getText()
                        + " reason=" + m.getStringProperty("JMS_ReliqDeadLetterReason")
                        + " deliveries=" + m.getStringProperty("JMS_ReliqDeadLetterDeliveries"));
                }
            }
        }
        return lines;
    }
}
