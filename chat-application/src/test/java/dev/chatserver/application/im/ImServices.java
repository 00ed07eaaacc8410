package dev.chatserver.application.im;

import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.chats.Tenants;
import dev.chatserver.application.realtime.SubscriptionFacts;
import dev.chatserver.application.realtime.StoredSubscriptionFacts;
import dev.chatserver.application.port.out.Meters;
import dev.chatserver.application.contract.RecordingBus;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.MessageReactions;
import dev.chatserver.application.port.out.StoragePorts;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;

import dev.chatserver.application.write.ClientKeys;
import dev.chatserver.application.write.GroupCommit;
import dev.chatserver.application.write.WriteLimits;

import dev.chatserver.application.port.in.im.OpenSessionCommand;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.SessionView;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** The IM use cases assembled by hand on one storage's ports, with a recording bus and presence set by tests. */
public final class ImServices implements AutoCloseable {
    public final RecordingBus bus = new RecordingBus();
    public final FixedPresence presence = new FixedPresence();
    public final OpenSessionService openSession;
    public final ListSessionsService listSessions;
    public final ArrangeSessionService arrangeSession;
    public final PostMessageService messages;
    public final ReadHistoryService history;
    public final ManageAddressBookService addressBook;
    public final InitChatService initChat;
    public final InviteToSessionService invitations;
    public final MarkReadService reads;
    public final SearchMessagesService search;
    /** The writer's thread runs until {@link #close}. */
    public final GroupCommit writer;
    /** The posts lane the writer runs, for tests that hand it a batch themselves. */
    public final PostingLane posting;
    /** Stores and announces posts their session decided, inside the caller's unit of work. */
    public final PostRecorder recorder;
    /** Edits and deletions, with the default edit window. */
    public final ChangeMessageService changeMessage;
    public final ReactToMessageService reactToMessage;
    public final CreateGroupService createGroup;
    public final ChangeGroupService changeGroup;
    public final BlockUsersService blocking;

    public ImServices(StoragePorts ports, ImPolicy policy, Clock clock) {
        this(ports, policy, clock, UserBudgets.unlimited());
    }

    /** With these budgets, for tests of what they refuse. */
    public ImServices(StoragePorts ports, ImPolicy policy, Clock clock, UserBudgets budgets) {
        UserDirectory directory = ports.users();
        ImSessions imSessions = ports.imSessions();
        ImMessages imMessages = ports.imMessages();
        bus.membersBy(session -> imSessions.membersByUuid(java.util.List.of(session)).getOrDefault(session, java.util.Set.of()));
        Transactions transactions = ports.transactions();
        SessionViews views = new SessionViews(directory, imMessages, presence, ports.groupConversations(),
                ports.mailPreferences(), clock);
        ImNotifier notifier = new ImNotifier(bus, views);
        this.writer = new GroupCommit(transactions, WriteLimits.DEFAULT);
        SessionAccess access = new SessionAccess(imSessions);
        this.openSession = new OpenSessionService(imSessions, views, notifier, directory, transactions,
                UUID::randomUUID, clock, budgets, ports.userBlocks());
        this.listSessions = new ListSessionsService(imSessions, views, directory);
        this.arrangeSession = new ArrangeSessionService(imSessions, access, views, notifier, transactions, budgets);
        ClientKeys clientKeys = new ClientKeys(ports.idempotencyKeys(), transactions, clock);
        this.recorder = new PostRecorder(imSessions, imMessages, notifier, views, ports.attachments());
        RepliedMessages replied = new RepliedMessages(imMessages);
        MentionedUsers mentioned = new MentionedUsers(directory);
        this.posting = new PostingLane(imSessions, imMessages, new SessionHeaders(imSessions), recorder, replied,
                mentioned, clientKeys, clock, Meters.NONE, ports.attachments(), ports.groupConversations(), ports.userBlocks());
        MessageReactions reactions = ports.messageReactions();
        this.messages = new PostMessageService(writer, posting, access, notifier, transactions, policy, clientKeys,
                clock, budgets);
        ReadPointerChanges readPointer = new ReadPointerChanges(imSessions, notifier);
        this.history = new ReadHistoryService(imMessages, imSessions, access, directory, reactions, readPointer,
                transactions, policy, replied, ports.attachments());
        this.changeMessage = new ChangeMessageService(imMessages, imSessions, reactions, notifier, transactions,
                policy, EditWindow.defaults(), clock, budgets,
                new dev.chatserver.application.attachment.AttachmentErasure(ports.attachments(), ports.fileContents(),
                        dev.chatserver.application.attachment.AttachmentSettings.DEFAULT, clock, transactions),
                mentioned);
        this.reactToMessage = new ReactToMessageService(imMessages, imSessions, reactions, notifier, transactions,
                budgets);
        this.invitations = new InviteToSessionService(imSessions, access, recorder, views, notifier, directory,
                transactions, clock, budgets);
        this.createGroup = new CreateGroupService(imSessions, ports.groupConversations(), directory, views, recorder,
                notifier, transactions, UUID::randomUUID, clock, budgets);
        this.changeGroup = new ChangeGroupService(imSessions, ports.groupConversations(), access, directory, views,
                recorder, notifier, transactions, clock, budgets);
        this.blocking = new BlockUsersService(ports.userBlocks(), directory, transactions, budgets);
        this.reads = new MarkReadService(imSessions, imMessages, access, readPointer, transactions, budgets);
        this.search = new SearchMessagesService(ports.messageSearch(), imSessions, directory, transactions,
                policy, reactions, replied, ports.attachments());
        SubscriptionFacts facts = new StoredSubscriptionFacts(ports.addressBooks(), imSessions,
                new Tenants(Map.of()), ports.roomBans());
        this.addressBook = new ManageAddressBookService(ports.addressBooks(), directory, presence, facts,
                transactions, budgets);
        this.initChat = new InitChatService(ports.addressBooks(), directory, imSessions, imMessages, presence);
    }

    @Override
    public void close() {
        writer.close();
    }

    /** The private session of {@code caller} with {@code other}, opened (or found) by {@code caller}. */
    public SessionView openPrivate(User caller, User other) {
        return openSession.openPrivate(OpenSessionCommand.of(caller, other.id()));
    }

    /** A plain message posted by {@code caller}, stored once the writer has committed it. */
    public MessageView post(User caller, SessionView session, String text) {
        return messages.post(new PostMessageCommand(caller, session.uuid(), MessageType.MESSAGE, text));
    }
}
