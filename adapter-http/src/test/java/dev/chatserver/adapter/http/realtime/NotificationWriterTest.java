package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Json;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.domain.chats.JsonText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationWriterTest {
    private final ObjectMapper mapper = Json.newMapper();
    private final NotificationWriter writer = new NotificationWriter(mapper);

    private static Notification notification(long id, Map<String, Object> message) {
        return new Notification(id, new Channel("room:r"), message, Instant.parse("2026-11-21T10:00:00Z"));
    }

    @Test
    void a_batch_is_the_list_of_entries_with_event_data_written_as_json() throws Exception {
        Notification first = notification(7, Map.of("type", "chats.event", "data", new JsonText("{\"text\":\"hi\"}")));
        Notification second = notification(8, Map.of("n", 2));

        JsonNode batch = mapper.readTree(writer.batch(List.of(first, second)));

        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.get(0).get("id").asLong()).isEqualTo(7);
        assertThat(batch.get(0).get("channel").asText()).isEqualTo("room:r");
        assertThat(batch.get(0).get("message").get("data").get("text").asText()).isEqualTo("hi");
        assertThat(batch.get(1).get("message").get("n").asInt()).isEqualTo(2);
        assertThat(batch).isEqualTo(mapper.readTree(mapper.writeValueAsString(writer.asTree(List.of(first, second)))));
    }

    @Test
    void a_notification_in_several_batches_reads_the_same_in_each() {
        Notification shared = notification(9, Map.of("n", 9));
        Notification other = notification(10, Map.of("n", 10));

        String alone = writer.batch(List.of(shared));
        String together = writer.batch(List.of(shared, other));

        assertThat(together).startsWith(alone.substring(0, alone.length() - 1) + ",");
        assertThat(writer.batch(List.of())).isEqualTo("[]");
    }
}
