package dev.reliq.appserver.app;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.jms.JMSException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** GET /send?queue=...&text=...&rollback=true|false[&api=context]: calls {@link Sender} in a transaction of its own. */
@WebServlet("/send")
public class SendServlet extends HttpServlet {

    @EJB
    private Sender sender;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            boolean rollback = Boolean.parseBoolean(request.getParameter("rollback"));
            if ("context".equals(request.getParameter("api"))) {
                sender.sendWithContext(request.getParameter("queue"), request.getParameter("text"), rollback);
            } else {
                sender.send(request.getParameter("queue"), request.getParameter("text"), rollback);
            }
            response.getWriter().print("sent");
        } catch (JMSException e) {
            response.sendError(500, e.toString());
        }
    }
}
