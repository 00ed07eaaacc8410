package dev.chatserver.bootstrap;

import dev.chatserver.adapter.http.HttpSettings;
import dev.chatserver.adapter.http.auth.SessionCookie;
import dev.chatserver.adapter.http.chats.ChatsApiSettings;
import dev.chatserver.adapter.http.odoo8.Odoo8Settings;
import dev.chatserver.adapter.http.realtime.UnversionedWebSocket;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.application.account.HashingLimits;
import dev.chatserver.application.attachment.AttachmentSettings;
import dev.chatserver.application.account.SignInPolicy;
import dev.chatserver.application.account.SignInThrottling;
import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.BudgetSettings;
import dev.chatserver.application.budget.Rate;
import dev.chatserver.application.im.EditWindow;
import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.notify.EmailSettings;
import dev.chatserver.application.port.in.realtime.ByteBounds;
import dev.chatserver.application.port.in.realtime.ConnectionLimits;
import dev.chatserver.application.port.in.realtime.RealtimeSettings;
import dev.chatserver.application.port.out.notification.NotificationRetention;
import dev.chatserver.application.presence.PresenceSettings;
import dev.chatserver.application.write.WriteLimits;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Every setting of the chat, typed, each with its default written once (taken from the settings record it feeds
 * where there is one). {@link #ALL} is in the order of the configuration table of README.md.
 */
public final class ServerFlags {
    public static final Flag<Integer> PORT = Flag.number("port", "port", 8080, "HTTP port (0 picks a free one)");
    public static final Flag<String> HOST = Flag.text("host", "address", "0.0.0.0", "address to listen on");
    public static final Flag<Settings.StorageKind> STORAGE = Flag.choice("storage", "kind", Settings.StorageKind.H2,
            "memory, h2 or postgres", ServerFlags::storageKind);
    public static final Flag<Path> DATA_DIR = Flag.path("data-dir", "dir", Path.of("./data"), "folder of the H2 database");
    public static final Flag<String> DB_URL = Flag.optionalText("db-url", "jdbc-url", "-",
            "JDBC URL; required for postgres, optional for h2");
    public static final Flag<String> DB_USER = Flag.optionalText("db-user", "user", "postgres / sa", "database user");
    public static final Flag<String> DB_PASSWORD = Flag.text("db-password", "password", "", "database password")
            .shownAs("empty");
    public static final Flag<Integer> DB_POOL_SIZE = Flag.number("db-pool-size", "n", DatabaseSettings.DEFAULT_POOL_SIZE,
            "connections in the pool");
    public static final Flag<Path> BACKUP_DIR = Flag.optionalPath("backup-dir", "dir", "none",
            "H2 only: folder the node writes an online backup of its database to, every --backup-every");
    public static final Flag<Duration> BACKUP_EVERY = Flag.duration("backup-every", H2Backups.DEFAULT_INTERVAL,
            "how often the H2 backup is taken");
    public static final Flag<Integer> BACKUP_KEEP = Flag.number("backup-keep", "n", H2Backups.DEFAULT_KEPT,
            "H2 backups kept in --backup-dir; older ones are deleted");
    public static final Flag<Duration> TOKEN_TTL = Flag.duration("token-ttl", SignInPolicy.DEFAULT_LIFETIME,
            "sign-in token lifetime (90s, 15m, 12h, 7d, ISO-8601)");
    public static final Flag<Duration> TOKEN_TRUST = Flag.duration("token-trust", SignInPolicy.DEFAULT_TRUST,
            "how long a node trusts a token it verified (0s: always ask)");
    public static final Flag<Integer> MAX_BODY_SIZE = Flag.number("max-body-size", "bytes",
            (int) HttpSettings.DEFAULT_MAX_BODY_SIZE, "largest request body (larger is 413)");
    public static final Flag<Duration> STOP_TIMEOUT = Flag.duration("stop-timeout", Duration.ofSeconds(20),
            "how long a stop waits for requests in flight");
    public static final Flag<Boolean> DEMO = Flag.toggle("demo", "create the demo users and group (README.md, Sign in)");
    public static final Flag<List<String>> IM_MESSAGE_TYPES = Flag.list("im-message-types", "types", "-",
            "message types accepted besides the built-in ones (comma-separated)");
    public static final Flag<Integer> IM_MAX_MESSAGE_BYTES = Flag.number("im-max-message-bytes", "bytes",
            ImPolicy.defaults().maxContentBytes(), "largest message content, in UTF-8 bytes");
    public static final Flag<Duration> IM_EDIT_WINDOW = Flag.duration("im-edit-window", EditWindow.DEFAULT,
            "how long after posting its author may edit or delete a message");
    public static final Flag<String> CHATS_TENANTS = Flag.text("chats-tenants", "tenants", "",
            "who may create chats: example.org=backend.svc.example.org,...;other.org=...").shownAs("none");
    public static final Flag<String> CHATS_ACCOUNT_AUDIENCE = Flag.text("chats-account-audience", "audience",
            ChatsApiSettings.DEFAULT_ACCOUNT_AUDIENCE, "signed-in user lynx is the account lynx.<audience>");
    public static final Flag<String> CHATS_JWT_KEYS = Flag.text("chats-jwt-keys", "keys", "",
            "tenants' backends: issuer=/path/to/jwks.json;...").shownAs("none");
    public static final Flag<String> CHATS_JWT_AUDIENCE = Flag.text("chats-jwt-audience", "audience", "chat-server",
            "the aud every backend JWT must name");
    public static final Flag<Integer> CHATS_MAX_PAYLOAD = Flag.number("chats-max-payload", "bytes",
            ChatsApiSettings.DEFAULT_MAX_PAYLOAD_BYTES, "largest body of a chats route (larger is 413)");
    public static final Flag<Duration> POLL_TIMEOUT = Flag.duration("poll-timeout", RealtimeSettings.DEFAULT.pollTimeout(),
            "how long a long-poll is held when nothing is new");
    public static final Flag<Duration> BUS_RETENTION = Flag.duration("bus-retention",
            NotificationRetention.DEFAULT.maxAge(), "how long notifications are kept for resuming");
    public static final Flag<Integer> BUS_RETENTION_COUNT = Flag.number("bus-retention-count", "n",
            NotificationRetention.DEFAULT.maxCount(), "at most this many notifications are kept");
    public static final Flag<Integer> BUS_RETENTION_BYTES = Flag.number("bus-retention-bytes", "bytes",
            (int) NotificationRetention.DEFAULT.maxBytes(),
            "at most this many bytes of notifications are kept, shared fairly between channels");
    public static final Flag<Integer> WS_QUEUE = Flag.number("ws-queue", "n", RealtimeSettings.DEFAULT.outboundBatches(),
            "frames a WebSocket may have unsent before it is closed (4000)");
    public static final Flag<Integer> WS_QUEUE_BYTES = Flag.number("ws-queue-bytes", "bytes",
            (int) ByteBounds.DEFAULT.perConnection(), "bytes a WebSocket may have unsent before it is closed (4000)");
    public static final Flag<Integer> WS_USER_BYTES = Flag.number("ws-user-bytes", "bytes",
            (int) ByteBounds.DEFAULT.perHolder(), "bytes one user's WebSockets on a node may have unsent together");
    /** Its default depends on the heap: {@link ByteBounds#nodeDefault}. */
    public static final Flag<Integer> WS_NODE_BYTES = Flag.number("ws-node-bytes", "bytes", "min(256 MiB, max heap / 8)",
            "bytes all WebSockets of a node may have unsent together");
    public static final Flag<Integer> POLL_ANSWER_BYTES = Flag.number("poll-answer-bytes", "bytes",
            (int) ByteBounds.DEFAULT.pollAnswer(),
            "largest long-poll answer (at least one notification; the rest on the next poll)");
    public static final Flag<Duration> WS_PING_INTERVAL = Flag.duration("ws-ping-interval",
            RealtimeSettings.DEFAULT.pingInterval(), "how often WebSockets are pinged");
    public static final Flag<Duration> WS_IDLE_TIMEOUT = Flag.duration("ws-idle-timeout",
            RealtimeSettings.DEFAULT.idleTimeout(), "a silent WebSocket is closed after this");
    public static final Flag<UnversionedWebSocket> WS_UNVERSIONED = Flag.choice("ws-unversioned", "dialect",
            UnversionedWebSocket.API, "what a /websocket without version speaks: api or odoo16", UnversionedWebSocket::parse);
    public static final Flag<Duration> PRESENCE_SWEEP = Flag.duration("presence-sweep", PresenceSettings.DEFAULT.sweepEvery(),
            "how often presence changes that only time causes are pushed");
    public static final Flag<String> ODOO_DB = Flag.text("odoo-db", "name", Odoo8Settings.DEFAULT_DATABASE,
            "the database name Odoo 8's im_chat client sees");
    public static final Flag<Integer> SIGN_IN_LOGIN_FAILURES = Flag.number("sign-in-login-failures", "n",
            SignInThrottling.DEFAULT.perLoginFromAddress().maxFailures(),
            "wrong passwords for one login from one address within the window before 429");
    public static final Flag<Integer> SIGN_IN_ADDRESS_FAILURES = Flag.number("sign-in-address-failures", "n",
            SignInThrottling.DEFAULT.perAddress().maxFailures(),
            "failed sign-ins from one address within the window before 429");
    public static final Flag<Integer> SIGN_IN_LOGIN_TOTAL_FAILURES = Flag.number("sign-in-login-total-failures", "n",
            SignInThrottling.DEFAULT.perLogin().maxFailures(),
            "wrong passwords for one login from all addresses within the window before 429");
    public static final Flag<Duration> SIGN_IN_WINDOW = Flag.duration("sign-in-window",
            SignInThrottling.DEFAULT.perLoginFromAddress().length(), "how long a failed sign-in counts");
    /** Its default depends on the cores: {@link HashingLimits#DEFAULT}. */
    public static final Flag<Integer> SIGN_IN_HASHES = Flag.number("sign-in-hashes", "n", "half the cores",
            "password checks that run at once");
    public static final Flag<Integer> SIGN_IN_HASH_QUEUE = Flag.number("sign-in-hash-queue", "n",
            HashingLimits.DEFAULT.queued(), "sign-ins that may wait for a password check");
    public static final Flag<List<String>> TRUSTED_PROXIES = Flag.list("trusted-proxies", "list", "none",
            "proxies whose X-Forwarded-For/-Proto name the client and its scheme (addresses, CIDR)");
    public static final Flag<List<String>> ALLOWED_ORIGINS = Flag.list("allowed-origins", "list", "none",
            "other browser origins that may sign in and use the session cookie");
    public static final Flag<SessionCookie.Secure> COOKIE_SECURE = Flag.choice("cookie-secure", "on|off|auto",
            SessionCookie.Secure.AUTO, "mark the session cookie Secure: always, never, or when the request came over https",
            SessionCookie.Secure::parse);
    public static final Flag<Integer> WS_PER_USER = Flag.number("ws-per-user", "n", ConnectionLimits.DEFAULT.socketsPerUser(),
            "WebSockets one user may have open on one node");
    public static final Flag<Integer> CHANNELS_PER_SUBSCRIPTION = Flag.number("channels-per-subscription", "n",
            ConnectionLimits.DEFAULT.channelsPerSubscription(), "channels one subscribe or poll may name (at most 1000)");
    public static final Flag<Integer> HELD_POLLS_PER_USER = Flag.number("held-polls-per-user", "n",
            ConnectionLimits.DEFAULT.heldPollsPerUser(), "long-polls of one user held at once on one node");
    public static final Flag<Integer> WRITE_QUEUE = Flag.number("write-queue", "n", WriteLimits.DEFAULT.queued(),
            "posts and chat events that may wait for the writer");
    public static final Flag<Integer> WRITE_QUEUE_BYTES = Flag.number("write-queue-bytes", "bytes",
            (int) WriteLimits.DEFAULT.queuedBytes(),
            "bytes the posts and chat events waiting for the writer may hold together (past it 503)");
    public static final Flag<Integer> WRITE_BATCH = Flag.number("write-batch", "n", WriteLimits.DEFAULT.batch(),
            "most posts and chat events stored in one transaction");
    public static final Flag<Rate> USER_POSTS = Flag.rate("user-posts", Budget.POSTS.standard(),
            "IM posts one user may store: bursts of count, count per duration");
    public static final Flag<Rate> USER_CHAT_EVENTS = Flag.rate("user-chat-events", Budget.CHAT_EVENTS.standard(),
            "chat events one user or backend account may post");
    public static final Flag<Rate> USER_TYPING = Flag.rate("user-typing", Budget.TYPING.standard(),
            "typing signals one user may send");
    public static final Flag<Rate> USER_NEW_SESSIONS = Flag.rate("user-new-sessions", Budget.NEW_SESSIONS.standard(),
            "IM sessions one user may create (opening one that exists is free)");
    public static final Flag<Rate> USER_REACTIONS = Flag.rate("user-reactions", Budget.REACTIONS.standard(),
            "reactions one user may add or take back");
    public static final Flag<Rate> USER_WRITES = Flag.rate("user-writes", Budget.WRITES.standard(),
            "other writes of one user: edits, deletions, mark_read, states, book, invitations, chats");
    public static final Flag<Integer> REACTIONS_PER_MESSAGE = Flag.number("reactions-per-message", "n",
            BudgetSettings.DEFAULT_REACTIONS_PER_MESSAGE, "different reactions one user may have on one message");
    public static final Flag<Boolean> USER_BUDGETS = Flag.onOff("user-budgets", true,
            "off lifts every per-user budget, the reaction cap and --attachment-bytes-per-user (load tests)");
    public static final Flag<Rate> USER_UPLOADS = Flag.rate("user-uploads", Budget.UPLOADS.standard(),
            "files one user may upload");
    public static final Flag<Integer> MAX_ATTACHMENT_SIZE = Flag.number("max-attachment-size", "bytes",
            (int) AttachmentSettings.DEFAULT.maxBytes(), "largest file one upload takes (larger is 413)");
    public static final Flag<Integer> ATTACHMENT_BYTES_PER_USER = Flag.number("attachment-bytes-per-user", "bytes",
            (int) AttachmentSettings.DEFAULT.bytesPerUser(), "what the files one user uploaded may hold together");
    public static final Flag<Duration> UNPOSTED_ATTACHMENT_TTL = Flag.duration("unposted-attachment-ttl",
            AttachmentSettings.DEFAULT.unpostedKept(), "how long an upload never posted is kept");
    public static final Flag<Boolean> METRICS = Flag.onOff("metrics", true,
            "serve GET /metrics (Prometheus text; docs/OPERATIONS.md)");
    public static final Flag<Boolean> ACCESS_LOG = Flag.onOff("access-log", true,
            "one log line per request (logger http.request); off saves its cost under load, /metrics still counts requests");
    public static final Flag<String> SMTP_URL = Flag.optionalText("smtp-url", "url", "none",
            "SMTP server for the away-from-chat emails, smtp://host:port or smtps://, credentials may be in it; none: no email");
    public static final Flag<String> SMTP_FROM = Flag.text("smtp-from", "address", "chat@localhost",
            "the From address of the emails");
    public static final Flag<String> SMTP_USER = Flag.optionalText("smtp-user", "user", "from --smtp-url",
            "SMTP user, when not in the URL");
    public static final Flag<String> SMTP_PASSWORD = Flag.optionalText("smtp-password", "password", "from --smtp-url",
            "SMTP password, when not in the URL");
    public static final Flag<Boolean> SMTP_STARTTLS = Flag.onOff("smtp-starttls", false,
            "require STARTTLS on an smtp:// server");
    public static final Flag<Duration> EMAIL_NOTIFY_AFTER = Flag.duration("email-notify-after",
            EmailSettings.DEFAULT.notifyAfter(), "a member away this long, with a message unread this long, is emailed a digest");
    public static final Flag<Duration> EMAIL_EVERY = Flag.duration("email-every", Duration.ofSeconds(30),
            "how often a node looks for digests owed and sends the mail queue");
    public static final Flag<String> EMAIL_LINK = Flag.text("email-link", "url", EmailSettings.DEFAULT.link(),
            "the web client's public address, which each email links back to");

    /** Every flag, in the order of README.md's configuration table and {@code --help}. */
    public static final List<Flag<?>> ALL = List.of(PORT, HOST, STORAGE, DATA_DIR, DB_URL, DB_USER, DB_PASSWORD,
            DB_POOL_SIZE, BACKUP_DIR, BACKUP_EVERY, BACKUP_KEEP, TOKEN_TTL, TOKEN_TRUST, MAX_BODY_SIZE, STOP_TIMEOUT, DEMO, IM_MESSAGE_TYPES,
            IM_MAX_MESSAGE_BYTES, IM_EDIT_WINDOW, CHATS_TENANTS, CHATS_ACCOUNT_AUDIENCE, CHATS_JWT_KEYS,
            CHATS_JWT_AUDIENCE, CHATS_MAX_PAYLOAD, POLL_TIMEOUT, BUS_RETENTION, BUS_RETENTION_COUNT, BUS_RETENTION_BYTES,
            WS_QUEUE, WS_QUEUE_BYTES, WS_USER_BYTES, WS_NODE_BYTES, POLL_ANSWER_BYTES, WS_PING_INTERVAL, WS_IDLE_TIMEOUT,
            WS_UNVERSIONED, PRESENCE_SWEEP, ODOO_DB, SIGN_IN_LOGIN_FAILURES, SIGN_IN_ADDRESS_FAILURES,
            SIGN_IN_LOGIN_TOTAL_FAILURES, SIGN_IN_WINDOW, SIGN_IN_HASHES, SIGN_IN_HASH_QUEUE, TRUSTED_PROXIES,
            ALLOWED_ORIGINS, COOKIE_SECURE, WS_PER_USER, CHANNELS_PER_SUBSCRIPTION, HELD_POLLS_PER_USER, WRITE_QUEUE,
            WRITE_QUEUE_BYTES, WRITE_BATCH, USER_POSTS, USER_CHAT_EVENTS, USER_TYPING, USER_NEW_SESSIONS,
            USER_REACTIONS, USER_WRITES, USER_UPLOADS, REACTIONS_PER_MESSAGE, USER_BUDGETS, MAX_ATTACHMENT_SIZE,
            ATTACHMENT_BYTES_PER_USER, UNPOSTED_ATTACHMENT_TTL, METRICS, ACCESS_LOG, SMTP_URL, SMTP_FROM, SMTP_USER,
            SMTP_PASSWORD, SMTP_STARTTLS, EMAIL_NOTIFY_AFTER, EMAIL_EVERY, EMAIL_LINK);

    /** The flags that choose and open the storage: what the provisioning commands honour besides their own. */
    static final List<Flag<?>> STORAGE_FLAGS = List.of(STORAGE, DATA_DIR, DB_URL, DB_USER, DB_PASSWORD, DB_POOL_SIZE);

    private ServerFlags() {
    }

    /** The flag of a per-user budget: {@code --user-new-sessions} for {@link Budget#NEW_SESSIONS}. */
    static Flag<Rate> of(Budget budget) {
        return switch (budget) {
            case POSTS -> USER_POSTS;
            case CHAT_EVENTS -> USER_CHAT_EVENTS;
            case TYPING -> USER_TYPING;
            case NEW_SESSIONS -> USER_NEW_SESSIONS;
            case REACTIONS -> USER_REACTIONS;
            case WRITES -> USER_WRITES;
            case UPLOADS -> USER_UPLOADS;
        };
    }

    private static Settings.StorageKind storageKind(String written) {
        return switch (written.toLowerCase(Locale.ROOT)) {
            case "memory" -> Settings.StorageKind.MEMORY;
            case "h2" -> Settings.StorageKind.H2;
            case "postgres", "postgresql" -> Settings.StorageKind.POSTGRES;
            default -> throw new IllegalArgumentException("unknown storage; use memory, h2 or postgres");
        };
    }
}
