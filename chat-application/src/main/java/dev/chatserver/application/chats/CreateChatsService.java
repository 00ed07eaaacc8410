package dev.chatserver.application.chats;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.chats.ConvertChatCommand;
import dev.chatserver.application.port.in.chats.CreateChatCommand;
import dev.chatserver.application.port.in.chats.CreateChats;
import dev.chatserver.application.port.out.ChatStore;
import dev.chatserver.application.port.out.EventRoomStore;
import dev.chatserver.application.port.out.IdGenerator;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.chats.Chat;
import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.chats.ChatKey;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.problem.AlreadyExists;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

public final class CreateChatsService implements CreateChats {
    private final ChatStore chats;
    private final EventRoomStore rooms;
    private final Tenants tenants;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final UserBudgets budgets;

    @Inject
    public CreateChatsService(ChatStore chats, EventRoomStore rooms, Tenants tenants, Transactions transactions,
                              IdGenerator ids, Clock clock, UserBudgets budgets) {
        this.budgets = budgets;
        this.chats = chats;
        this.rooms = rooms;
        this.tenants = tenants;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Chat create(CreateChatCommand command) {
        budgets.spend(Budget.WRITES, command.by());
        tenants.requireTenant(command.by(), command.key().audience());
        return transactions.inTransaction(() -> {
            requireFree(command.key());
            Instant now = now();
            EventRoom room = EventRoom.open(new RoomId(ids.newUuid()), command.key().audience(), command.tags(), now);
            rooms.insert(room);
            Chat chat = new Chat(new ChatId(ids.newUuid()), command.key(), command.tags(), now, room.id());
            chats.insert(chat);
            return chat;
        });
    }

    @Override
    public Chat convert(ConvertChatCommand command) {
        budgets.spend(Budget.WRITES, command.by());
        tenants.requireTenant(command.by(), command.key().audience());
        return transactions.inTransaction(() -> {
            EventRoom room = rooms.room(command.eventRoom()).orElseThrow(() -> new NotFound("room", "eventRoom",
                    "no event room has the id " + command.eventRoom()));
            if (!room.audience().equals(command.key().audience())) {
                throw new InvalidInput("eventRoom", "the event room belongs to the audience " + room.audience()
                        + ", not " + command.key().audience());
            }
            requireFree(command.key());
            if (chats.chatOfRoom(room.id()).isPresent()) {
                throw roomAttached(room.id());
            }
            Chat chat = new Chat(new ChatId(ids.newUuid()), command.key(), command.tags(), now(), room.id());
            chats.insert(chat);
            return chat;
        });
    }

    private void requireFree(ChatKey key) {
        if (chats.chat(key).isPresent()) {
            throw chatExists(key);
        }
    }

    private static AlreadyExists chatExists(ChatKey key) {
        return new AlreadyExists("chat_already_exists", "scope",
                "the audience " + key.audience() + " has a chat with the scope " + key.scope() + " already");
    }

    private static AlreadyExists roomAttached(RoomId room) {
        return new AlreadyExists("room_already_attached", "eventRoom",
                "the event room " + room + " belongs to another chat already");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
