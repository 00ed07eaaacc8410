package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.ChatStore;
import dev.chatserver.application.port.out.EventRoomStore;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.chats.ChatKey;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.problem.AlreadyExists;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Chats and event rooms: what every storage keeps and the uniqueness it enforces. */
public abstract class ChatsContract extends StorageContract {
    protected static final Instant NOW = Instant.parse("2026-11-21T10:00:00.123456Z");

    protected EventRoom newRoom(String audience) {
        EventRoom room = EventRoom.open(new RoomId(UUID.randomUUID()), audience, new JsonText("{\"k\":[1,2]}"), NOW);
        ports().eventRooms().insert(room);
        return room;
    }

    protected Chat newChat(String audience, String scope, RoomId room) {
        Chat chat = new Chat(new ChatId(UUID.randomUUID()), new ChatKey(audience, scope),
                new JsonText("{\"course\":\"42\"}"), NOW, room);
        ports().chats().insert(chat);
        return chat;
    }

    @Test
    void a_stored_room_reads_back_as_it_was_stored() {
        EventRoom room = newRoom("example.org");

        assertThat(ports().eventRooms().room(room.id())).contains(room);
        assertThat(ports().eventRooms().roomForUpdate(room.id())).contains(room);
        assertThat(ports().eventRooms().room(new RoomId(UUID.randomUUID()))).isEmpty();
    }

    private static EventRoom withLast(EventRoom room, Instant closedAt, long lastOccurredAt) {
        return new EventRoom(room.id(), room.audience(), room.tags(), room.openedAt(), closedAt, room.createdAt(),
                lastOccurredAt);
    }

    @Test
    void a_room_s_new_state_reads_back_exactly_as_the_room_decided_it() {
        EventRoom room = newRoom("example.org");
        EventRoom other = newRoom("example.org");
        EventRoomStore rooms = ports().eventRooms();

        EventRoom advanced = withLast(room, null, 10);
        rooms.update(advanced);
        assertThat(rooms.room(room.id())).contains(advanced);

        EventRoom closed = withLast(room, NOW.plusSeconds(5).plusNanos(7_000), 12);
        rooms.update(closed);
        assertThat(rooms.room(room.id())).contains(closed);
        assertThat(rooms.roomForUpdate(room.id())).contains(closed);
        assertThat(rooms.room(other.id())).contains(other);
    }

    @Test
    void a_room_stores_what_it_is_given_without_a_rule_of_its_own() {
        EventRoom room = newRoom("example.org");
        EventRoomStore rooms = ports().eventRooms();
        rooms.update(withLast(room, NOW.plusSeconds(5), 10));

        EventRoom rewritten = withLast(room, NOW.plusSeconds(9), 5);
        rooms.update(rewritten);

        assertThat(rooms.room(room.id())).contains(rewritten);
    }

    @Test
    void a_stored_chat_reads_back_by_id_by_key_and_by_room() {
        EventRoom room = newRoom("example.org");
        Chat chat = newChat("example.org", "course-42", room.id());
        ChatStore chats = ports().chats();

        assertThat(chats.chat(chat.id())).contains(chat);
        assertThat(chats.chat(new ChatKey("example.org", "course-42"))).contains(chat);
        assertThat(chats.chatOfRoom(room.id())).contains(chat);
        assertThat(chats.chat(new ChatKey("example.org", "course-43"))).isEmpty();
        assertThat(chats.chat(new ChatKey("other.org", "course-42"))).isEmpty();
        assertThat(chats.chat(new ChatId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void an_audience_has_one_chat_per_scope() {
        EventRoom first = newRoom("example.org");
        EventRoom second = newRoom("example.org");
        Chat chat = newChat("example.org", "course-42", first.id());

        assertThatThrownBy(() -> newChat("example.org", "course-42", second.id()))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> assertThat(e.kind()).isEqualTo("chat_already_exists"));
        assertThat(ports().chats().chatOfRoom(second.id())).isEmpty();
        assertThat(ports().chats().chat(chat.key())).contains(chat);
        newChat("other.org", "course-42", second.id());
    }

    @Test
    void a_room_backs_one_chat_at_most() {
        EventRoom room = newRoom("example.org");
        newChat("example.org", "course-42", room.id());

        assertThatThrownBy(() -> newChat("example.org", "course-43", room.id()))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> assertThat(e.kind()).isEqualTo("room_already_attached"));
        assertThat(ports().chats().chat(new ChatKey("example.org", "course-43"))).isEmpty();
    }
}
