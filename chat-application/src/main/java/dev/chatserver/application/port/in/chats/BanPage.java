package dev.chatserver.application.port.in.chats;

import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.RoomBan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A page of a room's bans and the account to read on after ({@code next}, empty on the last page). */
public record BanPage(List<RoomBan> bans, Optional<AccountId> next) {
    public BanPage {
        bans = List.copyOf(bans);
        Objects.requireNonNull(next, "next");
    }
}
