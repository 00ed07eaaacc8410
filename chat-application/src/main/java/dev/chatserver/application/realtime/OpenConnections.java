package dev.chatserver.application.realtime;

import dev.chatserver.application.port.in.realtime.ConnectionLimits;
import dev.chatserver.domain.problem.Refused;
import dev.chatserver.domain.problem.Unauthenticated;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * This node's open connections (live feeds and held polls), by holder and by sign-in token: what the per-client
 * bounds count, and what a token's end closes. Guarded by its own monitor, which is never held while taking the
 * {@link ChannelRegistry}'s.
 * <p>
 * Tokens signed out on this node are remembered until two sweeps of lapsed sessions have passed, so that a
 * connection authenticated just before the sign-out but opened just after it is refused rather than left open
 * until the next sweep.
 */
@Singleton
public final class OpenConnections {
    private final ConnectionLimits limits;
    private final Map<String, Set<Subscriber>> byHolder = new HashMap<>();
    private final Map<String, Set<Subscriber>> byToken = new HashMap<>();
    private Set<String> endedSinceLastSweep = new HashSet<>();
    private Set<String> endedBeforeLastSweep = new HashSet<>();
    private int feedsOpen;
    private int pollsHeld;

    @Inject
    public OpenConnections(ConnectionLimits limits) {
        this.limits = limits;
    }

    /** Counts a new live feed; {@code Refused} when its holder already has as many as the bound allows. */
    synchronized void openFeed(Subscriber feed) {
        refuseEnded(feed);
        if (countOf(feed.listener.holder(), false) >= limits.socketsPerUser()) {
            throw new Refused("too_many_sockets", "at most " + limits.socketsPerUser()
                    + " WebSockets per user on one server: close another first");
        }
        add(feed);
    }

    /** Counts a poll about to be held; {@code Refused} when its holder already has as many held as allowed. */
    synchronized void holdPoll(Subscriber poll) {
        refuseEnded(poll);
        if (countOf(poll.listener.holder(), true) >= limits.heldPollsPerUser()) {
            throw new Refused("too_many_polls", "at most " + limits.heldPollsPerUser()
                    + " long-polls of one user may be held at once: poll from one place");
        }
        add(poll);
    }

    synchronized void remove(Subscriber subscriber) {
        if (removeFrom(byHolder, subscriber.listener.holder(), subscriber)) {
            if (subscriber.heldPoll) {
                pollsHeld--;
            } else {
                feedsOpen--;
            }
        }
        subscriber.listener.tokenHash().ifPresent(hash -> removeFrom(byToken, hash, subscriber));
    }

    /** The token was signed out on this node: it opens nothing more here. */
    synchronized void ended(String tokenHash) {
        endedSinceLastSweep.add(tokenHash);
    }

    /** A sweep of lapsed sessions ran: it found whatever opened before it, so older sign-outs need no memory. */
    synchronized void swept() {
        endedBeforeLastSweep = endedSinceLastSweep;
        endedSinceLastSweep = new HashSet<>();
    }

    synchronized Set<Subscriber> ofToken(String tokenHash) {
        return Set.copyOf(byToken.getOrDefault(tokenHash, Set.of()));
    }

    /** The hashes of the sign-in tokens some open connection listens with. */
    synchronized Set<String> tokenHashes() {
        return Set.copyOf(byToken.keySet());
    }

    /** How many live feeds (WebSockets) this holder ({@code Listener.holder()}) has open now. */
    public synchronized int openFeedsOf(String holder) {
        return countOf(holder, false);
    }

    /** How many long-polls of this holder ({@code Listener.holder()}) are held now. */
    public synchronized int heldPollsOf(String holder) {
        return countOf(holder, true);
    }

    /** How many live feeds (WebSockets) are open on this node now. */
    public synchronized int feedsOpen() {
        return feedsOpen;
    }

    /** How many long-polls are held on this node now. */
    public synchronized int pollsHeld() {
        return pollsHeld;
    }

    private int countOf(String holder, boolean heldPolls) {
        return (int) byHolder.getOrDefault(holder, Set.of()).stream()
                .filter(subscriber -> subscriber.heldPoll == heldPolls).count();
    }

    private void refuseEnded(Subscriber subscriber) {
        subscriber.listener.tokenHash()
                .filter(hash -> endedSinceLastSweep.contains(hash) || endedBeforeLastSweep.contains(hash))
                .ifPresent(hash -> {
                    throw new Unauthenticated(EndConnectionsService.SESSION_ENDED);
                });
    }

    private void add(Subscriber subscriber) {
        if (byHolder.computeIfAbsent(subscriber.listener.holder(), h -> new LinkedHashSet<>()).add(subscriber)) {
            if (subscriber.heldPoll) {
                pollsHeld++;
            } else {
                feedsOpen++;
            }
        }
        subscriber.listener.tokenHash()
                .ifPresent(hash -> byToken.computeIfAbsent(hash, h -> new LinkedHashSet<>()).add(subscriber));
    }

    private static boolean removeFrom(Map<String, Set<Subscriber>> index, String key, Subscriber subscriber) {
        Set<Subscriber> subscribers = index.get(key);
        if (subscribers == null || !subscribers.remove(subscriber)) {
            return false;
        }
        if (subscribers.isEmpty()) {
            index.remove(key);
        }
        return true;
    }
}
