package dev.chatserver.application.port.in.admin;

import dev.chatserver.application.port.in.view.AccountView;

import java.util.List;
import java.util.OptionalLong;

/** One page of accounts and, when more may follow, the {@code after} of the next page. */
public record UserPage(List<AccountView> users, OptionalLong nextAfter) {
    public UserPage {
        users = List.copyOf(users);
    }
}
