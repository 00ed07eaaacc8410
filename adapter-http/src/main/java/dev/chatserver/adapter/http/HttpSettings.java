package dev.chatserver.adapter.http;

import java.time.Duration;

/**
 * @param port        the port to listen on; 0 picks a free one
 * @param maxBodySize the largest request body accepted, in bytes
 * @param stopTimeout how long a stop waits for requests in flight
 * @param accessLog   one log line per request answered (logger {@code http.request}); the metrics count them either way
 */
public record HttpSettings(String host, int port, long maxBodySize, Duration stopTimeout, boolean accessLog) {
    public static final long DEFAULT_MAX_BODY_SIZE = 1_048_576;

    public HttpSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port is between 0 and 65535: " + port);
        }
    }
}
