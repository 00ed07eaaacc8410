package dev.chatserver.application.contract;

import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.port.in.im.DeleteMessageCommand;
import dev.chatserver.application.port.in.im.EditMessageCommand;
import dev.chatserver.application.port.in.im.OpenGroupSessionCommand;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.in.im.SearchCommand;
import dev.chatserver.application.port.in.view.SearchHit;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.domain.problem.NotFound;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Searching one's messages on each storage: whole words, any case, every word of the query; only in the sessions
 * the searcher is in; newest first and paged like history.
 */
public abstract class MessageSearchContract extends ImContract {
    @Override
    protected ImPolicy policy() {
        return new ImPolicy(ImPolicy.STANDARD_TYPES, 1024, 3, 5);
    }


    private List<SearchHit> search(User caller, String query) {
        return im.search.search(SearchCommand.everywhere(caller, query));
    }

    private static List<Long> ids(List<SearchHit> hits) {
        return hits.stream().map(h -> h.message().id()).toList();
    }

    @Test
    void finds_the_messages_holding_every_word_in_any_case_newest_first_as_history_shows_them() {
        SessionView session = im.openPrivate(lynx, ocelot);
        MessageView first = im.post(lynx, session, "The Quick brown fox");
        im.post(ocelot, session, "a quick reply");
        MessageView third = im.post(ocelot, session, "Brown and QUICK, of course!");
        im.post(lynx, session, "quickly browning");

        List<SearchHit> hits = search(lynx, "quick BROWN");

        assertThat(ids(hits)).containsExactly(third.id(), first.id());
        MessageView found = hits.get(0).message();
        assertThat(found).isEqualTo(third);
        assertThat(found.sessionUuid()).isEqualTo(session.uuid());
        assertThat(found.fromId()).isEqualTo(ocelot.id());
        assertThat(found.fromName()).isEqualTo("Oneiric Ocelot");
        assertThat(hits.get(0).groupSession()).isFalse();
        assertThat(ids(search(lynx, "  fox!! "))).containsExactly(first.id());
        assertThat(search(lynx, "wolf")).isEmpty();
        assertThat(search(lynx, "fox wolf")).isEmpty();
    }

    @Test
    void searches_only_the_sessions_the_caller_is_in() {
        SessionView mine = im.openPrivate(lynx, ocelot);
        SessionView theirs = im.openPrivate(ocelot, pangolin);
        MessageView said = im.post(lynx, mine, "secret plans");
        im.post(ocelot, theirs, "secret plans of others");

        assertThat(ids(search(lynx, "secret"))).containsExactly(said.id());
        assertThat(search(ocelot, "secret")).hasSize(2);
        assertThat(ids(search(pangolin, "secret plans"))).hasSize(1).doesNotContain(said.id());
        assertThatThrownBy(() -> im.search.search(SearchCommand.of(lynx, "secret", Optional.of(theirs.uuid()), OptionalLong.empty(), OptionalInt.empty())))
                .isInstanceOfSatisfying(NotFound.class, p -> assertThat(p.field()).isEqualTo("session"));
        assertThatThrownBy(() -> im.search.search(SearchCommand.of(lynx, "secret", Optional.of(UUID.randomUUID()), OptionalLong.empty(), OptionalInt.empty())))
                .isInstanceOfSatisfying(NotFound.class, p -> assertThat(p.field()).isEqualTo("session"));
    }

    @Test
    void a_uuid_searches_that_session_alone_and_group_sessions_say_so() {
        AccountRegistry registry = ports().accounts();
        Group news = registry.createGroup("News");
        registry.addMember(news.id(), lynx.id());
        registry.addMember(news.id(), ocelot.id());
        SessionView group = im.openSession.openGroup(OpenGroupSessionCommand.of(lynx, news.id()));
        SessionView pair = im.openPrivate(lynx, ocelot);
        MessageView inGroup = im.post(ocelot, group, "release tonight");
        MessageView inPair = im.post(ocelot, pair, "release tomorrow");

        List<SearchHit> all = search(lynx, "release");
        assertThat(ids(all)).containsExactly(inPair.id(), inGroup.id());
        assertThat(all).extracting(SearchHit::groupSession).containsExactly(false, true);
        assertThat(ids(im.search.search(SearchCommand.of(lynx, "release", Optional.of(group.uuid()), OptionalLong.empty(), OptionalInt.empty()))))
                .containsExactly(inGroup.id());
    }

    @Test
    void last_id_pages_back_and_limit_bounds_a_page() {
        SessionView session = im.openPrivate(lynx, ocelot);
        SessionView other = im.openPrivate(lynx, pangolin);
        List<Long> posted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            posted.add(im.post(lynx, i % 2 == 0 ? session : other, "status report " + i).id());
            im.post(ocelot, session, "nothing to see");
        }
        List<Long> newestFirst = new ArrayList<>(posted);
        java.util.Collections.reverse(newestFirst);

        List<SearchHit> page = im.search.search(SearchCommand.of(lynx, "report", Optional.empty(), OptionalLong.empty(), OptionalInt.of(3)));
        assertThat(ids(page)).containsExactlyElementsOf(newestFirst.subList(0, 3));
        List<SearchHit> next = im.search.search(SearchCommand.of(lynx, "report", Optional.empty(), OptionalLong.of(page.get(2).message().id()), OptionalInt.of(3)));
        assertThat(ids(next)).containsExactlyElementsOf(newestFirst.subList(3, 6));
        assertThat(ids(im.search.search(SearchCommand.of(lynx, "report", Optional.empty(), OptionalLong.of(next.get(2).message().id()), OptionalInt.of(3)))))
                .containsExactly(newestFirst.get(6));
        // the policy's cap is 5 (see setUp), the default 3
        assertThat(im.search.search(SearchCommand.of(lynx, "report", Optional.empty(), OptionalLong.empty(), OptionalInt.of(100)))).hasSize(5);
        assertThat(search(lynx, "report")).hasSize(3);
    }

    @Test
    void every_message_of_a_batch_the_writer_commits_at_once_is_found() {
        SessionView session = im.openPrivate(lynx, ocelot);
        List<CompletableFuture<MessageView>> posts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            posts.add(im.messages.postAsync(new PostMessageCommand(i % 2 == 0 ? lynx : ocelot, session.uuid(), MessageType.MESSAGE, "batch word" + (i % 4) + " common")));
        }
        List<Long> stored = posts.stream().map(CompletableFuture::join).map(MessageView::id).toList();

        List<SearchHit> hits = im.search.search(SearchCommand.of(ocelot, "common word2", Optional.empty(), OptionalLong.empty(), OptionalInt.of(200)));

        assertThat(hits).hasSize(5); // the cap
        assertThat(hits).allSatisfy(h -> assertThat(h.message().message()).contains("word2"));
        List<Long> expected = new ArrayList<>();
        for (int i = 39; i >= 0 && expected.size() < 5; i--) {
            if (i % 4 == 2) {
                expected.add(stored.get(i));
            }
        }
        assertThat(ids(hits)).containsExactlyElementsOf(expected);
    }

    @Test
    void words_of_other_scripts_and_digits_are_words_too() {
        SessionView session = im.openPrivate(lynx, ocelot);
        MessageView german = im.post(lynx, session, "Größe zählt nicht, Ärger 2026");
        MessageView greek = im.post(ocelot, session, "καλημέρα κόσμε");

        assertThat(ids(search(lynx, "ärger"))).containsExactly(german.id());
        assertThat(ids(search(lynx, "2026"))).containsExactly(german.id());
        assertThat(ids(search(ocelot, "καλημέρα"))).containsExactly(greek.id());
    }

    @Test
    void an_edited_message_is_found_by_its_new_words_only_and_a_deleted_one_by_none() {
        SessionView session = im.openPrivate(lynx, ocelot);
        MessageView apples = im.post(lynx, session, "apples and pears");
        MessageView plums = im.post(lynx, session, "plums and pears");

        im.changeMessage.edit(new EditMessageCommand(lynx, apples.id(), "cherries and pears"));
        im.changeMessage.delete(new DeleteMessageCommand(lynx, plums.id()));

        assertThat(search(ocelot, "apples")).isEmpty();
        assertThat(search(ocelot, "plums")).isEmpty();
        assertThat(ids(search(ocelot, "cherries pears"))).containsExactly(apples.id());
        assertThat(ids(search(ocelot, "and"))).containsExactly(apples.id());
        assertThat(search(ocelot, "cherries").get(0).message().editDate()).as("shown edited, as history shows it")
                .isPresent();
    }
}
