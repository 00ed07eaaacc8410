package dev.chatserver.adapter.http.odoo8;

import dev.chatserver.application.port.out.notification.event.ReactionToggled;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import dev.chatserver.application.port.out.notification.event.MessageEdited;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Json;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.PresenceChanged;
import dev.chatserver.application.port.out.notification.event.ReadReceipt;
import dev.chatserver.application.port.out.notification.event.SessionChanged;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.MessageViews;
import dev.chatserver.application.port.in.view.SessionMember;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.im.SessionStatus;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.domain.presence.ImStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The shapes Odoo 8.0's im_chat.js reads from its bus, to the byte. */
class Odoo8NotificationRendererTest {
    private static final String SESSION = "6f1c1a2e-7d4b-4f53-9a51-2b1e4f0c9d11";
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00.123456Z");
    private static final Partner LYNX = new Partner(PartnerId.of(11), "Lucid Lynx");

    private final ObjectMapper mapper = Json.newMapper();
    private final Odoo8NotificationRenderer renderer = new Odoo8NotificationRenderer();

    private String rendered(DomainEvent event) throws Exception {
        return mapper.writeValueAsString(renderer.render(event));
    }

    @Test
    void a_posted_message_is_the_bare_message_with_to_id_and_from_id() throws Exception {
        MessageView message = MessageViews.restored(42, 7, UUID.fromString(SESSION), UserId.of(5), "Lucid Lynx", LYNX,
                "message", "Hello <you>", AT, java.util.List.of(), Optional.empty(), java.util.List.of());

        assertThat(rendered(new MessagePosted(message))).isEqualTo("{\"id\":42,\"type\":\"message\","
                + "\"message\":\"Hello <you>\",\"create_date\":\"2026-11-21 10:00:00\",\"to_id\":[7,\"" + SESSION + "\"],"
                + "\"from_id\":[5,\"Lucid Lynx\"]}");
    }

    @Test
    void a_changed_session_is_the_bare_session_info_with_the_viewers_state() throws Exception {
        SessionView session = new SessionView(7, UUID.fromString(SESSION), AT, false, List.of(), List.of(),
                List.of(new SessionMember(UserId.of(5), "Lucid Lynx", LYNX, ImStatus.AWAY, Optional.empty())),
                SessionState.FOLDED, SessionStatus.FAVORITE, true);

        assertThat(rendered(new SessionChanged(UserId.of(5), session))).isEqualTo("{\"id\":7,\"uuid\":\"" + SESSION
                + "\",\"state\":\"folded\",\"users\":[{\"id\":5,\"name\":\"Lucid Lynx\",\"im_status\":\"away\"}]}");
    }

    @Test
    void a_presence_change_is_id_and_im_status() throws Exception {
        assertThat(rendered(new PresenceChanged(UserId.of(5), ImStatus.ONLINE))).isEqualTo("{\"id\":5,\"im_status\":\"online\"}");
    }

    @Test
    void a_read_receipt_has_no_message_type_session_uuid_or_im_status_so_im_chat_js_passes_over_it() throws Exception {
        assertThat(rendered(new ReadReceipt(7, UUID.fromString(SESSION), UserId.of(6), 42))).isEqualTo(
                "{\"type\":\"im_chat.seen\",\"session\":\"" + SESSION + "\",\"user_id\":6,\"seen_message_id\":42}");
    }

    @Test
    void an_avatar_escapes_the_initials_it_draws() {
        assertThat(Odoo8Avatars.initials("  lucid   lynx  ")).isEqualTo("LL");
        assertThat(Odoo8Avatars.of(5, "<b> &x")).contains(">&lt;&amp;<").doesNotContain("<b>");
    }

    @Test
    void edits_deletions_and_reactions_pass_by_im_chat_js_in_the_api_shapes() throws Exception {
        UUID session = UUID.fromString(SESSION);

        assertThat(rendered(new MessageEdited(session, 42, "new", AT, java.util.List.of()))).startsWith("{\"type\":\"im_chat.message_edited\"");
        assertThat(rendered(new MessageDeleted(session, 42, AT))).startsWith("{\"type\":\"im_chat.message_deleted\"");
        assertThat(rendered(new ReactionToggled(session, 42, UserId.of(5), "x", false, 0)))
                .startsWith("{\"type\":\"im_chat.reaction\"");
    }
}
