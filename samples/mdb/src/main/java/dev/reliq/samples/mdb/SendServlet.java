package dev.reliq.samples.mdb;

import java.io.IOException;

import jakarta.annotation.Resource;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /send?text=...} (or {@code GET}, for a browser) puts an order on the queue
 * {@code orders}, through the adapter's pooled connection factory. The reference
 * {@code jms/orders} is bound to the server's factory by {@code WEB-INF/jboss-web.xml}
 * (WildFly: {@code java:/jms/reliq/ConnectionFactory}) or {@code WEB-INF/glassfish-web.xml}
 * (GlassFish: {@code jms/reliq}).
 */
@WebServlet("/send")
public class SendServlet extends HttpServlet {

    @Resource(name = "jms/orders")
    private ConnectionFactory connectionFactory;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text = request.getParameter("text");
        if (text == null || text.isBlank()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "give the order as ?text=...");
            return;
        }
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession();
            session.createProducer(session.createQueue("orders")).send(session.createTextMessage(text));
        } catch (JMSException e) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "order not sent: " + e);
            return;
        }
        response.setContentType("text/plain");
        response.getWriter().print("sent " + text + "\n");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doPost(request, response);
    }
}
