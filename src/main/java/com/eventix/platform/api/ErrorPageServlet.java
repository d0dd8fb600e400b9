package com.eventix.platform.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The container's error page (see web.xml): answers failures raised outside JAX-RS, such as an unknown path
 * outside /api/v1 or a rejected bearer token, in the same error envelope as the API.
 */
@WebServlet(urlPatterns = "/error")
public class ErrorPageServlet extends HttpServlet {
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object attribute = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = attribute instanceof Integer code ? code : 404;
        ErrorCode code = ErrorCode.forStatus(status);
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.getWriter().write(JSON.toJson(ApiResponse.failure(new ApiError(code, Responses.describe(status), Map.of()))));
    }
}
