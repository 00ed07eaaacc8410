package dev.chatserver.application.im;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.im.CreateGroup;
import dev.chatserver.application.port.in.im.CreateGroupCommand;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.application.port.out.GroupConversations;
import dev.chatserver.application.port.out.IdGenerator;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.GroupConversation;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.NewSession;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Starts a group conversation in one unit of work: its session (a key of its own), its settings with the creator
 * as admin, the creator's meta message, and every member told.
 */
public final class CreateGroupService implements CreateGroup {
    private final ImSessions sessions;
    private final GroupConversations conversations;
    private final UserDirectory directory;
    private final SessionViews views;
    private final GroupNotices notices;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final UserBudgets budgets;

    @Inject
    public CreateGroupService(ImSessions sessions, GroupConversations conversations, UserDirectory directory,
                              SessionViews views, PostRecorder recorder, ImNotifier notifier,
                              Transactions transactions, IdGenerator ids, Clock clock, UserBudgets budgets) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.directory = directory;
        this.views = views;
        this.notices = new GroupNotices(sessions, recorder, notifier, clock);
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.budgets = budgets;
    }

    @Override
    public SessionView create(CreateGroupCommand command) {
        User creator = command.caller();
        budgets.spend(Budget.NEW_SESSIONS, creator.id());
        return transactions.inTransaction(() -> {
            Set<UserId> others = GroupPeople.existing(directory, command.userIds(), "userIds");
            ImSession session = sessions.findOrCreate(NewSession.groupConversation(creator.id(), others,
                    ids.newUuid(), clock.instant().truncatedTo(ChronoUnit.MICROS)));
            GroupConversation group = GroupConversation.created(session, command.name(), creator.id());
            conversations.create(session.id(), group.settings());
            notices.say(session, creator, creator.name() + " created the group \u201c" + group.name().value() + "\u201d.");
            return views.asSeenBy(creator.id(), notices.tellMembers(session.id()));
        });
    }
}
