package dev.chatserver.application.port.in.view;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.Posting;

import java.util.List;
import java.util.Objects;

/** What members see of a group conversation beside its session: its name, who may post, its admins (by id). */
public record GroupView(String name, Posting posting, List<UserId> admins) {
    public GroupView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(posting, "posting");
        admins = List.copyOf(admins);
    }
}
