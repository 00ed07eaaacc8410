package dev.chatserver.adapter.http.realtime;

import java.util.List;
import dev.chatserver.application.port.out.notification.event.ReactionToggled;
import dev.chatserver.application.port.out.notification.event.MessageDeleted;
import dev.chatserver.application.port.out.notification.event.MessageEdited;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Json;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.application.port.out.notification.event.DomainEvent;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.application.port.out.notification.event.PresenceChanged;
import dev.chatserver.application.port.out.notification.event.ReadReceipt;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.MessageViews;
import dev.chatserver.application.port.in.view.QuotedMessage;
import dev.chatserver.domain.presence.ImStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Odoo's {@code {"type", "payload"}} notifications, as each version's consumers read them. */
class OdooNotificationRendererTest {
    private static final UUID SESSION = UUID.fromString("6f1c1a2e-7d4b-4f53-9a51-2b1e4f0c9d11");
    private static final Partner LYNX = new Partner(PartnerId.of(11), "Lucid Lynx");
    private static final MessageView MESSAGE = MessageViews.restored(42, 7, SESSION, UserId.of(5), "Lucid Lynx", LYNX,
            "message", "Hello", Instant.parse("2026-11-21T10:00:00Z"), java.util.List.of(), Optional.empty(),
            java.util.List.of());

    private final ObjectMapper mapper = Json.newMapper();
    private final KnownPartners partners = new KnownPartners(users -> users.contains(UserId.of(5))
            ? Map.of(UserId.of(5), LYNX) : Map.of());

    private JsonNode rendered(NotificationRenderer renderer, DomainEvent event) {
        return mapper.valueToTree(renderer.render(event));
    }

    @Test
    void odoo_16_reads_a_message_under_mail_channel_new_message() {
        JsonNode notification = rendered(new Odoo16NotificationRenderer(partners), new MessagePosted(MESSAGE));

        assertThat(notification.get("type").asText()).isEqualTo("mail.channel/new_message");
        JsonNode payload = notification.get("payload");
        assertThat(payload.get("id").asLong()).isEqualTo(7);
        assertThat(payload.get("message").get("id").asLong()).isEqualTo(42);
        assertThat(payload.get("message").get("body").asText()).isEqualTo("Hello");
        assertThat(payload.get("message").get("model").asText()).isEqualTo("mail.channel");
        assertThat(payload.get("message").get("author_id")).hasToString("[11,\"Lucid Lynx\"]");
    }

    @Test
    void a_file_post_lists_its_files_as_attachment_ids_for_odoo_16_and_17_under_the_mount_prefix() {
        dev.chatserver.application.port.in.view.AttachmentView file = new dev.chatserver.application.port.in.view
                .AttachmentView(new dev.chatserver.domain.attachment.AttachmentId(SESSION),
                new dev.chatserver.domain.attachment.FileName("holiday.png"), "image/png", 48213, true);
        MessageView withFile = MessageViews.restored(44, 7, SESSION, UserId.of(5), "Lucid Lynx", LYNX,
                "money4_chat_attach_msg", "", Instant.parse("2026-11-21T10:00:00Z"), List.of(file), Optional.empty(),
                List.of());
        ObjectMapper mounted = Json.newMapper();
        mounted.setDefaultAttributes(mounted.getSerializationConfig().getAttributes()
                .withSharedAttribute(dev.chatserver.adapter.http.attachment.AttachmentJson.MOUNT_PREFIX, "/chat"));

        for (NotificationRenderer renderer : List.of(new Odoo16NotificationRenderer(partners),
                new Odoo17NotificationRenderer(partners))) {
            JsonNode message = rendered(renderer, new MessagePosted(withFile)).get("payload").get("message");
            JsonNode underPrefix = mounted.valueToTree(renderer.render(new MessagePosted(withFile)))
                    .get("payload").get("message");

            JsonNode listed = message.get("attachment_ids").get(0);
            assertThat(listed.get("id").asText()).isEqualTo(SESSION.toString());
            assertThat(listed.get("name").asText()).isEqualTo("holiday.png");
            assertThat(listed.get("filename").asText()).isEqualTo("holiday.png");
            assertThat(listed.get("mimetype").asText()).isEqualTo("image/png");
            assertThat(listed.get("size").asLong()).isEqualTo(48213);
            assertThat(listed.get("res_id").asLong()).isEqualTo(7);
            assertThat(listed.get("res_model").asText()).isEqualTo(message.get("model").asText());
            assertThat(listed.get("url").asText()).isEqualTo("/im_chat/attachment/" + SESSION);
            assertThat(message.get("attachments").get(0).get("thumbnail_url").asText())
                    .isEqualTo("/im_chat/attachment/" + SESSION + "/thumbnail");
            assertThat(underPrefix.get("attachment_ids").get(0).get("url").asText())
                    .isEqualTo("/chat/im_chat/attachment/" + SESSION);
            assertThat(underPrefix.get("attachments").get(0).get("url").asText())
                    .isEqualTo("/chat/im_chat/attachment/" + SESSION);
        }
        assertThat(rendered(new Odoo16NotificationRenderer(partners), new MessagePosted(MESSAGE))
                .get("payload").get("message").has("attachment_ids")).as("a message without files").isFalse();
    }

    @Test
    void odoo_17_reads_a_message_under_discuss_channel_new_message_with_its_author() {
        JsonNode notification = rendered(new Odoo17NotificationRenderer(partners), new MessagePosted(MESSAGE));

        assertThat(notification.get("type").asText()).isEqualTo("discuss.channel/new_message");
        JsonNode message = notification.get("payload").get("message");
        assertThat(message.get("model").asText()).isEqualTo("discuss.channel");
        assertThat(message.get("author")).hasToString("{\"id\":11,\"name\":\"Lucid Lynx\",\"type\":\"partner\"}");
    }

    @Test
    void a_reply_carries_its_parent_message_as_odoo_16_and_17_read_it() {
        MessageView reply = MessageViews.restored(43, 7, SESSION, UserId.of(5), "Lucid Lynx", LYNX, "message", "Yes",
                Instant.parse("2026-11-21T10:00:00Z"), List.of(),
                Optional.of(new QuotedMessage(42, UserId.of(6), "Lunch at <noon>?", false)), List.of());

        for (NotificationRenderer renderer : List.of(new Odoo16NotificationRenderer(partners),
                new Odoo17NotificationRenderer(partners))) {
            JsonNode message = rendered(renderer, new MessagePosted(reply)).get("payload").get("message");
            JsonNode parent = message.get("parentMessage");
            assertThat(parent.get("id").asLong()).isEqualTo(42);
            assertThat(parent.get("body").asText()).isEqualTo("Lunch at <noon>?");
            assertThat(parent.get("res_id").asLong()).isEqualTo(7);
            assertThat(parent.get("model").asText()).isEqualTo(message.get("model").asText());
            assertThat(message.get("reply_to").get("id").asLong()).isEqualTo(42);
        }
        assertThat(rendered(new Odoo17NotificationRenderer(partners), new MessagePosted(MESSAGE)).get("payload")
                .get("message").has("parentMessage")).as("a message that replies to nothing").isFalse();
    }

    @Test
    void a_mention_carries_the_mentioned_partners_as_odoo_16_and_17_list_recipients() {
        MessageView mention = MessageViews.restored(44, 7, SESSION, UserId.of(6), "Oneiric Ocelot", LYNX, "message",
                "@lynx hi", Instant.parse("2026-11-21T10:00:00Z"), List.of(), Optional.empty(), List.of(UserId.of(5)));

        JsonNode sixteen = rendered(new Odoo16NotificationRenderer(partners), new MessagePosted(mention))
                .get("payload").get("message");
        JsonNode seventeen = rendered(new Odoo17NotificationRenderer(partners), new MessagePosted(mention))
                .get("payload").get("message");

        assertThat(sixteen.get("recipients")).hasToString("[{\"id\":11,\"name\":\"Lucid Lynx\"}]");
        assertThat(seventeen.get("recipients")).hasToString("[{\"id\":11,\"name\":\"Lucid Lynx\",\"type\":\"partner\"}]");
        assertThat(sixteen.get("mentions")).hasToString("[5]");
        assertThat(rendered(new Odoo17NotificationRenderer(partners), new MessagePosted(MESSAGE)).get("payload")
                .get("message").has("recipients")).as("a message that mentions nobody").isFalse();
    }

    @Test
    void presence_is_bus_im_status_for_16_and_a_persona_record_for_17() {
        PresenceChanged away = new PresenceChanged(UserId.of(5), ImStatus.AWAY);

        JsonNode sixteen = rendered(new Odoo16NotificationRenderer(partners), away);
        JsonNode seventeen = rendered(new Odoo17NotificationRenderer(partners), away);

        assertThat(sixteen.get("type").asText()).isEqualTo("bus/im_status");
        assertThat(sixteen.get("payload").get("partners").get(0)).hasToString("{\"id\":11,\"user_id\":5,\"im_status\":\"away\"}");
        assertThat(seventeen.get("type").asText()).isEqualTo("mail.record/insert");
        assertThat(seventeen.get("payload").get("Persona").get(0)).hasToString("{\"id\":11,\"type\":\"partner\",\"user_id\":5,\"im_status\":\"away\"}");
    }

    @Test
    void a_read_receipt_is_a_type_odoo_has_no_handler_for_so_its_clients_pass_over_it() {
        ReadReceipt receipt = new ReadReceipt(7, SESSION, UserId.of(6), 42);

        for (NotificationRenderer renderer : List.of(new Odoo16NotificationRenderer(partners),
                new Odoo17NotificationRenderer(partners))) {
            JsonNode notification = rendered(renderer, receipt);
            assertThat(notification.get("type").asText()).isEqualTo("im_chat.seen");
            assertThat(notification.get("payload").get("seen_message_id").asLong()).isEqualTo(42);
        }
    }

    @Test
    void the_presence_of_a_user_the_directory_does_not_know_names_nobody() {
        JsonNode sixteen = rendered(new Odoo16NotificationRenderer(partners), new PresenceChanged(UserId.of(6), ImStatus.ONLINE));

        assertThat(sixteen.get("payload").get("partners")).isEmpty();
    }

    @Test
    void the_worker_version_parameter_picks_the_renderer() {
        assertThat(OdooBusVersion.of("17.0-3", null, UnversionedWebSocket.API)).contains(OdooBusVersion.ODOO_17);
        assertThat(OdooBusVersion.of("saas-17.2-1", null, UnversionedWebSocket.API)).contains(OdooBusVersion.ODOO_17);
        assertThat(OdooBusVersion.of("16.0-1", null, UnversionedWebSocket.API)).contains(OdooBusVersion.ODOO_16);
        assertThat(OdooBusVersion.of(null, null, UnversionedWebSocket.API)).isEmpty();
        assertThat(OdooBusVersion.of(null, null, UnversionedWebSocket.ODOO16)).contains(OdooBusVersion.ODOO_16);
        assertThat(OdooBusVersion.of(null, "api", UnversionedWebSocket.ODOO16)).isEmpty();
    }

    @Test
    void edits_deletions_and_reactions_come_under_the_im_chat_types_odoo_leaves_alone() {
        for (NotificationRenderer renderer : List.of(new Odoo16NotificationRenderer(partners),
                new Odoo17NotificationRenderer(partners))) {
            JsonNode edited = rendered(renderer, new MessageEdited(SESSION, 42, "new", Instant.parse("2026-11-21T10:00:00Z"), List.of()));
            JsonNode deleted = rendered(renderer, new MessageDeleted(SESSION, 42, Instant.parse("2026-11-21T10:00:00Z")));
            JsonNode reaction = rendered(renderer, new ReactionToggled(SESSION, 42, UserId.of(5), "x", true, 1));

            assertThat(edited.get("type").asText()).isEqualTo("im_chat.message_edited");
            assertThat(edited.get("payload").get("message").asText()).isEqualTo("new");
            assertThat(deleted.get("type").asText()).isEqualTo("im_chat.message_deleted");
            assertThat(deleted.get("payload").get("message_id").asLong()).isEqualTo(42);
            assertThat(reaction.get("type").asText()).isEqualTo("im_chat.reaction");
            assertThat(reaction.get("payload").get("count").asInt()).isEqualTo(1);
        }
    }
}
