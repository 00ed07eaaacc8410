package dev.chatserver.adapter.inmemory;

import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.UserDirectory;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Users, their partners and password hashes, and groups, held in memory. */
public final class InMemoryAccounts implements UserDirectory, AccountRegistry {
    private final Map<UserId, User> users = new TreeMap<>((a, b) -> Long.compare(a.value(), b.value()));
    private final Map<UserId, String> passwordHashes = new HashMap<>();
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
        return user;
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
        Group group = groups.get(groupId);
        if (group == null) {
            throw new NotFound("group", "group", "no group has the id " + groupId);
        }
        if (!users.containsKey(user)) {
            throw new NotFound("user", "user", "no user has the id " + user);
        }
        Set<UserId> members = new HashSet<>(group.members());
        members.add(user);
        Group updated = new Group(group.id(), group.name(), members);
        groups.put(groupId, updated);
        return updated;
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
