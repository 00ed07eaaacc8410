package dev.chatserver.bootstrap;

import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.OpenSessionCommand;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.adapter.inmemory.InMemoryStorage;
import dev.chatserver.application.write.WriteLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server's flags and an embedder's typed options are one set of settings, with one default each. */
class ChatOptionsTest {

    @Test
    void a_setting_not_given_has_the_default_of_the_record_it_feeds() {
        assertThat(ChatOptions.defaults().get(ServerFlags.WRITE_QUEUE)).isEqualTo(WriteLimits.DEFAULT.queued());
        assertThat(Options.parse(new String[0], Map.of()).typed().get(ServerFlags.WRITE_BATCH))
                .isEqualTo(WriteLimits.DEFAULT.batch());
        assertThat(ServerFlags.WRITE_QUEUE.shownFallback()).isEqualTo(String.valueOf(WriteLimits.DEFAULT.queued()));
    }

    @Test
    void a_flag_and_the_same_typed_option_give_the_same_value() {
        ChatOptions parsed = Options.parse(new String[]{"--im-message-types", " task, poll ", "--im-edit-window", "1h"},
                Map.of()).typed();
        ChatOptions typed = ChatOptions.defaults().with(ServerFlags.IM_MESSAGE_TYPES, List.of("task", "poll"))
                .with(ServerFlags.IM_EDIT_WINDOW, Duration.ofHours(1));

        assertThat(parsed.get(ServerFlags.IM_MESSAGE_TYPES)).isEqualTo(typed.get(ServerFlags.IM_MESSAGE_TYPES));
        assertThat(parsed.get(ServerFlags.IM_EDIT_WINDOW)).isEqualTo(typed.get(ServerFlags.IM_EDIT_WINDOW));
    }

    @Test
    void the_library_takes_typed_options_and_refuses_one_that_cannot_work_by_its_flag() {
        try (ChatCore core = ChatCore.builder().option(ServerFlags.IM_MESSAGE_TYPES, List.of("task")).build()) {
            User lynx = core.provisionAccounts().addUser(AddUserCommand.of("lynx", "Lucid Lynx", null, "lynx-password"));
            User ocelot = core.provisionAccounts().addUser(AddUserCommand.of("ocelot", "Oneiric Ocelot", null, "ocelot-password"));
            SessionView session = core.openSession().openPrivate(OpenSessionCommand.of(lynx, ocelot.id()));
            core.postMessage().post(new PostMessageCommand(lynx, session.uuid(), new MessageType("task"), "water the plants"));
            assertThat(core.readHistory().history(HistoryCommand.newest(ocelot, session.uuid())))
                    .extracting(MessageView::type).containsExactly("task");
        }
        assertThatThrownBy(() -> ChatCore.builder().option(ServerFlags.TOKEN_TTL, Duration.ZERO).build())
                .isInstanceOf(StartupFailure.class).hasMessage("--token-ttl: must be positive");
        try (InMemoryStorage storage = new InMemoryStorage()) {
            assertThatThrownBy(() -> new ChatModule(storage, ChatOptions.defaults().with(ServerFlags.DB_POOL_SIZE, 0)))
                    .isInstanceOf(StartupFailure.class).hasMessageStartingWith("--db-pool-size 0");
        }
    }
}
