import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.MessageWords;
import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.application.port.in.account.TokenHash;
import dev.chatserver.application.port.in.im.ChangeGroup;
import dev.chatserver.application.port.in.im.CreateGroup;
import dev.chatserver.application.port.in.im.CreateGroupCommand;
import dev.chatserver.application.port.in.im.GroupChangeCommand;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.SignInTokens;
import dev.chatserver.application.port.in.chats.CreateChatCommand;
import dev.chatserver.application.port.in.chats.CreateChats;
import dev.chatserver.application.port.in.im.OpenSession;
import dev.chatserver.application.port.in.im.OpenSessionCommand;
import dev.chatserver.application.port.in.im.PostMessage;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.out.EventRoomStore;
import dev.chatserver.application.port.out.EventStore;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.bootstrap.ChatServer;
import dev.chatserver.bootstrap.Options;
import dev.chatserver.bootstrap.Settings;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.GroupName;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventId;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.im.DocumentRef;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.problem.AlreadyExists;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads the benchmark's data on the temporary database before the measured server starts, with the server's
 * own classes from its jar (it opens the database in-process, as the server would): users through
 * {@code ProvisionAccounts}, sessions through {@code OpenSession}, messages through {@code PostMessage}, in
 * units of work of {@value #BATCH}.
 *
 * <p>One shortcut, for speed: the history sessions' older messages. Through the use case a post costs about
 * 0.7 ms of CPU here (three statements and the notification), so a million would take longer than the whole
 * suite may. All but the newest message of each history session are therefore inserted as rows by
 * {@code insert ... select} statements, into the server's own schema; then the newest message of
 * every session is posted through {@code PostMessage}, which sets what a post sets (the sender's last message,
 * the reader's unread flag). The history scenario reads only these rows, by session and id. Each row also holds
 * two words of a vocabulary of {@value #TOPICS} ({@code topic0}...), so that the search scenario's words are in
 * about one message in 500; the words it looks for are written to {@code search-words.ids}. On H2 the words of
 * these rows are then added to the search's word table ({@code MessageWords.fill}), as the store does for a post.
 *
 * <p>With {@code --room-events N} it also creates the Chats room: one chat created by {@code bench-poster} (a
 * tenant of the audience {@value #AUDIENCE}, as the runner configures with {@code --chats-tenants}) and N events
 * stored into it through the events store (see {@link #room}). Nine events in ten go to the set {@code messages} under one of
 * {@value #LABELS} labels (each label is edited many times over); every tenth is an unlabelled {@code layout}
 * event. The benchmark reads the state of both sets.
 *
 * <p>Run with the jar on the class path (Java's single-file source launcher compiles this file against it):
 * {@code java -cp bootstrap/target/chat-server.jar benchmark/load/LoadData.java --storage h2 --data-dir DIR
 * --out DIR --history-ids history.ids --history-sessions 10000 --messages-per-session 100 ...}. Run again with more sessions, it keeps
 * what it loaded before and adds the rest (it remembers how far it got in {@code OUT/history.loaded}).
 */
public final class LoadData {
    private static final int BATCH = 500;
    private static final int THREADS = 2;
    private static final String DOC_MODEL = "benchmark.doc";
    private static final String AUDIENCE = "benchmark.example";
    private static final int LABELS = 1000;
    private static final int TOPICS = 1000;

    public static void main(String[] args) throws Exception {
        try {
            load(args);
        } catch (Exception e) {
            // the source launcher hides what a main throws behind an error of its own: say it here
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                System.err.println((cause == e ? "loading failed: " : "  caused by: ") + cause);
            }
            System.exit(1);
        }
    }

    private static void load(String[] args) throws Exception {
        Map<String, String> mine = new HashMap<>();
        List<String> serverArgs = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0"));
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].substring(2);
            if (List.of("out", "history-ids", "history-sessions", "messages-per-session", "list-sessions", "post-sessions",
                    "room-events", "group-members")
                    .contains(name)) {
                mine.put(name, args[i + 1]);
            } else {
                serverArgs.add(args[i]);
                serverArgs.add(args[i + 1]);
            }
        }
        Path out = Path.of(mine.get("out"));
        int historySessions = Integer.parseInt(mine.getOrDefault("history-sessions", "0"));
        int perSession = Integer.parseInt(mine.getOrDefault("messages-per-session", "0"));
        int listSessions = Integer.parseInt(mine.getOrDefault("list-sessions", "0"));
        int postSessions = Integer.parseInt(mine.getOrDefault("post-sessions", "0"));
        int roomEvents = Integer.parseInt(mine.getOrDefault("room-events", "0"));
        int groupMembers = Integer.parseInt(mine.getOrDefault("group-members", "0"));

        long start = System.nanoTime();
        Settings settings = Settings.from(Options.parse(serverArgs.toArray(String[]::new), System.getenv()));
        ChatServer server = ChatServer.start(settings);
        try {
            LoadData loader = new LoadData(server, out);
            User reader = loader.user("bench-reader");
            User writer = loader.user("bench-writer");
            User lister = loader.user("bench-lister");
            User listed = loader.user("bench-listed");
            User poster = loader.user("bench-poster");
            User postee = loader.user("bench-postee");
            User subscriber = loader.user("bench-subscriber");
            Files.writeString(out.resolve("subscriber.id"), subscriber.id().value() + "\n");
            loader.writeIds("fanout-session.ids", loader.sessions(poster, subscriber, "fanout", 1));

            List<SessionRef> history = loader.sessions(writer, reader, "history", historySessions);
            int loaded = loader.loadedSoFar();
            List<SessionRef> fresh = history.subList(Math.min(loaded, history.size()), history.size());
            loader.lap("history sessions opened");
            loader.insertRows(settings, writer, fresh, perSession - 1);
            loader.lap("history rows inserted");
            // the reader answers last, so the history sessions start read for the reader: the scenario measures
            // reading, not the first read's write of the read flag
            loader.post(reader, fresh, 1);
            loader.lap("newest history messages posted");
            loader.rememberLoaded(Math.max(loaded, history.size()));
            loader.writeIds(mine.getOrDefault("history-ids", "history.ids"), history);
            loader.writeTopics();

            List<SessionRef> listing = loader.sessions(lister, listed, "list", listSessions);
            loader.post(listed, listing, 1);
            loader.post(lister, listing, 1);
            List<SessionRef> posting = loader.sessions(poster, postee, "post", postSessions);
            loader.writeIds("post.ids", posting);
            loader.lap("listing and posting sessions made");
            if (groupMembers > 0) {
                loader.group(poster, groupMembers);
                loader.lap("group of " + groupMembers + " members made");
            }
            if (roomEvents > 0) {
                loader.room(roomEvents);
                loader.lap("room loaded");
            }
            loader.analyze(settings);
            loader.lap("statistics gathered");
            System.out.printf("loaded: %d history sessions x %d messages, %d listed sessions, %d post sessions, "
                            + "%d room events, %d messages posted in %.1f s%n", historySessions, perSession,
                    listSessions, postSessions, roomEvents, loader.posted.get(), (System.nanoTime() - start) / 1e9);
        } finally {
            server.close();
        }
    }

    private final ChatServer server;
    private final Path out;
    private final AtomicLong posted = new AtomicLong();
    private long lap = System.nanoTime();

    private void lap(String what) {
        long now = System.nanoTime();
        System.out.printf("%s in %.1f s%n", what, (now - lap) / 1e9);
        lap = now;
    }

    private LoadData(ChatServer server, Path out) {
        this.server = server;
        this.out = out;
    }

    private <T> T get(Class<T> type) {
        return server.injector().getInstance(type);
    }

    /** The user of that login, created with the benchmark's password the first time. */
    private User user(String login) {
        try {
            return get(ProvisionAccounts.class).addUser(AddUserCommand.of(login, login, login + "@benchmark.invalid",
                    "benchmark-" + login + "-password"));
        } catch (AlreadyExists e) {
            return get(UserDirectory.class).userByLogin(new Login(login)).orElseThrow();
        }
    }

    /**
     * A group conversation of {@code bench-poster} and {@code members - 1} people made for it, every one signed in:
     * the group's uuid goes to {@code group-session.ids}, each member's token (poster left out) to
     * {@code group-member.tokens} and their channel to {@code group-member.channels}, in the same order, for the
     * fan-out to a thousand distinct members. The members are registered with an unusable password and their
     * tokens stored as a sign-in stores them (one shortcut: a thousand password hashes would take minutes).
     */
    private void group(User poster, int members) throws Exception {
        AccountRegistry accounts = get(AccountRegistry.class);
        SignInTokens tokens = get(SignInTokens.class);
        UserDirectory directory = get(UserDirectory.class);
        List<UserId> ids = new ArrayList<>();
        StringBuilder tokenList = new StringBuilder();
        StringBuilder channelList = new StringBuilder();
        Instant expires = Instant.now().plus(java.time.Duration.ofDays(1));
        for (int i = 0; i < members - 1; i++) {
            String login = "bench-member-" + i;
            User member = directory.userByLogin(new Login(login)).orElseGet(() ->
                    accounts.register(new NewUser(new Login(login), login, ""), "!unusable"));
            ids.add(member.id());
            String token = "bench-member-token-" + UUID.randomUUID();
            tokens.store(TokenHash.of(token), member.id(), expires);
            tokenList.append(i == 0 ? "" : ",").append(token);
            channelList.append(i == 0 ? "" : ",").append("user:").append(member.id().value());
        }
        int first = Math.min(CreateGroupCommand.MAX_USERS, ids.size());
        UUID group = get(CreateGroup.class).create(new CreateGroupCommand(poster, new GroupName("benchmark group"),
                ids.subList(0, first))).uuid();
        for (int from = first; from < ids.size(); from += CreateGroupCommand.MAX_USERS) {
            get(ChangeGroup.class).change(new GroupChangeCommand.AddMembers(poster, group,
                    ids.subList(from, Math.min(from + CreateGroupCommand.MAX_USERS, ids.size()))));
        }
        Files.writeString(out.resolve("group-session.ids"), group + "\n");
        Files.writeString(out.resolve("group-member.tokens"), tokenList + "\n");
        Files.writeString(out.resolve("group-member.channels"), channelList + "\n");
    }

    /** A session as the loader needs it: its numeric id for rows, its uuid for the API. */
    record SessionRef(long id, UUID uuid) {
        @Override
        public String toString() {
            return uuid.toString();
        }
    }

    /** {@code count} private sessions between the two, one per document: the same ones on every run. */
    private List<SessionRef> sessions(User from, User to, String purpose, int count) {
        OpenSession open = get(OpenSession.class);
        Transactions transactions = get(Transactions.class);
        List<SessionRef> sessions = new ArrayList<>(count);
        for (int first = 0; first < count; first += BATCH) {
            int from0 = first;
            int to0 = Math.min(count, first + BATCH);
            sessions.addAll(transactions.inTransaction(() -> {
                List<SessionRef> batch = new ArrayList<>(to0 - from0);
                for (int i = from0; i < to0; i++) {
                    var view = open.openPrivate(new OpenSessionCommand(from, to.id(),
                            Optional.of(new DocumentRef(DOC_MODEL, purpose + "-" + i))));
                    batch.add(new SessionRef(view.id(), view.uuid()));
                }
                return batch;
            }));
        }
        return sessions;
    }

    /**
     * {@code perSession} message rows from {@code sender} in each session (see the class): one statement per
     * message number, each adding that message to every session, so that ids interleave across sessions as
     * they do when many people talk at once (a page of one session is spread over the table, not packed).
     */
    private void insertRows(Settings settings, User sender, List<SessionRef> sessions, int perSession)
            throws Exception {
        if (sessions.isEmpty() || perSession <= 0) {
            return;
        }
        long first = sessions.stream().mapToLong(SessionRef::id).min().orElseThrow();
        long last = sessions.stream().mapToLong(SessionRef::id).max().orElseThrow();
        String theseSessions = " from im_session_docs d where d.doc_model = '" + DOC_MODEL + "'"
                + " and d.doc_id like 'history-%' and d.session_id between ? and ?";
        OffsetDateTime created = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.MICROS);
        try (Connection connection = connect(settings);
             java.sql.Statement highest = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement("insert into im_messages"
                     + " (session_id, from_user_id, message_type, content, create_date)"
                     + " select d.session_id, ?, 'message', concat(?, ' ', " + topic("d.session_id", "?") + ", ' ', "
                     + topic("d.session_id + " + TOPICS / 2, "? + 7") + "), ?" + theseSessions
                     + " order by d.session_id")) {
            long before;
            try (java.sql.ResultSet max = highest.executeQuery("select coalesce(max(id), 0) from im_messages")) {
                max.next();
                before = max.getLong(1);
            }
            for (int n = 0; n < perSession; n++) {
                insert.setLong(1, sender.id().value());
                insert.setString(2, "benchmark history message " + n);
                insert.setInt(3, n);
                insert.setInt(4, n);
                insert.setObject(5, created.plusNanos(1000L * n));
                insert.setLong(6, first);
                insert.setLong(7, last);
                posted.addAndGet(insert.executeUpdate());
            }
            if (connection.getMetaData().getURL().startsWith("jdbc:h2:")) {
                // H2's search index is a word table the store fills as it posts: these rows bypassed the store
                long start = System.nanoTime();
                connection.setAutoCommit(false);
                MessageWords.fill(connection, before, true);
                connection.setAutoCommit(true);
                System.out.printf("words of the history rows indexed in %.1f s%n", (System.nanoTime() - start) / 1e9);
            }
        }
    }

    /**
     * One word of the search vocabulary ({@code topic0} to {@code topic999}) in SQL, drawn from the session and
     * the message number so that each word is in about one history message in 500.
     */
    private static String topic(String session, String number) {
        return "concat('topic', mod(" + session + " * 31 + (" + number + ") * 17, " + TOPICS + "))";
    }

    /** The words the search scenario looks for, one a line, all in the history messages. */
    private void writeTopics() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < TOPICS; i++) {
            text.append("topic").append(i).append('\n');
        }
        Files.writeString(out.resolve("search-words.ids"), text);
    }

    /**
     * The planner's statistics, as a store that has been in use has them (PostgreSQL's autovacuum gathers them a
     * while after a bulk load; without them it chose nested loops over sequential scans and listing took 2.7 times
     * as long).
     */
    private void analyze(Settings settings) throws Exception {
        try (Connection connection = connect(settings); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("analyze");
        }
    }

    private static Connection connect(Settings settings) throws Exception {
        String url = settings.dbUrl() != null ? settings.dbUrl()
                : DatabaseSettings.h2File(settings.dataDir(), 1).url();
        String user = settings.dbUrl() != null ? settings.dbUser() : "sa";
        String password = settings.dbUrl() != null ? settings.dbPassword() : "";
        return DriverManager.getConnection(url, user, password == null ? "" : password);
    }

    private void post(User sender, List<SessionRef> sessions, int perSession) throws Exception {
        if (sessions.isEmpty() || perSession == 0) {
            return;
        }
        PostMessage post = get(PostMessage.class);
        Transactions transactions = get(Transactions.class);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> work = new ArrayList<>();
            int sessionsPerBatch = Math.max(1, BATCH / perSession);
            for (int first = 0; first < sessions.size(); first += sessionsPerBatch) {
                List<SessionRef> batch = sessions.subList(first, Math.min(sessions.size(), first + sessionsPerBatch));
                work.add(pool.submit(() -> transactions.inTransaction(() -> {
                    for (SessionRef session : batch) {
                        for (int n = 0; n < perSession; n++) {
                            post.post(new PostMessageCommand(sender, session.uuid(), MessageType.MESSAGE,
                                    "benchmark history message " + n + " of " + session));
                        }
                    }
                    posted.addAndGet((long) batch.size() * perSession);
                    return null;
                })));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The Chats room (see the class): the chat through {@code CreateChats}; its events through the events store
     * port ({@code EventStore.append}, {@value #BATCH} at a time, and {@code EventRoomStore.advance}), the way
     * {@code PostEvents} stores them: through the use case an event costs about 1 ms of CPU here, one at a time
     * under the room's lock, too slow for 100,000 within the suite's time. Writes room.id, room-event-room.id
     * and room-state.path.
     */
    private void room(int events) throws Exception {
        AccountId poster = new AccountId("bench-poster", "usr.localhost");
        Chat chat = get(CreateChats.class).create(CreateChatCommand.of(poster, AUDIENCE,
                "benchmark-room-" + System.currentTimeMillis(), new JsonText("{\"benchmark\":true}")));
        EventStore store = get(EventStore.class);
        EventRoomStore rooms = get(EventRoomStore.class);
        Transactions transactions = get(Transactions.class);
        Map<String, Long> originals = new HashMap<>();
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int first = 0; first < events; first += BATCH) {
            List<Event> batch = new ArrayList<>(BATCH);
            for (int n = first; n < Math.min(events, first + BATCH); n++) {
                boolean layout = n % 10 == 9;
                String label = layout ? null : "m" + (n % LABELS);
                // nanoseconds since the room opened: 1 ms, then one more microsecond per event
                long occurredAt = 1_000_000L + 1_000L * n;
                long original = label == null ? occurredAt : originals.computeIfAbsent(label, l -> occurredAt);
                batch.add(new Event(new EventId(UUID.randomUUID()), chat.roomId(), layout ? "layout" : "message",
                        layout ? "layout" : "messages", label, null,
                        new JsonText("{\"text\":\"benchmark event " + n + "\"}"), occurredAt, original, poster,
                        created));
            }
            long last = batch.get(batch.size() - 1).occurredAt();
            transactions.inTransaction(() -> {
                store.append(batch);
                EventRoom room = rooms.roomForUpdate(chat.roomId()).orElseThrow();
                rooms.update(new EventRoom(room.id(), room.audience(), room.tags(), room.openedAt(),
                        room.closedAt(), room.createdAt(), last));
                return null;
            });
        }
        Files.writeString(out.resolve("room.id"), chat.id().value() + "\n");
        Files.writeString(out.resolve("room-event-room.id"), chat.roomId().value() + "\n");
        Files.writeString(out.resolve("room-state.path"),
                "/api/v1/chats/" + chat.id().value() + "/state?sets=messages,layout\n");
    }

    private int loadedSoFar() throws Exception {
        Path file = out.resolve("history.loaded");
        return Files.exists(file) ? Integer.parseInt(Files.readString(file).trim()) : 0;
    }

    private void rememberLoaded(int sessions) throws Exception {
        Files.writeString(out.resolve("history.loaded"), sessions + "\n");
    }

    private void writeIds(String file, List<SessionRef> ids) throws Exception {
        StringBuilder text = new StringBuilder();
        ids.forEach(id -> text.append(id).append('\n'));
        Files.writeString(out.resolve(file), text);
    }
}
