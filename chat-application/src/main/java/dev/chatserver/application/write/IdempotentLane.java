package dev.chatserver.application.write;

import dev.chatserver.application.port.out.IdempotencyKeys.Key;
import dev.chatserver.application.port.out.IdempotencyKeys.Kept;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A lane whose writes may carry a client key, the bookkeeping of those keys written once for every kind of write:
 * a write under a key that answered a write within {@link ClientKeys#LIFETIME} is answered with what that write
 * stored ({@link #replay}) and stores nothing; a second write under the same key in one batch is answered as the
 * first one is; every other write is handed on, in arrival order, to {@link #write(Object, List, Instant)}, which
 * reads as decide, store, notify. The first answer of each key is kept in the same unit of work.
 *
 * <p>A batch runs in four steps: {@link #open} reads and locks what its writes are decided on; the keys are read
 * then, so that one committed meanwhile on another node is seen; the fresh writes are written; the keys they
 * answered are kept and the replays read, once for all of them.
 *
 * @param <C> the command
 * @param <R> what a write answers
 * @param <B> what a batch is decided on, as {@link #open} read it
 */
public abstract class IdempotentLane<C, R, B> implements WriteLane<C, R> {
    private final ClientKeys clientKeys;
    private final Clock clock;

    protected IdempotentLane(ClientKeys clientKeys, Clock clock) {
        this.clientKeys = clientKeys;
        this.clock = clock;
    }

    /** Reads, under lock, what the batch's writes are decided on. */
    protected abstract B open(List<C> commands);

    /**
     * The key of {@code command}, or null without one. A write refused before its key counts (it names nothing
     * known to the batch) has none, so that it is refused rather than replayed.
     */
    protected abstract Key keyOf(B batch, C command);

    /** Decides, stores and announces these writes (none a replay), answering each in the order given. */
    protected abstract List<Answer<R>> write(B batch, List<C> fresh, Instant now);

    /** What a key keeps of the result it first answered (the id of what was stored). */
    protected abstract String keptAs(R result);

    /** The results {@code kept} name, answered again to {@code commands} (one each, in order), read once. */
    protected abstract List<R> replay(B batch, List<C> commands, List<String> kept);

    @Override
    public final List<Answer<R>> write(List<C> commands) {
        B batch = open(commands);
        // read once the locks are held, so that a later write never gets an earlier reading
        Instant now = clock.instant();
        List<Key> keys = commands.stream().map(command -> keyOf(batch, command)).toList();
        Map<Key, String> answeredBefore = clientKeys.answered(
                keys.stream().filter(Objects::nonNull).distinct().toList(), now);

        Map<Key, Integer> firstInBatch = new LinkedHashMap<>();
        Map<Integer, Integer> repeats = new HashMap<>();
        List<Integer> replays = new ArrayList<>();
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            Key key = keys.get(i);
            if (key != null && answeredBefore.containsKey(key)) {
                replays.add(i);
            } else if (key != null && firstInBatch.containsKey(key)) {
                repeats.put(i, firstInBatch.get(key));
            } else {
                if (key != null) {
                    firstInBatch.put(key, i);
                }
                fresh.add(i);
            }
        }

        @SuppressWarnings("unchecked")
        Answer<R>[] answers = new Answer[commands.size()];
        if (!fresh.isEmpty()) {
            List<Answer<R>> written = write(batch, fresh.stream().map(commands::get).toList(), now);
            if (written.size() != fresh.size()) {
                throw new IllegalStateException("a lane answered " + written.size() + " of " + fresh.size() + " writes");
            }
            for (int k = 0; k < fresh.size(); k++) {
                answers[fresh.get(k)] = written.get(k);
            }
        }
        List<Kept> kept = new ArrayList<>();
        firstInBatch.forEach((key, first) -> {
            if (answers[first].stored()) {
                kept.add(new Kept(key, keptAs(answers[first].result()), now));
            }
        });
        clientKeys.keep(kept);
        // a repeat of a refused write is refused alike: it names the same place, decided on the same state
        repeats.forEach((repeat, first) -> answers[repeat] = answers[first].problem() == null
                ? Answer.replayed(answers[first].result()) : answers[first]);
        if (!replays.isEmpty()) {
            List<R> earlier = replay(batch, replays.stream().map(commands::get).toList(),
                    replays.stream().map(i -> answeredBefore.get(keys.get(i))).toList());
            for (int k = 0; k < replays.size(); k++) {
                answers[replays.get(k)] = Answer.replayed(earlier.get(k));
            }
        }
        return Arrays.asList(answers);
    }
}
