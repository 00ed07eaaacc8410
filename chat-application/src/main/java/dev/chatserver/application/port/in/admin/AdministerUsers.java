package dev.chatserver.application.port.in.admin;

import dev.chatserver.application.port.in.view.AccountView;

/**
 * What an administrator does with accounts; anyone else is refused ({@code AccessDenied}). Every change is kept in
 * the audit log in its own unit of work. Disabling an account ends its sign-ins (its tokens, sockets and polls on
 * every node within the token trust window) and its sign-in then answers as a wrong password does.
 */
public interface AdministerUsers {
    UserPage list(ListUsersCommand command);

    AccountView create(CreateUserCommand command);

    AccountView update(UpdateUserCommand command);

    void resetPassword(ResetPasswordCommand command);

    /** Answers how many sign-ins ended. */
    int endSessions(EndSessionsCommand command);
}
