package dev.chatserver.adapter.http.problem;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 connections that keep the start of each request line as it was sent. When Jetty refuses a request
 * before it has a URI (bad percent-encoding, a NUL, a target or header too long), it no longer knows the
 * path; {@link JettyErrors} still needs it to pick the API's error shape.
 */
public final class TargetKeepingConnections extends HttpConnectionFactory {
    /** Enough of the request line to see the method and whether the target is under {@code /api/}. */
    private static final int KEPT_BYTES = 128;

    public TargetKeepingConnections(org.eclipse.jetty.server.HttpConfiguration configuration) {
        super(configuration);
    }

    /**
     * The path of the request being parsed on this thread's connection, from its request line as sent
     * (possibly cut short, never decoded); null when no request line was read.
     */
    static String currentPath() {
        HttpConnection connection = HttpConnection.getCurrentConnection();
        if (connection == null || !(connection.getParser() instanceof LineKeepingParser parser) || parser.line == null) {
            return null;
        }
        String line = parser.line.stripLeading();
        int space = line.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String target = line.substring(space + 1);
        int scheme = target.indexOf("://");
        if (scheme > 0 && scheme < target.indexOf('/')) {
            int path = target.indexOf('/', scheme + 3);
            return path < 0 ? "/" : target.substring(path);
        }
        return target;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint,
                isRecordHttpComplianceViolations()) {
            @Override
            protected HttpParser newHttpParser(HttpCompliance compliance) {
                HttpParser parser = new LineKeepingParser(newRequestHandler(),
                        getHttpConfiguration().getRequestHeaderSize(), compliance);
                parser.setHeaderCacheSize(getHttpConfiguration().getHeaderCacheSize());
                parser.setHeaderCacheCaseSensitive(getHttpConfiguration().isHeaderCacheCaseSensitive());
                return parser;
            }
        };
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }

    private static final class LineKeepingParser extends HttpParser {
        private volatile String line;

        LineKeepingParser(RequestHandler handler, int maxHeaderBytes, HttpCompliance compliance) {
            super(handler, maxHeaderBytes, compliance);
        }

        @Override
        public boolean parseNext(ByteBuffer buffer) {
            if (isStart() && buffer.hasRemaining()) {
                byte[] start = new byte[Math.min(KEPT_BYTES, buffer.remaining())];
                buffer.duplicate().get(start);
                line = new String(start, StandardCharsets.ISO_8859_1);
            }
            return super.parseNext(buffer);
        }
    }
}
