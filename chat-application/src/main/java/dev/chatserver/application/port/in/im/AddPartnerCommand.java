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
            throw new InvalidInput("parent_partner_id", "parent_partner_id is required");
        }
        if (child == null) {
            throw new InvalidInput("child_partner_id", "child_partner_id is required");
        }
    }

    public static AddPartnerCommand of(User caller, Long parentPartnerId, Long childPartnerId) {
        return new AddPartnerCommand(caller, Params.partner("parent_partner_id", parentPartnerId),
                Params.partner("child_partner_id", childPartnerId));
    }
}
