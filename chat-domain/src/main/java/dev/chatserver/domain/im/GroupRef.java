package dev.chatserver.domain.im;

import dev.chatserver.domain.account.GroupId;

import java.util.Objects;

public record GroupRef(GroupId id, String name) {
    public GroupRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
