package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.in.view.AccountView;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.AccountStandings;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.AccountStanding;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.AlreadyExists;
import dev.chatserver.domain.problem.NotFound;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Users, their partners, password hashes and standing, and groups, held in memory. */
public final class InMemoryAccounts implements UserDirectory, AccountRegistry, AccountStandings {
    private final Map<UserId, User> users = new TreeMap<>((a, b) -> Long.compare(a.value(), b.value()));
    private final Map<UserId, String> passwordHashes = new HashMap<>();
    private final Map<UserId, AccountStanding> standings = new HashMap<>();
    private final Map<UserId, String> avatars = new HashMap<>();
    private final Map<GroupId, Group> groups = new TreeMap<>((a, b) -> Long.compare(a.value(), b.value()));
    private long lastUserId;
    private long lastPartnerId;
    private long lastGroupId;

    @Override
    public synchronized User register(NewUser newUser, String passwordHash) {
        if (userByLogin(newUser.login()).isPresent()) {
            throw new AlreadyExists("login_taken", "login", "the login " + newUser.login() + " is taken");
        }
        Partner partner = new Partner(PartnerId.of(++lastPartnerId), newUser.name());
        User user = new User(UserId.of(++lastUserId), newUser.login(), newUser.name(), newUser.email(), partner);
        users.put(user.id(), user);
        passwordHashes.put(user.id(), passwordHash);
        standings.put(user.id(), AccountStanding.ordinary(user.id()));
        return user;
    }

    @Override
    public synchronized Optional<AccountStanding> standing(UserId user) {
        return Optional.ofNullable(standings.get(user));
    }

    /** The memory's units of work run one at a time ({@link InMemoryTransactions}): reading is locking. */
    @Override
    public synchronized Optional<AccountStanding> lockStanding(UserId user) {
        return standing(user);
    }

    @Override
    public synchronized void save(AccountStanding standing) {
        if (standings.replace(standing.user(), standing) == null) {
            throw new IllegalStateException("no user has the id " + standing.user());
        }
    }

    @Override
    public synchronized void rename(UserId id, String name) {
        User user = users.get(id);
        if (user != null) {
            users.put(id, new User(id, user.login(), name, user.email(), new Partner(user.partner().id(), name)));
        }
    }

    @Override
    public synchronized void changePasswordHash(UserId user, String passwordHash) {
        passwordHashes.replace(user, passwordHash);
    }

    @Override
    public synchronized void setAvatar(UserId user, String sha256) {
        if (users.containsKey(user)) {
            avatars.put(user, sha256);
        }
    }

    @Override
    public synchronized Optional<String> avatar(UserId user) {
        return Optional.ofNullable(avatars.get(user));
    }

    @Override
    public synchronized List<AccountView> page(Optional<String> search, long afterId, int limit) {
        Optional<String> lowered = search.map(text -> text.toLowerCase(Locale.ROOT));
        return users.values().stream()
                .filter(user -> user.id().value() > afterId)
                .filter(user -> lowered.isEmpty()
                        || user.login().value().toLowerCase(Locale.ROOT).contains(lowered.get())
                        || user.name().toLowerCase(Locale.ROOT).contains(lowered.get()))
                .limit(limit)
                .map(user -> new AccountView(user, standings.get(user.id())))
                .toList();
    }

    @Override
    public synchronized Optional<String> passwordHash(UserId user) {
        return Optional.ofNullable(passwordHashes.get(user));
    }

    @Override
    public synchronized Group createGroup(String name) {
        if (!groupsNamed(name).isEmpty()) {
            throw AccountRegistry.groupNameTaken(name);
        }
        Group group = new Group(GroupId.of(++lastGroupId), name, Set.of());
        groups.put(group.id(), group);
        return group;
    }

    @Override
    public synchronized Group addMember(GroupId groupId, UserId user) {
        Group group = existingGroup(groupId);
        if (!users.containsKey(user)) {
            throw new NotFound("user", "user", "no user has the id " + user);
        }
        Set<UserId> members = new HashSet<>(group.members());
        members.add(user);
        Group updated = new Group(group.id(), group.name(), members);
        groups.put(groupId, updated);
        return updated;
    }

    /** The memory's units of work run one at a time ({@link InMemoryTransactions}): reading is locking. */
    @Override
    public synchronized Optional<Group> lockGroup(GroupId group) {
        return group(group);
    }

    @Override
    public synchronized Group renameGroup(GroupId groupId, String name) {
        Group group = existingGroup(groupId);
        if (groupsNamed(name).stream().anyMatch(other -> !other.id().equals(groupId))) {
            throw AccountRegistry.groupNameTaken(name);
        }
        Group renamed = new Group(groupId, name, group.members());
        groups.put(groupId, renamed);
        return renamed;
    }

    @Override
    public synchronized Group removeMember(GroupId groupId, UserId user) {
        Group group = existingGroup(groupId);
        Set<UserId> members = new HashSet<>(group.members());
        members.remove(user);
        Group updated = new Group(groupId, group.name(), members);
        groups.put(groupId, updated);
        return updated;
    }

    @Override
    public synchronized List<Group> groupPage(Optional<String> search, long afterId, int limit) {
        Optional<String> lowered = search.map(text -> text.toLowerCase(Locale.ROOT));
        return groups.values().stream()
                .filter(group -> group.id().value() > afterId)
                .filter(group -> lowered.isEmpty() || group.name().toLowerCase(Locale.ROOT).contains(lowered.get()))
                .limit(limit)
                .toList();
    }

    private Group existingGroup(GroupId groupId) {
        Group group = groups.get(groupId);
        if (group == null) {
            throw new NotFound("group", "group", "no group has the id " + groupId);
        }
        return group;
    }

    @Override
    public synchronized Optional<User> user(UserId id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public synchronized List<User> users(Collection<UserId> ids) {
        Set<UserId> wanted = new HashSet<>(ids);
        return users.values().stream().filter(u -> wanted.contains(u.id())).toList();
    }

    @Override
    public synchronized Optional<User> userByLogin(Login login) {
        return users.values().stream().filter(u -> u.login().equals(login)).findFirst();
    }

    @Override
    public synchronized List<User> usersByLogins(Collection<Login> logins) {
        Set<Login> wanted = new HashSet<>(logins);
        return users.values().stream().filter(u -> wanted.contains(u.login()))
                .sorted(Comparator.comparingLong(u -> u.id().value())).toList();
    }

    @Override
    public synchronized Optional<User> userByPartner(PartnerId partner) {
        return users.values().stream().filter(u -> u.partner().id().equals(partner)).findFirst();
    }

    @Override
    public synchronized List<User> usersByPartners(Collection<PartnerId> partners) {
        Set<PartnerId> wanted = new HashSet<>(partners);
        return users.values().stream().filter(u -> wanted.contains(u.partner().id()))
                .sorted(Comparator.comparingLong(u -> u.id().value())).toList();
    }

    @Override
    public synchronized List<User> allUsers() {
        return List.copyOf(users.values());
    }

    @Override
    public synchronized Optional<Group> group(GroupId id) {
        return Optional.ofNullable(groups.get(id));
    }

    @Override
    public synchronized List<Group> groups(Collection<GroupId> ids) {
        Set<GroupId> wanted = new HashSet<>(ids);
        return groups.values().stream().filter(g -> wanted.contains(g.id())).toList();
    }

    @Override
    public synchronized List<Group> groupsNamed(String name) {
        return groups.values().stream().filter(g -> g.name().equals(name)).toList();
    }
}
