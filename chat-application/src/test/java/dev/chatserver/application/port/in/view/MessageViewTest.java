package dev.chatserver.application.port.in.view;

import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.PostDraft;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MessageViewTest {
    private static final Instant POSTED = Instant.parse("2026-11-21T10:00:00Z");
    private static final Partner LYNX_PARTNER = new Partner(PartnerId.of(11), "Lucid Lynx");
    private static final User LYNX = new User(UserId.of(1), new Login("lynx"), "Lucid Lynx", "", LYNX_PARTNER);
    private static final UUID SESSION = UUID.fromString("6f1c8a52-4a0e-4d4e-9d2e-7d3f0a6b1c11");

    @Test
    void it_deconstructs_into_its_components_in_order() {
        ImMessage edited = new ImMessage(5, 7, LYNX.id(), MessageType.MESSAGE, "hello", POSTED)
                .editedBy(LYNX.id(), "hello again", POSTED.plusSeconds(5), Duration.ofHours(1));
        List<ReactionCount> reactions = List.of(new ReactionCount("👍", 2, true));
        MessageView view = MessageViews.shown(edited, SESSION, LYNX, reactions, List.of(), Map.of());

        List<Object> components = view.deconstruct("context", (context, id, sessionId, sessionUuid, fromId, fromName,
                fromPartner, type, message, createDate, editDate, deleted, reactionCounts, files, replyTo, mentions) ->
                List.of(context, id, sessionId, sessionUuid, fromId, fromName, fromPartner, type, message, createDate,
                        editDate, deleted, reactionCounts, files, replyTo, mentions));

        assertThat(components).containsExactly("context", 5L, 7L, SESSION, LYNX.id(), "Lucid Lynx", LYNX_PARTNER,
                "message", "hello again", POSTED, Optional.of(POSTED.plusSeconds(5)), false, reactions, List.of(),
                Optional.empty(), List.of());
    }

    @Test
    void a_reply_quotes_at_most_200_characters_of_the_original_and_nothing_once_it_is_deleted() {
        String long_ = "é".repeat(150) + "😀".repeat(100);
        ImMessage original = new ImMessage(5, 7, LYNX.id(), MessageType.MESSAGE, long_, POSTED);
        ImMessage reply = ImMessage.unsaved(7, new PostDraft(LYNX.id(), MessageType.MESSAGE, "re", List.of(),
                Optional.of(5L)), POSTED).storedAs(6);

        QuotedMessage quoted = MessageViews.posted(reply, SESSION, LYNX, List.of(), Map.of(5L, original)).replyTo()
                .orElseThrow();

        assertThat(quoted.message()).isEqualTo("é".repeat(150) + "😀".repeat(50));
        assertThat(quoted.deleted()).isFalse();
        assertThat(QuotedMessage.of(original.deletedBy(LYNX.id(), POSTED, Duration.ofHours(1))))
                .isEqualTo(new QuotedMessage(5, LYNX.id(), "", true));
        assertThat(MessageViews.posted(reply, SESSION, LYNX, List.of(), Map.of()).replyTo()).as("the original unread")
                .isEmpty();
    }

    /** A component added to the record must be added to its deconstruction, which then fails where it is read. */
    @Test
    void its_deconstruction_takes_every_component_by_name_and_type_in_order() {
        List<String> components = Arrays.stream(MessageView.class.getRecordComponents())
                .map(component -> component.getGenericType().getTypeName() + " " + component.getName()).toList();

        List<Method> methods = Arrays.stream(MessageView.Components.class.getDeclaredMethods())
                .filter(method -> !method.isDefault()).toList();
        assertThat(methods).as("the methods of MessageView.Components").hasSize(1);
        Parameter[] parameters = methods.get(0).getParameters();
        assertThat(parameters).as("parameter names kept (javac -parameters)").allMatch(Parameter::isNamePresent);
        assertThat(parameters[0].getName()).as("what the reader writes into comes first").isEqualTo("context");
        assertThat(Arrays.stream(parameters).skip(1)
                .map(parameter -> parameter.getParameterizedType().getTypeName() + " " + parameter.getName()))
                .containsExactlyElementsOf(components);
    }
}
