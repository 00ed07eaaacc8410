package dev.chatserver.domain.im;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.Refused;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
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
                Optional.empty(), Optional.of(POSTED))).isInstanceOf(IllegalArgumentException.class);
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
