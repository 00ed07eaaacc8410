package dev.chatserver.bootstrap.embedding;

import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.OpenSessionCommand;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.bootstrap.ChatCore;
import dev.chatserver.domain.account.User;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.SessionView;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** The chat core in the host's JVM: a storage, the use cases, the domain events. No HTTP. */
public final class CoreInProcess {
    private CoreInProcess() {
    }

    /** In memory: nothing kept after close. The listener hears every message once, once it is stored. */
    public static ChatCore inMemory(Consumer<MessageView> onMessage) {
        return ChatCore.builder()
                .inMemoryStorage()
                .onEvent(event -> {
                    if (event instanceof MessagePosted posted) {
                        onMessage.accept(posted.message());
                    }
                })
                .build();
    }

    /** An H2 file under the host's data directory, created and migrated on first use. */
    public static ChatCore inH2File(Path dataDirectory) {
        return ChatCore.builder().h2File(dataDirectory).build();
    }

    /** The host's own PostgreSQL pool: the core migrates its tables into it and leaves the pool open at close. */
    public static ChatCore onHostPool(DataSource hostPool) {
        return ChatCore.builder().dataSource(hostPool).build();
    }

    /** Calling the use cases (port.in): two users, their private session, a post, the history. */
    public static List<MessageView> lynxGreetsOcelot(ChatCore chat) {
        ProvisionAccounts accounts = chat.provisionAccounts();
        User lynx = accounts.addUser(AddUserCommand.of("lynx", "Lucid Lynx", "lynx@example.org", "lynx-password"));
        User ocelot = accounts.addUser(AddUserCommand.of("ocelot", "Oneiric Ocelot", null, "ocelot-password"));

        SessionView session = chat.openSession()
                .openPrivate(OpenSessionCommand.of(lynx, ocelot.id()));
        chat.postMessage()
                .post(new PostMessageCommand(lynx, session.uuid(), MessageType.MESSAGE, "Hello, Ocelot"));

        return chat.readHistory()
                .history(new HistoryCommand(ocelot, session.uuid(), OptionalLong.empty(), OptionalInt.of(20)));
    }
}
