package dev.reliq.appserver.crash.app;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * GET /crash answers "ready" once the application is deployed. POST /crash?queue=...&amp;text=...
 * sends the text in a transaction whose commit halts the server, so it never answers.
 */
@WebServlet("/crash")
public class CrashServlet extends HttpServlet {

    @EJB
    private CrashingSender sender;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().print("ready");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            sender.sendThenCrashOnCommit(request.getParameter("queue"), request.getParameter("text"));
            response.getWriter().print("committed without crashing");
        } catch (Exception e) {
            response.sendError(500, e.toString());
        }
    }
}
