import dev.chatserver.application.port.in.chats.CreateChatCommand;
import dev.chatserver.application.port.in.chats.CreateChats;
import dev.chatserver.application.port.in.chats.PostEventCommand;
import dev.chatserver.application.port.in.chats.PostEvents;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.bootstrap.ChatServer;
import dev.chatserver.bootstrap.Options;
import dev.chatserver.bootstrap.Settings;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.JsonText;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the Chats room of the benchmark through the server's own use cases, from the server's own jar, on the
 * temporary database before the measured server starts: one chat created by {@code bench-poster} (a tenant of
 * the audience {@code benchmark.example}, as the runner configures with {@code --chats-tenants}), and
 * {@code --room-events} events posted into it through {@code PostEvents}, in units of work of {@value #BATCH}.
 *
 * <p>Nine events in ten go to the set {@code messages} under one of {@value #LABELS} labels (so a label is
 * edited many times over); every tenth is an unlabelled {@code layout} event. The state read by the benchmark
 * asks for both sets. It writes {@code room.id} (the chat), {@code room-event-room.id} (its event room) and
 * {@code room-state.path} to {@code --out}.
 */
public final class LoadRoom {
    private static final int BATCH = 500;
    private static final int LABELS = 1000;
    static final String AUDIENCE = "benchmark.example";

    public static void main(String[] args) throws Exception {
        List<String> serverArgs = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0"));
        Path out = null;
        int events = 0;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[i + 1]);
                case "--room-events" -> events = Integer.parseInt(args[i + 1]);
                default -> {
                    serverArgs.add(args[i]);
                    serverArgs.add(args[i + 1]);
                }
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out is required");
        }
        long start = System.nanoTime();
        Settings settings = Settings.from(Options.parse(serverArgs.toArray(String[]::new), System.getenv()));
        ChatServer server = ChatServer.start(settings);
        try {
            AccountId poster = new AccountId("bench-poster", "usr.localhost");
            Chat chat = server.injector().getInstance(CreateChats.class).create(CreateChatCommand.of(poster, AUDIENCE,
                    "benchmark-room-" + System.currentTimeMillis(), new JsonText("{\"benchmark\":true}")));
            PostEvents post = server.injector().getInstance(PostEvents.class);
            Transactions transactions = server.injector().getInstance(Transactions.class);
            for (int first = 0; first < events; first += BATCH) {
                int from = first;
                int to = Math.min(events, first + BATCH);
                transactions.inTransaction(() -> {
                    for (int n = from; n < to; n++) {
                        boolean layout = n % 10 == 9;
                        post.post(new PostEventCommand(poster, chat.id(), layout ? "layout" : "message",
                                layout ? "layout" : "messages", layout ? null : "m" + (n % LABELS), null,
                                new JsonText("{\"text\":\"benchmark event " + n + "\"}"), false, true));
                    }
                    return null;
                });
            }
            Files.writeString(out.resolve("room.id"), chat.id().value() + "\n");
            Files.writeString(out.resolve("room-event-room.id"), chat.roomId().value() + "\n");
            Files.writeString(out.resolve("room-state.path"),
                    "/api/v1/chats/" + chat.id().value() + "/state?sets=messages,layout\n");
            System.out.printf("loaded: a room of %d events in %.1f s%n", events, (System.nanoTime() - start) / 1e9);
        } finally {
            server.close();
        }
    }
}
