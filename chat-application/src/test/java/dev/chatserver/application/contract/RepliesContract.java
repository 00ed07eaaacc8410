package dev.chatserver.application.contract;

import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.port.in.im.DeleteMessageCommand;
import dev.chatserver.application.port.in.im.EditMessageCommand;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.in.im.SearchCommand;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.QuotedMessage;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.PostDraft;
import dev.chatserver.domain.problem.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replies on each storage: a post answers a message of its own session, kept with it and quoted as the original
 * is now (its text cut to 200 characters, gone once deleted) in the answer, the live notification, history and
 * search; a reply to any other message is refused naming {@code replyToId}, and stores nothing.
 */
public abstract class RepliesContract extends ImContract {
    @Override
    protected ImPolicy policy() {
        return new ImPolicy(ImPolicy.STANDARD_TYPES, 4096, 20, 50);
    }

    private MessageView reply(User caller, SessionView session, long to, String text) {
        return im.messages.post(new PostMessageCommand(caller, session.uuid(),
                new PostDraft(caller.id(), MessageType.MESSAGE, text, List.of(), Optional.of(to)), null));
    }

    private MessageView inHistory(User reader, SessionView session, long id) {
        return im.history.history(HistoryCommand.newest(reader, session.uuid())).stream()
                .filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    @Test
    void a_reply_quotes_the_start_of_the_original_in_its_answer_the_notification_history_and_search() {
        SessionView session = im.openPrivate(lynx, ocelot);
        String long_ = "Shall we meet at the zoo? " + "🦊".repeat(300);
        MessageView original = im.post(lynx, session, long_);
        im.bus.clear();

        MessageView answer = reply(ocelot, session, original.id(), "Gladly, zebras included");

        QuotedMessage expected = new QuotedMessage(original.id(), lynx.id(),
                long_.substring(0, long_.offsetByCodePoints(0, 200)), false);
        assertThat(answer.replyTo()).contains(expected);
        assertThat(im.bus.ofKind(MessagePosted.class)).filteredOn(p -> p.channel().equals(Channel.ofUser(lynx.id())))
                .singleElement().satisfies(told ->
                        assertThat(((MessagePosted) told.event()).message().replyTo()).contains(expected));
        assertThat(inHistory(lynx, session, answer.id()).replyTo()).contains(expected);
        assertThat(inHistory(lynx, session, original.id()).replyTo()).isEmpty();
        assertThat(im.search.search(SearchCommand.everywhere(lynx, "zebras")))
                .singleElement().satisfies(hit -> assertThat(hit.message().replyTo()).contains(expected));
        assertThat(ports().imMessages().byIds(List.of(answer.id())).get(0).replyToId()).contains(original.id());
    }

    @Test
    void the_quote_follows_the_original_edited_and_then_deleted() {
        SessionView session = im.openPrivate(lynx, ocelot);
        MessageView original = im.post(lynx, session, "meet at nine");
        MessageView answer = reply(ocelot, session, original.id(), "fine");

        im.changeMessage.edit(new EditMessageCommand(lynx, original.id(), "meet at ten"));
        assertThat(inHistory(ocelot, session, answer.id()).replyTo()).map(QuotedMessage::message)
                .contains("meet at ten");

        im.changeMessage.delete(new DeleteMessageCommand(lynx, original.id()));
        assertThat(inHistory(ocelot, session, answer.id()).replyTo())
                .contains(new QuotedMessage(original.id(), lynx.id(), "", true));
    }

    @Test
    void a_reply_to_a_message_of_another_session_or_to_none_is_refused_naming_the_field() {
        SessionView ours = im.openPrivate(lynx, ocelot);
        SessionView theirs = im.openPrivate(ocelot, pangolin);
        MessageView elsewhere = im.post(pangolin, theirs, "a secret between ocelot and pangolin");
        im.post(lynx, ours, "hello");

        for (long to : new long[]{elsewhere.id(), elsewhere.id() + 1000}) {
            assertThatThrownBy(() -> reply(lynx, ours, to, "what secret?")).as("reply to %d", to)
                    .isInstanceOfSatisfying(InvalidInput.class, p -> assertThat(p.field()).isEqualTo("replyToId"));
        }
        assertThat(ports().transactions().inTransaction(() -> ports().imMessages().history(
                im.history.history(HistoryCommand.newest(lynx, ours.uuid())).get(0).sessionId(),
                OptionalLong.empty(), 10))).as("nothing stored").hasSize(1);
    }

    @Test
    void a_retried_reply_answers_the_first_one_with_its_quote_and_stores_nothing_new() {
        SessionView session = im.openPrivate(lynx, ocelot);
        MessageView original = im.post(lynx, session, "question");
        PostMessageCommand retried = new PostMessageCommand(ocelot, session.uuid(),
                new PostDraft(ocelot.id(), MessageType.MESSAGE, "answer", List.of(), Optional.of(original.id())), "key-1");

        MessageView first = im.messages.post(retried);
        MessageView again = im.messages.post(retried);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.replyTo()).isEqualTo(first.replyTo())
                .contains(new QuotedMessage(original.id(), lynx.id(), "question", false));
        assertThat(im.history.history(HistoryCommand.newest(lynx, session.uuid()))).hasSize(2);
    }

    @Test
    void replies_and_plain_posts_in_one_batch_are_decided_each_alone() {
        SessionView ours = im.openPrivate(lynx, ocelot);
        SessionView theirs = im.openPrivate(ocelot, pangolin);
        MessageView original = im.post(lynx, ours, "question");
        MessageView elsewhere = im.post(pangolin, theirs, "other");

        var good = im.messages.postAsync(new PostMessageCommand(ocelot, ours.uuid(),
                new PostDraft(ocelot.id(), MessageType.MESSAGE, "answer", List.of(), Optional.of(original.id())), null));
        var bad = im.messages.postAsync(new PostMessageCommand(lynx, ours.uuid(),
                new PostDraft(lynx.id(), MessageType.MESSAGE, "stray", List.of(), Optional.of(elsewhere.id())), null));
        var plain = im.messages.postAsync(new PostMessageCommand(ocelot, theirs.uuid(), MessageType.MESSAGE, "x"));

        assertThat(good.join().replyTo()).map(QuotedMessage::id).contains(original.id());
        assertThat(plain.join().replyTo()).isEmpty();
        assertThat(bad).failsWithin(java.time.Duration.ofSeconds(10)).withThrowableOfType(Exception.class)
                .satisfies(e -> assertThat(e.getCause()).isInstanceOf(InvalidInput.class));
    }
}
