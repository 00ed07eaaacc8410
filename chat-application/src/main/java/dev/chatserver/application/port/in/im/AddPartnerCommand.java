package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** Puts the user of the child partner into the book of the parent partner's user, who must be the caller. */
public record AddPartnerCommand(User caller, PartnerId parent, PartnerId child) {
    public AddPartnerCommand {
        Objects.requireNonNull(caller, "caller");
        if (parent == null) {
            throw new InvalidInput("parent", "parent is required");
        }
        if (child == null) {
            throw new InvalidInput("child", "child is required");
        }
    }
}
