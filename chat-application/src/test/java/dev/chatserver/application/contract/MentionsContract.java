package dev.chatserver.application.contract;

import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.port.in.im.DeleteMessageCommand;
import dev.chatserver.application.port.in.im.EditMessageCommand;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.ListGroupSessionsCommand;
import dev.chatserver.application.port.in.im.ListSessionsCommand;
import dev.chatserver.application.port.in.im.MarkReadCommand;
import dev.chatserver.application.port.in.im.OpenGroupSessionCommand;
import dev.chatserver.application.port.in.im.SearchCommand;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.event.MessageEdited;
import dev.chatserver.application.port.out.notification.event.MessagePosted;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.User;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mentions on each storage: {@code @login} in a message's text mentions that member of its session, kept with the
 * message and shown in the answer, the live notification, history and search; an edit decides them again and a
 * deletion forgets them; nobody outside the session is mentioned or told. A listing counts each member's unread
 * mentions ({@code mention_count}), which their read pointer clears.
 */
public abstract class MentionsContract extends ImContract {
    @Override
    protected ImPolicy policy() {
        return ImPolicy.defaults();
    }

    private SessionView privateListed(User caller, SessionView session) {
        return im.listSessions.privateSessions(ListSessionsCommand.all(caller)).stream()
                .filter(s -> s.uuid().equals(session.uuid())).findFirst().orElseThrow();
    }

    private MessageView inHistory(User reader, SessionView session, long id) {
        return im.history.history(HistoryCommand.newest(reader, session.uuid())).stream()
                .filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    @Test
    void a_member_called_by_login_is_mentioned_in_the_answer_the_notification_history_and_search() {
        SessionView session = im.openPrivate(lynx, ocelot);
        im.bus.clear();

        MessageView said = im.post(lynx, session, "@ocelot, zebras at noon? ask @pangolin or mail lynx@zoo.org");

        assertThat(said.mentions()).as("pangolin is no member").containsExactly(ocelot.id());
        assertThat(im.bus.ofKind(MessagePosted.class)).extracting(p -> ((MessagePosted) p.event()).message().mentions())
                .containsOnly(List.of(ocelot.id()));
        assertThat(im.bus.published()).as("the outsider is told nothing")
                .noneMatch(p -> p.channel().equals(Channel.ofUser(pangolin.id())));
        assertThat(inHistory(ocelot, session, said.id()).mentions()).containsExactly(ocelot.id());
        assertThat(im.search.search(SearchCommand.everywhere(ocelot, "zebras"))).singleElement()
                .satisfies(hit -> assertThat(hit.message().mentions()).containsExactly(ocelot.id()));
        assertThat(ports().imMessages().byIds(List.of(said.id())).get(0).mentions()).containsExactly(ocelot.id());
    }

    @Test
    void an_edit_decides_the_mentions_again_and_a_deletion_forgets_them() {
        SessionView session = zooOfThree();
        MessageView said = im.post(lynx, session, "@ocelot look");
        im.bus.clear();

        im.changeMessage.edit(new EditMessageCommand(lynx, said.id(), "@pangolin look, and @lynx too"));

        assertThat(inHistory(ocelot, session, said.id()).mentions()).containsExactly(pangolin.id());
        assertThat(im.bus.ofKind(MessageEdited.class)).extracting(p -> ((MessageEdited) p.event()).mentions())
                .containsOnly(List.of(pangolin.id()));
        assertThat(groupListed(ocelot).mentionCount()).isEqualTo(OptionalLong.of(0));
        assertThat(groupListed(pangolin).mentionCount()).isEqualTo(OptionalLong.of(1));

        im.changeMessage.delete(new DeleteMessageCommand(lynx, said.id()));

        assertThat(inHistory(pangolin, session, said.id()).mentions()).isEmpty();
        assertThat(groupListed(pangolin).mentionCount()).isEqualTo(OptionalLong.of(0));
    }

    /** The group session of lynx, ocelot and pangolin. */
    private SessionView zooOfThree() {
        AccountRegistry registry = ports().accounts();
        Group zoo = registry.createGroup("Zoo");
        List.of(lynx, ocelot, pangolin).forEach(u -> registry.addMember(zoo.id(), u.id()));
        return im.openSession.openGroup(OpenGroupSessionCommand.of(lynx, zoo.id()));
    }

    private SessionView groupListed(User caller) {
        return im.listSessions.groupSessions(ListGroupSessionsCommand.all(caller)).stream().findFirst().orElseThrow();
    }

    @Test
    void a_listing_counts_the_unread_messages_that_mention_the_caller_until_their_pointer_passes_them() {
        SessionView session = im.openPrivate(lynx, ocelot);
        MessageView first = im.post(lynx, session, "@ocelot one");
        im.post(lynx, session, "no mention");
        MessageView third = im.post(lynx, session, "@ocelot @ocelot three");

        assertThat(privateListed(ocelot, session).mentionCount()).isEqualTo(OptionalLong.of(2));
        assertThat(privateListed(ocelot, session).unreadCount()).isEqualTo(OptionalLong.of(3));
        assertThat(privateListed(lynx, session).mentionCount()).isEqualTo(OptionalLong.of(0));

        im.reads.markRead(new MarkReadCommand(ocelot, session.uuid(), first.id()));
        assertThat(privateListed(ocelot, session).mentionCount()).isEqualTo(OptionalLong.of(1));

        im.reads.markRead(new MarkReadCommand(ocelot, session.uuid(), third.id()));
        assertThat(privateListed(ocelot, session).mentionCount()).isEqualTo(OptionalLong.of(0));

        im.post(ocelot, session, "@lynx back");
        assertThat(privateListed(lynx, session).mentionCount()).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void mentions_posted_at_once_by_several_members_are_each_kept_and_counted() {
        SessionView session = zooOfThree();

        List<CompletableFuture<MessageView>> posts = IntStream.range(0, 20).mapToObj(i -> im.messages.postAsync(
                new dev.chatserver.application.port.in.im.PostMessageCommand(i % 2 == 0 ? lynx : ocelot,
                        session.uuid(), dev.chatserver.domain.im.MessageType.MESSAGE, "@pangolin #" + i))).toList();
        posts.forEach(CompletableFuture::join);

        assertThat(posts).allSatisfy(p -> assertThat(p.join().mentions()).containsExactly(pangolin.id()));
        assertThat(groupListed(pangolin).mentionCount()).isEqualTo(OptionalLong.of(20));
        assertThat(groupListed(lynx).mentionCount()).isEqualTo(OptionalLong.of(0));
    }
}
