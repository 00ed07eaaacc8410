package dev.chatserver.bootstrap;

import java.util.List;

/** The flags of the server, in the order of the configuration table of README.md. */
final class ServerFlags {
    static final List<Flag> ALL = List.of(
            Flag.of("port", "port", "8080", "HTTP port (0 picks a free one)"),
            Flag.of("host", "address", "0.0.0.0", "address to listen on"),
            Flag.of("storage", "kind", "h2", "memory, h2 or postgres"),
            Flag.of("data-dir", "dir", "./data", "folder of the H2 database"),
            Flag.of("db-url", "jdbc-url", "-", "JDBC URL; required for postgres, optional for h2"),
            Flag.of("db-user", "user", "postgres / sa", "database user"),
            Flag.of("db-password", "password", "empty", "database password"),
            Flag.of("db-pool-size", "n", "10", "connections in the pool"),
            Flag.of("token-ttl", "duration", "7d", "sign-in token lifetime (90s, 15m, 12h, 7d, ISO-8601)"),
            Flag.of("token-trust", "duration", "5s", "how long a node trusts a token it verified (0s: always ask)"),
            Flag.of("max-body-size", "bytes", "1048576", "largest request body (larger is 413)"),
            Flag.of("stop-timeout", "duration", "20s", "how long a stop waits for requests in flight"),
            Flag.onOff("demo", "create the demo users and group (README.md, Sign in)"),
            Flag.of("im-message-types", "types", "-", "message types accepted besides the built-in ones (comma-separated)"),
            Flag.of("im-max-message-bytes", "bytes", "65536", "largest message content, in UTF-8 bytes"),
            Flag.of("im-edit-window", "duration", "24h", "how long after posting its author may edit or delete a message"),
            Flag.of("chats-tenants", "tenants", "none", "who may create chats: example.org=backend.svc.example.org,...;other.org=..."),
            Flag.of("chats-account-audience", "audience", "usr.localhost", "signed-in user lynx is the account lynx.<audience>"),
            Flag.of("chats-jwt-keys", "keys", "none", "tenants' backends: issuer=/path/to/jwks.json;..."),
            Flag.of("chats-jwt-audience", "audience", "chat-server", "the aud every backend JWT must name"),
            Flag.of("chats-max-payload", "bytes", "65536", "largest body of a chats route (larger is 413)"),
            Flag.of("poll-timeout", "duration", "50s", "how long a long-poll is held when nothing is new"),
            Flag.of("bus-retention", "duration", "15m", "how long notifications are kept for resuming"),
            Flag.of("bus-retention-count", "n", "20000", "at most this many notifications are kept"),
            Flag.of("bus-retention-bytes", "bytes", "67108864", "at most this many bytes of notifications are kept, shared fairly between channels"),
            Flag.of("ws-queue", "n", "256", "batches a WebSocket may have unsent before it is closed"),
            Flag.of("ws-ping-interval", "duration", "25s", "how often WebSockets are pinged"),
            Flag.of("ws-idle-timeout", "duration", "75s", "a silent WebSocket is closed after this"),
            Flag.of("ws-unversioned", "dialect", "api", "what a /websocket without version speaks: api or odoo16"),
            Flag.of("presence-sweep", "duration", "10s", "how often presence changes that only time causes are pushed"),
            Flag.of("odoo-db", "name", "chat", "the database name Odoo 8's im_chat client sees"),
            Flag.of("sign-in-login-failures", "n", "5", "wrong passwords for one login within the window before 429"),
            Flag.of("sign-in-address-failures", "n", "20", "failed sign-ins from one address within the window before 429"),
            Flag.of("sign-in-window", "duration", "15m", "how long a failed sign-in counts"),
            Flag.of("sign-in-hashes", "n", "half the cores", "password checks that run at once"),
            Flag.of("sign-in-hash-queue", "n", "16", "sign-ins that may wait for a password check"),
            Flag.of("trusted-proxies", "list", "none", "proxies whose X-Forwarded-For names the client (addresses, CIDR)"),
            Flag.of("allowed-origins", "list", "none", "other browser origins that may use the session cookie"),
            Flag.of("ws-per-user", "n", "32", "WebSockets one user may have open on one node"),
            Flag.of("channels-per-subscription", "n", "100", "channels one subscribe or poll may name (at most 1000)"),
            Flag.of("held-polls-per-user", "n", "8", "long-polls of one user held at once on one node"),
            Flag.of("write-queue", "n", "4096", "posts and chat events that may wait for the writer"),
            Flag.of("write-batch", "n", "512", "most posts and chat events stored in one transaction"),
            Flag.of("metrics", "on|off", "on", "serve GET /metrics (Prometheus text; docs/OPERATIONS.md)"));

    private ServerFlags() {
    }
}
