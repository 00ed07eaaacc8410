package dev.chatserver.application.port.in.account;

import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.User;

/** Creating the server's own users and groups: from the command line, the demo data or an embedding app. */
public interface ProvisionAccounts {
    User addUser(AddUserCommand command);

    Group addGroup(AddGroupCommand command);

    Group addMember(AddMemberCommand command);

    /** Gives the user of the login the administrator role (again changes nothing). */
    User grantAdmin(Login login);
}
