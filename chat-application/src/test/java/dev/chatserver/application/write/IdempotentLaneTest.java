package dev.chatserver.application.write;

import dev.chatserver.application.contract.MutableClock;
import dev.chatserver.application.port.out.IdempotencyKeys;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.problem.Refused;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The bookkeeping of client keys every lane shares: replays, repeats within a batch, order. */
class IdempotentLaneTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final KeptInMemory kept = new KeptInMemory();
    private final NoteLane lane = new NoteLane(new ClientKeys(kept, new Direct(), clock), clock);

    @Test
    void writes_without_keys_are_all_written_in_arrival_order_and_answered_in_that_order() {
        List<Answer<String>> answers = lane.write(List.of(note("a", null), note("b", null), note("c", null)));

        assertThat(lane.handed).containsExactly(List.of("a", "b", "c"));
        assertThat(answers).extracting(Answer::result).containsExactly("a#1", "b#2", "c#3");
        assertThat(answers).allSatisfy(answer -> assertThat(answer.stored()).isTrue());
        assertThat(kept.answers).isEmpty();
    }

    @Test
    void a_key_answered_in_an_earlier_batch_replays_that_answer_and_writes_nothing() {
        Answer<String> first = lane.write(List.of(note("hello", "k"))).get(0);

        List<Answer<String>> again = lane.write(List.of(note("other", null), note("hello again", "k")));

        assertThat(first.result()).isEqualTo("hello#1");
        assertThat(again.get(1).result()).isEqualTo("hello#1");
        assertThat(again.get(1).replayed()).isTrue();
        assertThat(again.get(1).stored()).isFalse();
        assertThat(again.get(0).result()).isEqualTo("other#2");
        assertThat(lane.handed).containsExactly(List.of("hello"), List.of("other"));
        assertThat(lane.replayed).containsExactly(List.of("hello again"));
    }

    @Test
    void two_writes_with_one_key_in_a_batch_are_answered_with_the_first() {
        List<Answer<String>> answers = lane.write(List.of(note("one", "k"), note("two", null), note("one again", "k")));

        assertThat(lane.handed).containsExactly(List.of("one", "two"));
        assertThat(answers).extracting(Answer::result).containsExactly("one#1", "two#2", "one#1");
        assertThat(answers).extracting(answer -> answer.replayed()).containsExactly(false, false, true);
        assertThat(kept.answers).containsOnlyKeys(new IdempotencyKeys.Key("notes", "k"))
                .containsValue("one#1");
    }

    @Test
    void a_repeat_of_a_refused_write_is_refused_alike_and_its_key_stays_free() {
        List<Answer<String>> answers = lane.write(List.of(note("refuse me", "k"), note("refuse me too", "k")));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.problem()).isInstanceOf(Refused.class));
        assertThat(answers.get(1).problem()).isSameAs(answers.get(0).problem());
        assertThat(kept.answers).isEmpty();
        assertThat(lane.write(List.of(note("now", "k"))).get(0).result()).isEqualTo("now#1");
    }

    @Test
    void a_key_answers_for_its_lifetime_then_is_free_again() {
        lane.write(List.of(note("first", "k")));
        clock.advance(ClientKeys.LIFETIME.minus(Duration.ofSeconds(1)));
        assertThat(lane.write(List.of(note("retry", "k"))).get(0).result()).isEqualTo("first#1");

        clock.advance(Duration.ofSeconds(1));
        Answer<String> later = lane.write(List.of(note("tomorrow", "k"))).get(0);

        assertThat(later.result()).isEqualTo("tomorrow#2");
        assertThat(later.stored()).isTrue();
    }

    @Test
    void keys_are_read_once_the_batch_is_opened() {
        lane.write(List.of(note("a", "k1"), note("b", "k2")));

        assertThat(kept.events).containsExactly("open", "find 2", "keep 2");
    }

    private static Note note(String text, String key) {
        return new Note(text, key);
    }

    private record Note(String text, String key) {
    }

    /** Writes notes numbered in the order written; refuses a note whose text starts with "refuse". */
    private final class NoteLane extends IdempotentLane<Note, String, String> {
        final List<List<String>> handed = new ArrayList<>();
        final List<List<String>> replayed = new ArrayList<>();
        private int written;

        NoteLane(ClientKeys clientKeys, MutableClock clock) {
            super(clientKeys, clock);
        }

        @Override
        protected String open(List<Note> notes) {
            kept.events.add("open");
            return "batch";
        }

        @Override
        protected IdempotencyKeys.Key keyOf(String batch, Note note) {
            return note.key() == null ? null : new IdempotencyKeys.Key("notes", note.key());
        }

        @Override
        protected List<Answer<String>> write(String batch, List<Note> fresh, Instant now) {
            handed.add(fresh.stream().map(Note::text).toList());
            return fresh.stream().map(note -> note.text().startsWith("refuse")
                    ? Answer.<String>refused(new Refused("refused", note.text()))
                    : Answer.done(note.text() + "#" + ++written)).toList();
        }

        @Override
        protected String keptAs(String result) {
            return result;
        }

        @Override
        protected List<String> replay(String batch, List<Note> notes, List<String> keptAnswers) {
            replayed.add(notes.stream().map(Note::text).toList());
            return keptAnswers;
        }

        @Override
        public long bytesOf(Note note) {
            return note.text().length();
        }
    }

    private static final class KeptInMemory implements IdempotencyKeys {
        final Map<Key, String> answers = new HashMap<>();
        final Map<Key, Instant> keptAt = new HashMap<>();
        final List<String> events = new ArrayList<>();

        @Override
        public List<Kept> find(Collection<Key> keys) {
            events.add("find " + keys.size());
            return keys.stream().filter(answers::containsKey)
                    .map(key -> new Kept(key, answers.get(key), keptAt.get(key))).toList();
        }

        @Override
        public void keep(Collection<Kept> kept) {
            events.add("keep " + kept.size());
            kept.forEach(k -> {
                answers.put(k.key(), k.answer());
                keptAt.put(k.key(), k.keptAt());
            });
        }

        @Override
        public void forget(Collection<Key> keys) {
            keys.forEach(key -> {
                answers.remove(key);
                keptAt.remove(key);
            });
        }

        @Override
        public int removeUpTo(Instant cutoff) {
            return 0;
        }
    }

    private static final class Direct implements Transactions {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public void afterCommit(Runnable action) {
            action.run();
        }
    }
}
