package dev.chatserver.application.im;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.im.ChangeGroup;
import dev.chatserver.application.port.in.im.GroupChangeCommand;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.out.GroupConversations;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.GroupConversation;
import dev.chatserver.domain.im.GroupRole;
import dev.chatserver.domain.im.GroupSettings;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.Membership;
import dev.chatserver.domain.im.Posting;
import dev.chatserver.domain.problem.Refused;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Changes a group conversation in one unit of work: its settings row is locked first (so two changes of one
 * conversation run one after the other: two admins removing each other, a member leaving while promoted), its
 * members read again under lock, the conversation decides, the change is stored, the actor's meta message says
 * what changed and every member is told. Someone who goes gets the notice and then no more of the conversation.
 */
public final class ChangeGroupService implements ChangeGroup {
    private final ImSessions sessions;
    private final GroupConversations conversations;
    private final SessionAccess access;
    private final UserDirectory directory;
    private final SessionViews views;
    private final GroupNotices notices;
    private final Transactions transactions;
    private final UserBudgets budgets;

    @Inject
    public ChangeGroupService(ImSessions sessions, GroupConversations conversations, SessionAccess access,
                              UserDirectory directory, SessionViews views, PostRecorder recorder,
                              ImNotifier notifier, Transactions transactions, Clock clock, UserBudgets budgets) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.access = access;
        this.directory = directory;
        this.views = views;
        this.notices = new GroupNotices(sessions, recorder, notifier, clock);
        this.transactions = transactions;
        this.budgets = budgets;
    }

    @Override
    public Optional<SessionView> change(GroupChangeCommand command) {
        User actor = command.caller();
        budgets.spend(Budget.WRITES, actor.id());
        return transactions.inTransaction(() -> {
            GroupConversation before = locked(actor.id(), command);
            boolean changed = apply(before, actor, command);
            ImSession after = changed ? notices.tellMembers(before.session().id())
                    : sessions.byId(before.session().id()).orElseThrow();
            return after.hasMember(actor.id()) ? Optional.of(views.asSeenBy(actor.id(), after)) : Optional.empty();
        });
    }

    private GroupConversation locked(UserId actor, GroupChangeCommand command) {
        ImSession found = access.forMember(actor, command.session());
        GroupSettings settings = conversations.lock(found.id()).orElseThrow(() -> new Refused("not_a_group",
                "session", "session is no group conversation: only a group made with group/create changes so"));
        return GroupConversation.of(sessions.lockMembers(found), settings);
    }

    /** Stores what the conversation decided and says it; false when the change changed nothing. */
    private boolean apply(GroupConversation before, User actor, GroupChangeCommand command) {
        long id = before.session().id();
        if (command instanceof GroupChangeCommand.Rename rename) {
            return saved(before.rename(actor.id(), rename.name()), after -> notices.say(after.session(), actor,
                    actor.name() + " renamed the group to \u201c" + after.name().value() + "\u201d."));
        }
        if (command instanceof GroupChangeCommand.SetPosting posting) {
            return saved(before.setPosting(actor.id(), posting.posting()), after -> notices.say(after.session(), actor,
                    after.posting() == Posting.ADMINS ? actor.name() + " made this an announcement group: only admins post."
                            : actor.name() + " let every member post."));
        }
        if (command instanceof GroupChangeCommand.SetRole role) {
            return saved(before.setRole(actor.id(), role.member(), role.role()), after -> notices.say(after.session(),
                    actor, actor.name() + " made " + nameOf(role.member(), "member")
                            + (role.role() == GroupRole.ADMIN ? " an admin." : " a member.")));
        }
        if (command instanceof GroupChangeCommand.AddMembers add) {
            Map<UserId, User> people = GroupPeople.read(directory, add.userIds(), "userIds");
            List<Membership> newcomers = before.add(actor.id(), people.keySet());
            Set<UserId> added = sessions.addMembers(id, newcomers);
            if (added.isEmpty()) {
                return false;
            }
            GroupConversation after = before.joinedBy(newcomers.stream().filter(m -> added.contains(m.user())).toList());
            List<User> names = new ArrayList<>();
            added.forEach(user -> names.add(people.get(user)));
            notices.say(after.session(), actor, actor.name() + " added " + GroupPeople.names(names) + ".");
            return true;
        }
        if (command instanceof GroupChangeCommand.RemoveMember remove) {
            GroupConversation after = before.remove(actor.id(), remove.member());
            notices.sayToGoer(before.session(), actor, actor.name() + " removed " + nameOf(remove.member(), "member") + ".",
                    remove.member());
            gone(before, after, remove.member());
            return true;
        }
        GroupChangeCommand.Leave leave = (GroupChangeCommand.Leave) command;
        GroupConversation after = before.leave(actor.id(), leave.successor());
        String successor = leave.successor().map(s -> " " + nameOf(s, "successor") + " is now an admin.").orElse("");
        notices.sayToGoer(before.session(), actor, actor.name() + " left the group." + successor, actor.id());
        gone(before, after, actor.id());
        return true;
    }

    /** The name of a member the conversation has already accepted as one. */
    private String nameOf(UserId member, String field) {
        return GroupPeople.read(directory, List.of(member), field).get(member).name();
    }

    /** The member's membership ends (after the notice they still read); their role goes with it. */
    private void gone(GroupConversation before, GroupConversation after, UserId member) {
        sessions.removeMember(before.session().id(), member);
        if (!after.settings().equals(before.settings())) {
            conversations.save(before.session().id(), after.settings());
        }
    }

    private boolean saved(Optional<GroupConversation> decided, java.util.function.Consumer<GroupConversation> say) {
        if (decided.isEmpty()) {
            return false;
        }
        GroupConversation after = decided.get();
        conversations.save(after.session().id(), after.settings());
        say.accept(after);
        return true;
    }
}
