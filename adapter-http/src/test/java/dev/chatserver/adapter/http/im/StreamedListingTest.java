package dev.chatserver.adapter.http.im;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.chatserver.adapter.http.Json;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.application.port.in.view.MessageSummary;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.MessageViews;
import dev.chatserver.application.port.in.view.SessionMember;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.im.SessionStatus;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.domain.presence.ImStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long listings go into the response as they are rendered: by the time the last entries are rendered, the first
 * ones have reached the output stream already (an answer built whole first would have written nothing yet).
 */
class StreamedListingTest {
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final int ENTRIES = 1_000;

    private final ObjectMapper mapper = Json.newMapper();
    /** As JsonRpc writes an answer: the envelope into the response's stream. */
    private final ObjectWriter answers = mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private final ByteArrayOutputStream response = new ByteArrayOutputStream();

    @Test
    void sessions_reach_the_stream_while_the_listing_is_still_being_written() throws Exception {
        WatchedList<SessionView> sessions = new WatchedList<>(StreamedListingTest::session, response);

        answers.writeValue(response, Map.of("result", ImPayloads.sessions(sessions)));

        assertThat(sessions.writtenWhenLastRendered).as("bytes out before the last session was rendered")
                .isGreaterThan(response.size() / 2);
        JsonNode answer = mapper.readTree(response.toByteArray()).get("result");
        assertThat(answer).hasSize(ENTRIES);
        assertThat(answer.get(ENTRIES - 1)).isEqualTo(mapper.readTree(mapper.writeValueAsBytes(ImPayloads.session(session(ENTRIES - 1)))));
        assertThat(answer.get(3).get("users").get(0).get("last_message").get("message").asText()).isEqualTo("hello 3");
    }

    @Test
    void history_entries_reach_the_stream_while_the_page_is_still_being_written() throws Exception {
        WatchedList<MessageView> messages = new WatchedList<>(StreamedListingTest::message, response);

        answers.writeValue(response, Map.of("result", ImPayloads.messages(messages)));

        assertThat(messages.writtenWhenLastRendered).isGreaterThan(response.size() / 2);
        JsonNode answer = mapper.readTree(response.toByteArray()).get("result");
        assertThat(answer).hasSize(ENTRIES);
        assertThat(answer.get(7).get("message").asText()).isEqualTo("message 7");
        assertThat(answer.get(7).get("from_id").get(1).asText()).isEqualTo("Lucid Lynx");
    }

    private static SessionView session(int i) {
        Partner partner = new Partner(PartnerId.of(11), "Lucid Lynx");
        SessionMember member = new SessionMember(UserId.of(5), "Lucid Lynx", partner, ImStatus.ONLINE,
                Optional.of(new MessageSummary(i, "message", "hello " + i, AT)));
        return new SessionView(ENTRIES - i, new UUID(7, i), AT, false, List.of(), List.of(), List.of(member),
                SessionState.OPEN, SessionStatus.ACTIVE, true);
    }

    private static MessageView message(int i) {
        return MessageViews.restored(ENTRIES - i, 7, UUID.randomUUID(), UserId.of(5), "Lucid Lynx",
                new Partner(PartnerId.of(11), "Lucid Lynx"), "message", "message " + i, AT, java.util.List.of(),
                Optional.empty(), java.util.List.of());
    }

    /** A list that notes how much of the response was written when its last element was asked for. */
    private static final class WatchedList<T> extends AbstractList<T> {
        private final IntFunction<T> elements;
        private final ByteArrayOutputStream response;
        private int writtenWhenLastRendered = -1;

        WatchedList(IntFunction<T> elements, ByteArrayOutputStream response) {
            this.elements = elements;
            this.response = response;
        }

        @Override
        public T get(int index) {
            if (index == ENTRIES - 1) {
                writtenWhenLastRendered = response.size();
            }
            return elements.apply(index);
        }

        @Override
        public int size() {
            return ENTRIES;
        }
    }
}
