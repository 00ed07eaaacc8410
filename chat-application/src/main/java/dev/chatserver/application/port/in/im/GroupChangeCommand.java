package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.GroupName;
import dev.chatserver.domain.im.GroupRole;
import dev.chatserver.domain.im.Posting;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One change the caller asks of a group conversation ({@code session}); each kind names its own fields. The
 * conversation decides whether the caller may make it ({@link dev.chatserver.domain.im.GroupConversation}).
 */
public sealed interface GroupChangeCommand {
    User caller();

    UUID session();

    record Rename(User caller, UUID session, GroupName name) implements GroupChangeCommand {
        public Rename {
            checked(caller, session);
            if (name == null) {
                throw new InvalidInput("name", "name is required");
            }
        }
    }

    record AddMembers(User caller, UUID session, Set<UserId> userIds) implements GroupChangeCommand {
        public AddMembers {
            checked(caller, session);
            userIds = CreateGroupCommand.checkedUsers(userIds);
        }

        public AddMembers(User caller, UUID session, List<UserId> userIds) {
            this(caller, session, userIds == null ? null : Set.copyOf(userIds));
        }
    }

    record RemoveMember(User caller, UUID session, UserId member) implements GroupChangeCommand {
        public RemoveMember {
            checked(caller, session);
            if (member == null) {
                throw new InvalidInput("member", "member is required");
            }
        }
    }

    /** The caller goes; the last admin names who becomes admin in their place ({@code successor}). */
    record Leave(User caller, UUID session, Optional<UserId> successor) implements GroupChangeCommand {
        public Leave {
            checked(caller, session);
            Objects.requireNonNull(successor, "successor");
        }
    }

    record SetRole(User caller, UUID session, UserId member, GroupRole role) implements GroupChangeCommand {
        public SetRole {
            checked(caller, session);
            if (member == null) {
                throw new InvalidInput("member", "member is required");
            }
            if (role == null) {
                throw new InvalidInput("role", "role is required");
            }
        }
    }

    record SetPosting(User caller, UUID session, Posting posting) implements GroupChangeCommand {
        public SetPosting {
            checked(caller, session);
            if (posting == null) {
                throw new InvalidInput("posting", "posting is required");
            }
        }
    }

    private static void checked(User caller, UUID session) {
        Objects.requireNonNull(caller, "caller");
        if (session == null) {
            throw new InvalidInput("session", "session is required");
        }
    }
}
