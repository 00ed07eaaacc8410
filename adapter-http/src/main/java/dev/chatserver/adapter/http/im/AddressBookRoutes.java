package dev.chatserver.adapter.http.im;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.application.port.in.im.AddPartnerCommand;
import dev.chatserver.application.port.in.im.ChangeBookCommand;
import dev.chatserver.application.port.in.im.InitChat;
import dev.chatserver.application.port.in.im.InitCommand;
import dev.chatserver.application.port.in.im.ManageAddressBook;
import dev.chatserver.adapter.http.jsonrpc.RpcParams;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;
import io.javalin.Javalin;
import jakarta.inject.Inject;

import java.util.List;

/** The caller's address book ({@code user_chat_ab/*}) and the contact list the chat starts with ({@code init}). */
public final class AddressBookRoutes implements Routes {
    private static final String BOOK = ImSessionRoutes.API + "user_chat_ab/";
    private static final String NOT_LIST = "user_ids is not list";

    private final ManageAddressBook book;
    private final InitChat init;
    private final ImCalls calls;

    @Inject
    public AddressBookRoutes(ManageAddressBook book, InitChat init, Authenticator authenticator, ObjectMapper mapper) {
        this.book = book;
        this.init = init;
        this.calls = new ImCalls(new JsonRpc(mapper), authenticator);
    }

    @Override
    public void addTo(Javalin app) {
        app.post(BOOK + "get_all_users", calls.handler((p, caller) -> ImPayloads.contacts(book.usersOutsideBook(caller))));
        app.post(BOOK + "get_users_from_book", calls.handler((p, caller) -> ImPayloads.contacts(book.usersInBook(caller))));
        app.post(BOOK + "add_users", calls.handler((p, caller) -> {
            book.addUsers(changeBook(caller, p));
            return ImCalls.SUCCESS;
        }));
        app.post(BOOK + "remove_users", calls.handler((p, caller) -> {
            book.removeUsers(changeBook(caller, p));
            return ImCalls.SUCCESS;
        }));
        app.post(BOOK + "add_partner", calls.handler((p, caller) -> {
            book.addPartner(new AddPartnerCommand(caller, PartnerId.of(p.requiredPositive("parent_partner_id")),
                    PartnerId.of(p.requiredPositive("child_partner_id"))));
            return ImCalls.SUCCESS;
        }));
        app.post(ImSessionRoutes.API + "init", calls.handler((p, caller) -> ImPayloads.cards(init.init(
                new InitCommand(caller, p.requiredString("name"), p.optionalLimit("limit"))))));
    }

    private static ChangeBookCommand changeBook(User caller, RpcParams params) {
        List<Long> ids = params.requiredLongList("user_ids", NOT_LIST);
        if (ids.stream().anyMatch(id -> id <= 0)) {
            throw new InvalidInput("user_ids", "user_ids holds positive user ids");
        }
        return new ChangeBookCommand(caller, ids.stream().map(UserId::of).toList());
    }
}
