package dev.chatserver.application.chats;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.chats.BanCommand;
import dev.chatserver.application.port.in.chats.BanPage;
import dev.chatserver.application.port.in.chats.ListBansCommand;
import dev.chatserver.application.port.in.chats.LockTypesCommand;
import dev.chatserver.application.port.in.chats.ModerateRooms;
import dev.chatserver.application.port.in.chats.UnbanCommand;
import dev.chatserver.application.port.out.EventRoomStore;
import dev.chatserver.application.port.out.RoomBans;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.RoomBan;
import dev.chatserver.domain.chats.RoomId;
import dev.chatserver.domain.chats.RoomRights;
import dev.chatserver.domain.problem.NotFound;
import dev.chatserver.domain.problem.Refused;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Bans and locked types, each change in one unit of work with the room held for update: a ban and a post into its
 * room, or two bans of one account, never overlap, so a post either precedes the ban or is refused by it. The room
 * decides ({@link EventRoom#ban}, {@link EventRoom#lockTypes}); a ban or its lifting is told on the room's channel.
 */
public final class ModerateRoomsService implements ModerateRooms {
    /** The most accounts one room bans: what a tenant can fill is bounded. */
    public static final int MAX_BANS_PER_ROOM = 10_000;

    private final EventRoomStore rooms;
    private final RoomBans bans;
    private final Tenants tenants;
    private final ChatNotifier notifier;
    private final Transactions transactions;
    private final Clock clock;
    private final UserBudgets budgets;

    @Inject
    public ModerateRoomsService(EventRoomStore rooms, RoomBans bans, Tenants tenants, ChatNotifier notifier,
                                Transactions transactions, Clock clock, UserBudgets budgets) {
        this.rooms = rooms;
        this.bans = bans;
        this.tenants = tenants;
        this.notifier = notifier;
        this.transactions = transactions;
        this.clock = clock;
        this.budgets = budgets;
    }

    @Override
    public Banned ban(BanCommand command) {
        budgets.spend(Budget.WRITES, command.by());
        return transactions.inTransaction(() -> {
            EventRoom room = held(command.room());
            RoomBan ban = room.ban(command.by(), command.account(), command.reason(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), rightsIn(room));
            Optional<RoomBan> first = bans.ban(room.id(), command.account());
            if (first.isPresent()) {
                return new Banned(first.get(), false);
            }
            if (bans.count(room.id()) >= MAX_BANS_PER_ROOM) {
                throw new Refused("too_many_bans", "account", "the room " + room.id() + " bans "
                        + MAX_BANS_PER_ROOM + " accounts already: lift a ban first");
            }
            bans.add(ban);
            notifier.banChanged(room.id(), ban.account(), true, ban.reason());
            return new Banned(ban, true);
        });
    }

    @Override
    public void unban(UnbanCommand command) {
        budgets.spend(Budget.WRITES, command.by());
        transactions.inTransaction(() -> {
            EventRoom room = held(command.room());
            room.requireModerator(command.by(), rightsIn(room));
            if (!bans.remove(room.id(), command.account())) {
                throw new NotFound("ban", "account", "account " + command.account() + " is not banned from the room "
                        + room.id());
            }
            notifier.banChanged(room.id(), command.account(), false, "");
            return null;
        });
    }

    @Override
    public BanPage bans(ListBansCommand command) {
        EventRoom room = rooms.room(command.room()).orElseThrow(() -> ManageRoomsService.unknown(command.room()));
        room.requireModerator(command.by(), rightsIn(room));
        List<RoomBan> page = bans.page(room.id(), command.after() == null ? null : command.after().key(),
                command.limit() + 1);
        if (page.size() <= command.limit()) {
            return new BanPage(page, Optional.empty());
        }
        List<RoomBan> shown = page.subList(0, command.limit());
        return new BanPage(shown, Optional.of(shown.get(shown.size() - 1).account()));
    }

    @Override
    public EventRoom lockTypes(LockTypesCommand command) {
        budgets.spend(Budget.WRITES, command.by());
        return transactions.inTransaction(() -> {
            EventRoom room = held(command.room());
            EventRoom locked = room.lockTypes(command.by(), command.lockedTypes(), rightsIn(room));
            if (!locked.equals(room)) {
                rooms.update(locked);
            }
            return locked;
        });
    }

    private EventRoom held(RoomId id) {
        return rooms.roomForUpdate(id).orElseThrow(() -> ManageRoomsService.unknown(id));
    }

    private RoomRights rightsIn(EventRoom room) {
        return RoomRights.ofTenants(tenants.of(room.audience()));
    }
}
