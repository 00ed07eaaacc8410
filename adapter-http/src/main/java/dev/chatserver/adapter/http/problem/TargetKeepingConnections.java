package dev.chatserver.adapter.http.problem;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.HttpChannelOverHttp;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * HTTP/1.1 connections that keep each request's target as it was sent. When Jetty cannot build the request's
 * URI (bad percent-encoding, a NUL), it no longer knows the path; {@link JettyErrors} still needs it to pick
 * the API's error shape.
 */
public final class TargetKeepingConnections extends HttpConnectionFactory {
    public TargetKeepingConnections(HttpConfiguration configuration) {
        super(configuration);
    }

    /** The target of the request being parsed on this thread's connection, as sent; null when none was read. */
    static String currentTarget() {
        HttpConnection connection = HttpConnection.getCurrentConnection();
        HttpChannel channel = connection == null ? null : connection.getHttpChannel();
        return channel instanceof TargetKeepingChannel keeping ? keeping.target : null;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint,
                isRecordHttpComplianceViolations()) {
            @Override
            protected HttpChannelOverHttp newHttpChannel() {
                return new TargetKeepingChannel(this, getConnector(), getHttpConfiguration(), getEndPoint());
            }
        };
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }

    private static final class TargetKeepingChannel extends HttpChannelOverHttp {
        private volatile String target;

        TargetKeepingChannel(HttpConnection connection, Connector connector, HttpConfiguration configuration,
                             EndPoint endPoint) {
            super(connection, connector, configuration, endPoint, connection);
        }

        @Override
        public void startRequest(String method, String uri, HttpVersion version) {
            target = uri;
            super.startRequest(method, uri, version);
        }

        @Override
        public void recycle() {
            super.recycle();
            target = null;
        }
    }
}
