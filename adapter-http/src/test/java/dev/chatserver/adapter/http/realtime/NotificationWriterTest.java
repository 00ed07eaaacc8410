package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Json;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.application.port.out.notification.event.PresenceChanged;
import dev.chatserver.domain.presence.ImStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationWriterTest {
    private final ObjectMapper mapper = Json.newMapper();
    private final NotificationWriter writer = new NotificationWriter(mapper, new ApiNotificationRenderer());

    private static Notification notification(long id, long user) {
        return new Notification(id, new Channel("presence:" + user), new PresenceChanged(UserId.of(user), ImStatus.ONLINE),
                Instant.parse("2026-11-21T10:00:00Z"));
    }

    @Test
    void a_batch_is_the_list_of_entries_each_with_its_rendered_message() throws Exception {
        Notification first = notification(7, 5);
        Notification second = notification(8, 6);

        JsonNode batch = mapper.readTree(writer.batch(List.of(first, second)));

        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.get(0).get("id").asLong()).isEqualTo(7);
        assertThat(batch.get(0).get("channel").asText()).isEqualTo("presence:5");
        assertThat(batch.get(0).get("message").get("type").asText()).isEqualTo("im_status");
        assertThat(batch.get(1).get("message").get("user_id").asInt()).isEqualTo(6);
        assertThat(batch).isEqualTo(mapper.readTree(mapper.writeValueAsString(writer.pollAnswer(List.of(first, second), Long.MAX_VALUE))));
    }

    @Test
    void a_notification_in_several_batches_reads_the_same_in_each() {
        Notification shared = notification(9, 9);
        Notification other = notification(10, 10);

        String alone = writer.batch(List.of(shared));
        String together = writer.batch(List.of(shared, other));

        assertThat(together).startsWith(alone.substring(0, alone.length() - 1) + ",");
        assertThat(writer.batch(List.of())).isEqualTo("[]");
    }
    @Test
    void one_notification_handed_to_members_on_their_own_channels_is_written_with_each_ones_channel() throws Exception {
        Notification toLynx = new Notification(11, new Channel("user:5"), new PresenceChanged(UserId.of(7), ImStatus.ONLINE),
                Instant.parse("2026-11-21T10:00:00Z"));
        Notification toOcelot = new Notification(11, new Channel("user:6"), toLynx.event(), toLynx.appendedAt());

        JsonNode lynx = mapper.readTree(writer.batch(List.of(toLynx))).get(0);
        JsonNode ocelot = mapper.readTree(writer.batch(List.of(toOcelot))).get(0);

        assertThat(lynx.get("channel").asText()).isEqualTo("user:5");
        assertThat(ocelot.get("channel").asText()).isEqualTo("user:6");
        assertThat(ocelot.get("id")).isEqualTo(lynx.get("id"));
        assertThat(ocelot.get("message")).isEqualTo(lynx.get("message"));
    }
}
