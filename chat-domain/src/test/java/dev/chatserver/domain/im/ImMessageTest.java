package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.Refused;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImMessageTest {
    private static final Instant POSTED = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);
    private static final UserId LYNX = UserId.of(1);
    private static final UserId OCELOT = UserId.of(2);
    private final ImMessage message = new ImMessage(5, 7, LYNX, new MessageType("message"), "hello", POSTED);

    @Test
    void its_author_edits_it_within_the_window() {
        Instant later = POSTED.plus(DAY);

        ImMessage edited = message.editedBy(LYNX, "hello again", later, DAY);

        assertThat(edited.content()).isEqualTo("hello again");
        assertThat(edited.editDate()).contains(later);
        assertThat(edited.createDate()).isEqualTo(POSTED);
        assertThat(edited.isDeleted()).isFalse();
    }

    @Test
    void its_author_deletes_it_leaving_a_tombstone_without_content() {
        ImMessage deleted = message.deletedBy(LYNX, POSTED.plusSeconds(60), DAY);

        assertThat(deleted.content()).isEmpty();
        assertThat(deleted.deleteDate()).contains(POSTED.plusSeconds(60));
        assertThat(deleted.id()).isEqualTo(5);
    }

    @Test
    void no_one_else_edits_or_deletes_it() {
        assertThatThrownBy(() -> message.editedBy(OCELOT, "mine now", POSTED, DAY))
                .isInstanceOf(AccessDenied.class).hasFieldOrPropertyWithValue("field", "messageId");
        assertThatThrownBy(() -> message.deletedBy(OCELOT, POSTED, DAY)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void after_the_window_it_stays_as_it_is() {
        Instant tooLate = POSTED.plus(DAY).plusSeconds(1);

        assertThatThrownBy(() -> message.editedBy(LYNX, "late", tooLate, DAY))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.kind()).isEqualTo("edit_window_passed"));
        assertThatThrownBy(() -> message.deletedBy(LYNX, tooLate, DAY)).isInstanceOf(Refused.class);
    }

    @Test
    void a_tombstone_is_neither_edited_deleted_again_nor_reacted_to() {
        ImMessage deleted = message.deletedBy(LYNX, POSTED, DAY);

        assertThatThrownBy(() -> deleted.editedBy(LYNX, "back", POSTED, DAY))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.kind()).isEqualTo("message_deleted"));
        assertThatThrownBy(() -> deleted.deletedBy(LYNX, POSTED, DAY)).isInstanceOf(Refused.class);
        assertThatThrownBy(deleted::acceptReaction).isInstanceOf(Refused.class);
        message.acceptReaction();
    }

    @Test
    void a_deleted_message_cannot_hold_content() {
        assertThatThrownBy(() -> new ImMessage(5, 7, LYNX, new MessageType("message"), "kept", POSTED,
                Optional.empty(), Optional.of(POSTED), Optional.empty(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_message_its_session_decided_is_unsaved_until_a_store_gives_it_its_id() {
        ImMessage unsaved = ImMessage.unsaved(7, PostDraft.plain(LYNX, MessageType.MESSAGE, "hi"), POSTED);

        assertThat(unsaved.isStored()).isFalse();
        assertThat(unsaved.id()).isEqualTo(ImMessage.UNSAVED);
        ImMessage stored = unsaved.storedAs(12);
        assertThat(stored).isEqualTo(new ImMessage(12, 7, LYNX, MessageType.MESSAGE, "hi", POSTED));
        assertThat(stored.isStored()).isTrue();
        assertThatThrownBy(() -> stored.storedAs(13)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> unsaved.storedAs(ImMessage.UNSAVED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImMessage(-1, 7, LYNX, MessageType.MESSAGE, "hi", POSTED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_reply_keeps_the_message_it_answers_through_edits_and_deletion() {
        PostDraft reply = new PostDraft(OCELOT, MessageType.MESSAGE, "indeed", List.of(), Optional.of(5L));

        ImMessage stored = ImMessage.unsaved(7, reply, POSTED).storedAs(6);

        assertThat(stored.replyToId()).contains(5L);
        assertThat(stored.editedBy(OCELOT, "indeed!", POSTED, DAY).replyToId()).contains(5L);
        assertThat(stored.deletedBy(OCELOT, POSTED, DAY).replyToId()).contains(5L);
        assertThat(ImMessage.unsaved(7, PostDraft.plain(LYNX, MessageType.MESSAGE, "hi"), POSTED).replyToId())
                .isEmpty();
    }

    @Test
    void a_draft_replies_to_a_positive_message_id() {
        for (long bad : new long[]{0, -3}) {
            assertThatThrownBy(() -> new PostDraft(LYNX, MessageType.MESSAGE, "x", List.of(), Optional.of(bad)))
                    .isInstanceOfSatisfying(InvalidInput.class, p -> assertThat(p.field()).isEqualTo("replyToId"));
        }
    }

    @Test
    void an_edit_mentions_whom_its_new_text_calls_and_a_tombstone_nobody() {
        UserId pangolin = UserId.of(9);
        ImMessage posted = ImMessage.unsaved(7, PostDraft.plain(LYNX, MessageType.MESSAGE, "@pangolin @ocelot"),
                List.of(pangolin, OCELOT, OCELOT), POSTED).storedAs(6);

        ImMessage edited = posted.editedBy(LYNX, "@pangolin only", List.of(pangolin), POSTED, DAY);

        assertThat(posted.mentions()).as("distinct, in id order").containsExactly(OCELOT, pangolin);
        assertThat(edited.mentions()).containsExactly(pangolin);
        assertThat(edited.deletedBy(LYNX, POSTED, DAY).mentions()).isEmpty();
        assertThatThrownBy(() -> new ImMessage(5, 7, LYNX, MessageType.MESSAGE, "", POSTED, Optional.empty(),
                Optional.of(POSTED), Optional.empty(), List.of(OCELOT))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void it_deconstructs_into_its_components_in_order() {
        ImMessage edited = message.editedBy(LYNX, "hello again", POSTED.plusSeconds(5), DAY);

        List<Object> components = edited.deconstruct((id, sessionId, from, type, content, createDate, editDate,
                deleteDate, replyToId, mentions) -> List.of(id, sessionId, from, type, content, createDate, editDate,
                deleteDate, replyToId, mentions));

        assertThat(components).containsExactly(5L, 7L, LYNX, new MessageType("message"), "hello again", POSTED,
                Optional.of(POSTED.plusSeconds(5)), Optional.empty(), Optional.empty(), List.of());
    }

    /** A component added to the record must be added to its deconstruction, which then fails where it is read. */
    @Test
    void its_deconstruction_takes_every_component_by_name_and_type_in_order() {
        List<String> components = Arrays.stream(ImMessage.class.getRecordComponents())
                .map(component -> component.getGenericType().getTypeName() + " " + component.getName()).toList();

        List<Method> methods = Arrays.stream(ImMessage.Components.class.getDeclaredMethods())
                .filter(method -> !method.isDefault()).toList();
        assertThat(methods).as("the methods of ImMessage.Components").hasSize(1);
        Parameter[] parameters = methods.get(0).getParameters();
        assertThat(parameters).as("parameter names kept (javac -parameters)").allMatch(Parameter::isNamePresent);
        assertThat(Arrays.stream(parameters)
                .map(parameter -> parameter.getParameterizedType().getTypeName() + " " + parameter.getName()))
                .containsExactlyElementsOf(components);
    }

    @Test
    void an_emoji_is_short_printable_text() {
        assertThat(new Emoji("👍").value()).isEqualTo("👍");
        assertThat(new Emoji("👩‍👩‍👧‍👦").value()).isEqualTo("👩‍👩‍👧‍👦");
        assertThat(new Emoji("❤️").value()).isEqualTo("❤️");
        assertThat(new Emoji(":+1:").value()).isEqualTo(":+1:");
        for (String bad : new String[]{"", " ", "a b", "x\u0000", "\n", "\u0007", "x".repeat(17), "\uD83D"}) {
            assertThatThrownBy(() -> new Emoji(bad)).as(bad).isInstanceOfSatisfying(InvalidInput.class,
                    e -> assertThat(e.field()).isEqualTo("emoji"));
        }
        assertThatThrownBy(() -> new Emoji(null)).isInstanceOf(InvalidInput.class);
    }
}
