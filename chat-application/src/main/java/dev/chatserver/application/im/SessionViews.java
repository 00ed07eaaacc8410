package dev.chatserver.application.im;

import dev.chatserver.domain.im.GroupRef;
import dev.chatserver.application.port.in.view.MessageSummary;
import dev.chatserver.application.port.in.view.SessionMember;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.in.presence.ReadPresence;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.Membership;
import dev.chatserver.domain.presence.ImStatus;
import dev.chatserver.application.port.in.view.GroupView;
import dev.chatserver.application.port.out.GroupConversations;
import dev.chatserver.domain.im.GroupSettings;
import jakarta.inject.Inject;
import dev.chatserver.application.port.out.MailPreferences;
import dev.chatserver.domain.notify.SessionMute;
import java.time.Clock;
import java.time.Instant;


import java.util.Comparator;
import java.util.OptionalLong;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns stored sessions into what members see. However many sessions, it reads the users, the groups and the
 * last messages once each and asks presence once.
 */
public final class SessionViews {
    private final UserDirectory directory;
    private final ImMessages messages;
    private final ReadPresence presence;
    private final GroupConversations conversations;

    private final MailPreferences preferences;
    private final Clock clock;

    @Inject
    public SessionViews(UserDirectory directory, ImMessages messages, ReadPresence presence,
                        GroupConversations conversations, MailPreferences preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
        this.directory = directory;
        this.messages = messages;
        this.presence = presence;
        this.conversations = conversations;
    }

    /**
     * Each session as {@code viewer} sees it, in the order given, with the viewer's unread count and unread
     * mentions (none in a session the viewer muted): one read more for all of them, and one for the mutes when
     * anything mentions them. This is where a session's mention count is decided.
     */
    public List<SessionView> asSeenBy(UserId viewer, List<ImSession> sessions) {
        if (sessions.isEmpty()) {
            return List.of();
        }
        Context context = load(sessions);
        List<ImMessages.UnreadCount> unread = messages.countUnreadWithMentions(
                sessions.stream().map(s -> s.unreadOf(viewer)).toList());
        Set<Long> muted = mutedAmong(viewer, unread);
        List<SessionView> views = new ArrayList<>(sessions.size());
        for (int i = 0; i < sessions.size(); i++) {
            long mentions = muted.contains(sessions.get(i).id()) ? 0 : unread.get(i).mentions();
            views.add(context.view(sessions.get(i), viewer).withUnreadCount(unread.get(i).messages(), mentions));
        }
        return views;
    }

    /** The sessions the viewer muted for now: read only when some session has unread mentions to silence. */
    private Set<Long> mutedAmong(UserId viewer, List<ImMessages.UnreadCount> unread) {
        if (unread.stream().allMatch(count -> count.mentions() == 0)) {
            return Set.of();
        }
        Instant now = clock.instant();
        return preferences.mutesOf(List.of(viewer)).stream().filter(mute -> mute.silencesAt(now))
                .map(SessionMute::sessionId).collect(Collectors.toSet());
    }

    public SessionView asSeenBy(UserId viewer, ImSession session) {
        return asSeenBy(viewer, List.of(session)).get(0);
    }

    /** The session as each of {@code viewers} sees it, loading what they share once. */
    public Map<UserId, SessionView> asSeenByEach(ImSession session, Collection<UserId> viewers) {
        Context context = load(List.of(session));
        Map<UserId, SessionView> views = new LinkedHashMap<>();
        viewers.forEach(v -> views.put(v, context.view(session, v)));
        return views;
    }

    /**
     * For each of {@code sessions}, the session as each of its {@code viewers} (same position) sees it: what
     * several posts of one batch tell, loaded once for all of them.
     */
    public List<Map<UserId, SessionView>> asSeenByEach(List<ImSession> sessions,
                                                       List<? extends Collection<UserId>> viewers) {
        if (sessions.size() != viewers.size()) {
            throw new IllegalArgumentException("one list of viewers per session");
        }
        List<ImSession> seen = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            if (!viewers.get(i).isEmpty()) {
                seen.add(sessions.get(i));
            }
        }
        Context context = load(seen);
        List<Map<UserId, SessionView>> views = new ArrayList<>(sessions.size());
        for (int i = 0; i < sessions.size(); i++) {
            ImSession session = sessions.get(i);
            Map<UserId, SessionView> each = new LinkedHashMap<>();
            viewers.get(i).forEach(v -> each.put(v, context.view(session, v)));
            views.add(each);
        }
        return views;
    }

    private Context load(List<ImSession> sessions) {
        Set<UserId> userIds = new LinkedHashSet<>();
        Set<GroupId> groupIds = new LinkedHashSet<>();
        List<Long> lastMessageIds = new ArrayList<>();
        for (ImSession session : sessions) {
            session.group().ifPresent(groupIds::add);
            for (Membership member : session.members()) {
                userIds.add(member.user());
                member.lastMessageId().ifPresent(lastMessageIds::add);
            }
        }
        Map<UserId, User> users = userIds.isEmpty() ? Map.of()
                : directory.users(userIds).stream().collect(Collectors.toMap(User::id, Function.identity()));
        Map<GroupId, Group> groups = groupIds.isEmpty() ? Map.of()
                : directory.groups(groupIds).stream().collect(Collectors.toMap(Group::id, Function.identity()));
        Map<Long, ImMessage> lastMessages = lastMessageIds.isEmpty() ? Map.of()
                : messages.byIds(lastMessageIds).stream().collect(Collectors.toMap(ImMessage::id, Function.identity()));
        Map<UserId, ImStatus> statuses = userIds.isEmpty() ? Map.of() : presence.statusOf(userIds);
        // a provisioned group's session is never a conversation people made: only the others are looked up
        List<Long> ungrouped = sessions.stream().filter(s -> !s.isGroup()).map(ImSession::id).toList();
        Map<Long, GroupSettings> settings = ungrouped.isEmpty() ? Map.of() : conversations.of(ungrouped);
        return new Context(users, groups, lastMessages, statuses, settings);
    }

    static MessageSummary summary(ImMessage message) {
        return new MessageSummary(message.id(), message.type().value(), message.content(), message.createDate(),
                message.isDeleted());
    }

    private record Context(Map<UserId, User> users, Map<GroupId, Group> groups, Map<Long, ImMessage> lastMessages,
                           Map<UserId, ImStatus> statuses, Map<Long, GroupSettings> settings) {

        SessionView view(ImSession session, UserId viewer) {
            Membership own = session.membershipOf(viewer).orElseThrow(
                    () -> new IllegalArgumentException("user " + viewer + " is not a member of " + session.uuid()));
            List<GroupRef> groupRefs = session.group().map(groups::get)
                    .map(g -> List.of(new GroupRef(g.id(), g.name()))).orElse(List.of());
            List<SessionMember> members = session.members().stream()
                    .filter(m -> users.containsKey(m.user()))
                    .map(this::member)
                    .toList();
            Optional<GroupView> conversation = Optional.ofNullable(settings.get(session.id())).map(s -> new GroupView(
                    s.name().value(), s.posting(), s.admins().stream().sorted(Comparator.comparingLong(UserId::value))
                    .toList()));
            return new SessionView(session.id(), session.uuid(), session.createDate(),
                    session.isGroup() || conversation.isPresent(), groupRefs, session.document().stream().toList(),
                    members, own.state(), own.status(), own.read(), OptionalLong.empty(), conversation);
        }

        private SessionMember member(Membership membership) {
            User user = users.get(membership.user());
            Optional<MessageSummary> last = membership.lastMessageId().isPresent()
                    ? Optional.ofNullable(lastMessages.get(membership.lastMessageId().getAsLong())).map(SessionViews::summary)
                    : Optional.empty();
            return new SessionMember(user.id(), user.name(), user.partner(),
                    statuses.getOrDefault(user.id(), ImStatus.OFFLINE), last, membership.seenMessageId(),
                    Optional.of(user.login()));
        }
    }
}
