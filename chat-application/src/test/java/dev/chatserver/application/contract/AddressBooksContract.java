package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.AddressBooks;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

public abstract class AddressBooksContract extends StorageContract {
    private UserId lynx;
    private UserId ocelot;
    private UserId pangolin;

    @BeforeEach
    void registerUsers() {
        lynx = register("lynx");
        ocelot = register("ocelot");
        pangolin = register("pangolin");
    }

    private UserId register(String login) {
        return ports().accounts().register(new NewUser(new Login(login), login, ""), "h").id();
    }

    @Test
    void adding_and_removing_contacts_is_idempotent_and_books_are_listed_in_id_order() {
        AddressBooks books = ports().addressBooks();

        books.add(lynx, List.of(pangolin, ocelot));
        books.add(lynx, List.of(ocelot, ocelot));
        assertThat(books.contactsOf(lynx)).containsExactly(ocelot, pangolin);

        books.remove(lynx, List.of(ocelot));
        books.remove(lynx, List.of(ocelot));
        assertThat(books.contactsOf(lynx)).containsExactly(pangolin);
        books.add(lynx, List.of());
        books.remove(lynx, List.of());
        assertThat(books.contactsOf(lynx)).containsExactly(pangolin);
    }

    @Test
    void each_user_has_a_book_of_their_own() {
        AddressBooks books = ports().addressBooks();
        books.add(lynx, List.of(ocelot));
        books.add(ocelot, List.of(pangolin));

        assertThat(books.contactsOf(lynx)).containsExactly(ocelot);
        assertThat(books.contactsOf(ocelot)).containsExactly(pangolin);
        assertThat(books.contactsOf(pangolin)).isEmpty();
    }
}
