package dev.chatserver.application.chats;

import dev.chatserver.application.port.in.chats.PostEventCommand;
import dev.chatserver.application.port.out.ChatStore;
import dev.chatserver.application.port.out.EventRoomStore;
import dev.chatserver.application.port.out.EventStore;
import dev.chatserver.application.port.out.IdGenerator;
import dev.chatserver.application.write.Answer;
import dev.chatserver.application.write.WriteLane;
import dev.chatserver.domain.chats.AppendedEvent;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.Event;
import dev.chatserver.domain.chats.EventId;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.NewEvent;
import dev.chatserver.domain.problem.ChatProblem;
import dev.chatserver.domain.problem.NotFound;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The chat events waiting at one moment, appended in the writer's unit of work in the order they arrived, each
 * decided by its room read under lock (a later event in the same room sees the one before). An event its room
 * refuses (closed) or whose chat is unknown is answered with that problem, having changed nothing.
 */
public final class EventAppending implements WriteLane<PostEventCommand, Event> {
    private final ChatStore chats;
    private final EventRoomStore rooms;
    private final EventStore events;
    private final ChatNotifier notifier;
    private final IdGenerator ids;
    private final Clock clock;

    @Inject
    public EventAppending(ChatStore chats, EventRoomStore rooms, EventStore events, ChatNotifier notifier,
                          IdGenerator ids, Clock clock) {
        this.chats = chats;
        this.rooms = rooms;
        this.events = events;
        this.notifier = notifier;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public List<Answer<Event>> write(List<PostEventCommand> commands) {
        List<Answer<Event>> answers = new ArrayList<>(commands.size());
        for (PostEventCommand command : commands) {
            try {
                answers.add(Answer.done(append(command)));
            } catch (ChatProblem refused) {
                answers.add(Answer.refused(refused));
            }
        }
        return answers;
    }

    private Event append(PostEventCommand command) {
        Chat chat = chats.chat(command.chat())
                .orElseThrow(() -> new NotFound("chat", "chat_id", "no chat has the id " + command.chat()));
        EventRoom room = rooms.roomForUpdate(chat.roomId()).orElseThrow(() -> new IllegalStateException(
                "the chat " + chat.id() + " names the missing room " + chat.roomId()));
        // Read under the room's lock, so that a later event never gets an earlier reading.
        Instant now = clock.instant();
        NewEvent draft = new NewEvent(command.type(), command.set(), command.label(), command.attribute(),
                command.data(), command.by());
        OptionalLong labelFirst = draft.label() == null ? OptionalLong.empty()
                : events.firstOccurredAt(room.id(), draft.set(), draft.label());
        AppendedEvent appended = room.append(now, new EventId(ids.newUuid()), draft, labelFirst);
        rooms.update(appended.room());
        if (command.persistent()) {
            events.append(List.of(appended.event()));
        }
        notifier.eventAppended(appended.room(), appended.event(), command.claim());
        return appended.event();
    }
}
