package dev.chatserver.application.port.in.im;

import dev.chatserver.application.port.in.view.ContactView;
import dev.chatserver.domain.account.User;

import java.util.List;

/** The caller's own address book. Unknown users are {@code NotFound} naming the parameter. */
public interface ManageAddressBook {
    /** Every user who is neither the caller nor in their book, in id order. */
    List<ContactView> usersOutsideBook(User caller);

    /** The users in the caller's book, in id order. */
    List<ContactView> usersInBook(User caller);

    void addUsers(ChangeBookCommand command);

    void removeUsers(ChangeBookCommand command);

    void addPartner(AddPartnerCommand command);
}
