package dev.chatserver.bootstrap.embedding;

import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.application.port.in.im.OpenSessionCommand;
import dev.chatserver.bootstrap.ChatCore;
import dev.chatserver.domain.account.User;
import dev.chatserver.application.port.in.view.SessionView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The host's own tests: the same core as in production, on the in-memory storage, fresh for each test. */
class SupportDeskTest {
    /** The host's code under test: it opens a support conversation for a customer. */
    record SupportDesk(ChatCore chat, User agent) {
        SessionView openFor(User customer) {
            return chat.openSession().openPrivate(OpenSessionCommand.of(agent, customer.id()));
        }
    }

    private final ChatCore chat = ChatCore.builder().inMemoryStorage().build();

    @AfterEach
    void close() {
        chat.close();
    }

    @Test
    void a_customer_gets_one_conversation_with_the_agent() {
        ProvisionAccounts accounts = chat.provisionAccounts();
        User agent = accounts.addUser(AddUserCommand.of("agent", "Support Agent", null, "agent-password"));
        User customer = accounts.addUser(AddUserCommand.of("customer", "A Customer", null, "customer-password"));
        SupportDesk desk = new SupportDesk(chat, agent);

        assertThat(desk.openFor(customer).uuid()).isEqualTo(desk.openFor(customer).uuid());
    }
}
