package dev.chatserver.application.port.in;

import dev.chatserver.application.port.in.chats.ListEventsCommand;
import dev.chatserver.application.port.in.chats.PostEventCommand;
import dev.chatserver.application.port.in.im.ChangeBookCommand;
import dev.chatserver.application.port.in.im.EditMessageCommand;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.InviteCommand;
import dev.chatserver.application.port.in.im.OpenSessionCommand;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.in.im.SessionPage;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.chats.ChatId;
import dev.chatserver.domain.chats.Direction;
import dev.chatserver.domain.chats.JsonText;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.problem.InvalidInput;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An embedder calling a use case hears the core's words: a command refusing what it was given names its own
 * field (as the record calls it), never a parameter of an HTTP API; the faces translate (adapter-http).
 */
class CommandFieldNamesTest {
    private static final User LYNX = new User(UserId.of(1), new Login("lynx"), "Lucid Lynx", "",
            new Partner(PartnerId.of(11), "Lucid Lynx"));
    private static final UUID SESSION = UUID.randomUUID();

    @Test
    void an_im_command_names_its_own_field() {
        assertRefused(() -> new HistoryCommand(LYNX, SESSION, OptionalLong.of(0), OptionalInt.empty()),
                "lastId", "lastId is a positive message id");
        assertRefused(() -> new HistoryCommand(LYNX, null, OptionalLong.empty(), OptionalInt.empty()),
                "session", "session is required");
        assertRefused(() -> OpenSessionCommand.of(LYNX, null), "userTo", "userTo is required");
        assertRefused(() -> new InviteCommand(LYNX, SESSION, null), "newcomer", "newcomer is required");
        assertRefused(() -> new PostMessageCommand(LYNX, SESSION, MessageType.MESSAGE, " "),
                "content", "content is not empty");
        assertRefused(() -> new PostMessageCommand(LYNX, SESSION, MessageType.META, "joined"),
                "type", "meta messages are posted by the server only");
        assertRefused(() -> new PostMessageCommand(LYNX, SESSION, MessageType.MESSAGE, "hi", ""),
                "clientId", "clientId has 1 to 64 characters");
        assertRefused(() -> new EditMessageCommand(LYNX, 0, "hi"), "messageId", "messageId is a positive message id");
        assertRefused(() -> new SessionPage(OptionalLong.of(-1), OptionalInt.empty()),
                "beforeId", "beforeId is a positive session id");
        assertRefused(() -> new ChangeBookCommand(LYNX, Collections.nCopies(ChangeBookCommand.MAX_USERS + 1,
                UserId.of(2))), "userIds", "userIds has at most 1000 ids");
    }

    @Test
    void a_domain_value_names_its_own_field() {
        assertRefused(() -> new MessageType("Not A Type"), "type",
                "type is a name of 1 to 64 characters a-z, 0-9, '_' or '.'");
    }

    @Test
    void a_chats_command_names_its_own_field() {
        AccountId tenant = AccountId.parse("desk.example.org");
        ChatId chat = new ChatId(UUID.randomUUID());
        assertRefused(() -> new PostEventCommand(tenant, chat, "message", null, null, null, JsonText.EMPTY_OBJECT,
                false, false, "order-17"), "idempotencyKey",
                "idempotencyKey is for a persistent event: a transient one is never kept");
        assertRefused(() -> new PostEventCommand(tenant, null, "message", null, null, null, JsonText.EMPTY_OBJECT,
                false, true), "chat", "chat is required");
        assertRefused(() -> new ListEventsCommand(chat, Set.of(), null, null, null, OptionalLong.of(-1),
                Direction.FORWARD, 10), "occurredAt", "occurredAt is not negative");
    }

    /** Every problem the core raises names its field in the core's words: no snake_case, no header name. */
    @Test
    void no_problem_in_the_core_names_a_field_of_the_wire() throws IOException {
        Pattern fieldFirst = Pattern.compile("new (?:InvalidInput|AccessDenied)\\(\\s*\"([^\"]+)\"");
        Pattern fieldSecond = Pattern.compile("(?:new (?:NotFound|AlreadyExists)|AccessDenied\\.ofRule)\\(\\s*\"[^\"]+\",\\s*\"([^\"]+)\"");
        Pattern namedField = Pattern.compile("(?:Names\\.(?:require|optional)|existingUser\\([^,]+,)\\s*\\(?\"([^\"]+)\"");
        List<String> wireNames = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../chat-domain/src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    for (Pattern pattern : List.of(fieldFirst, fieldSecond, namedField)) {
                        Matcher found = pattern.matcher(source);
                        while (found.find()) {
                            if (!found.group(1).matches("[a-z][a-zA-Z]*")) {
                                wireNames.add(file.getFileName() + ": " + found.group(1));
                            }
                        }
                    }
                }
            }
        }
        assertThat(wireNames).as("fields named as an API's wire names them").isEmpty();
    }

    private static void assertRefused(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInput.class, problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.getMessage()).isEqualTo(message);
        });
    }
}
