package dev.chatserver.application.chats;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.chats.CloseRoomCommand;
import dev.chatserver.application.port.in.chats.CreateRoomCommand;
import dev.chatserver.application.port.in.chats.ManageRooms;
import dev.chatserver.application.port.out.EventRoomStore;
import dev.chatserver.application.port.out.IdGenerator;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.problem.NotFound;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

public final class ManageRoomsService implements ManageRooms {
    private final EventRoomStore rooms;
    private final Tenants tenants;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final UserBudgets budgets;

    @Inject
    public ManageRoomsService(EventRoomStore rooms, Tenants tenants, Transactions transactions, IdGenerator ids,
                              Clock clock, UserBudgets budgets) {
        this.budgets = budgets;
        this.rooms = rooms;
        this.tenants = tenants;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public EventRoom create(CreateRoomCommand command) {
        budgets.spend(Budget.WRITES, command.by());
        tenants.requireTenant(command.by(), command.audience());
        EventRoom room = EventRoom.open(new RoomId(ids.newUuid()), command.audience(), command.tags(), now());
        transactions.inTransaction(() -> rooms.insert(room));
        return room;
    }

    @Override
    public EventRoom room(RoomId id) {
        return rooms.room(id).orElseThrow(() -> unknown(id));
    }

    @Override
    public EventRoom close(CloseRoomCommand command) {
        budgets.spend(Budget.WRITES, command.by());
        return transactions.inTransaction(() -> {
            EventRoom room = rooms.roomForUpdate(command.room()).orElseThrow(() -> unknown(command.room()));
            tenants.requireTenant(command.by(), room.audience());
            EventRoom closed = room.close(now());
            if (!closed.equals(room)) {
                rooms.update(closed);
            }
            return closed;
        });
    }

    /** What asking for a room no one has is answered: {@code NotFound("room")}. */
    static NotFound unknown(RoomId id) {
        return new NotFound("room", "room", "no event room has the id " + id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
