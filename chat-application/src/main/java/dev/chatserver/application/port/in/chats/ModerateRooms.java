package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.EventRoom;
import dev.chatserver.domain.chats.RoomBan;

/**
 * A room's tenants moderate it: they ban accounts from it (a banned account neither posts into the room nor hears
 * its live events) and lock event types only they may post. Anyone else is {@code AccessDenied}; an unknown room
 * {@code NotFound("room")}.
 */
public interface ModerateRooms {
    /** Bans the account; banning a banned account answers its first ban, not fresh. */
    Banned ban(BanCommand command);

    /** Lifts the ban; none is {@code NotFound("ban")}. */
    void unban(UnbanCommand command);

    BanPage bans(ListBansCommand command);

    /** The room with the types locked as the command says. */
    EventRoom lockTypes(LockTypesCommand command);

    /** The ban in force, and whether this call made it. */
    record Banned(RoomBan ban, boolean fresh) {
    }
}
