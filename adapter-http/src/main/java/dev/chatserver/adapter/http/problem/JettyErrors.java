package dev.chatserver.adapter.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers what Jetty refuses before any route runs (a malformed request line, bad percent-encoding, a NUL or
 * an oversized header) in the API's own error shape instead of Jetty's HTML page: problem details under
 * {@code /api/}, a JSON-RPC error everywhere else (and when the path could not be read at all).
 */
public final class JettyErrors extends ErrorHandler {
    private final ObjectMapper mapper;

    public JettyErrors(ObjectMapper mapper) {
        this.mapper = mapper;
        setShowStacks(false);
        setShowServlet(false);
    }

    /** A request the parser refused: the answer is written by Jetty from these bytes and headers. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        boolean restApi = isRestApi(parsedPath());
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, contentType(restApi)));
        return ByteBuffer.wrap(body(restApi, status, reason));
    }

    /** A request refused after parsing (e.g. a path that does not decode), or an error page Jetty makes. */
    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        if (response.isCommitted()) {
            return;
        }
        int status = response.getStatus() < 400 ? 500 : response.getStatus();
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        HttpURI uri = baseRequest.getHttpURI();
        boolean restApi = isRestApi(uri == null || uri.getPath() == null ? parsedPath() : uri.getPath());
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(contentType(restApi));
        if (status == HttpStatus.SERVICE_UNAVAILABLE_503) {
            // Jetty's own 503 is a node stopping gracefully (a request on a kept-alive connection after the stop
            // began): the same request will work elsewhere at once, and this connection is of no further use
            response.setHeader("Retry-After", "1");
            response.setHeader("Connection", "close");
            response.getOutputStream().write(stoppingBody(restApi));
            return;
        }
        response.getOutputStream().write(body(restApi, status, message == null ? null : message.toString()));
    }

    /** In the shape of every other 503: {@code overloaded}, JSON-RPC code -32000. */
    private byte[] stoppingBody(boolean restApi) {
        String detail = "the server is stopping; retry shortly";
        Map<String, Object> body = new LinkedHashMap<>();
        if (restApi) {
            body.put("type", "overloaded");
            body.put("title", "Overloaded");
            body.put("status", HttpStatus.SERVICE_UNAVAILABLE_503);
            body.put("detail", detail);
        } else {
            body.put("jsonrpc", "2.0");
            body.put("id", null);
            body.put("error", Map.of("code", -32000, "message", "Overloaded", "data", detail));
        }
        return write(body);
    }

    private static String parsedPath() {
        return TargetKeepingConnections.currentPath();
    }

    private static boolean isRestApi(String path) {
        return path != null && path.startsWith("/api/");
    }

    private static String contentType(boolean restApi) {
        return restApi ? ProblemDetails.CONTENT_TYPE : "application/json";
    }

    private byte[] body(boolean restApi, int status, String reason) {
        String title = HttpStatus.getMessage(status);
        String detail = reason == null || reason.isBlank() ? title : reason;
        Map<String, Object> body = new LinkedHashMap<>();
        if (restApi) {
            body.put("type", status == 431 ? "headers_too_large" : "invalid_request");
            body.put("title", title);
            body.put("status", status);
            body.put("detail", detail);
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", status);
            error.put("message", title);
            error.put("data", detail);
            body.put("jsonrpc", "2.0");
            body.put("id", null);
            body.put("error", error);
        }
        return write(body);
    }

    private byte[] write(Map<String, Object> body) {
        try {
            return (mapper.writeValueAsString(body) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body always writes", e);
        }
    }
}
