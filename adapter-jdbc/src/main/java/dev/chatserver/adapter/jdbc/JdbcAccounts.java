package dev.chatserver.adapter.jdbc;

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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Users, partners, groups and the accounts' standing in SQL; users by id are read once per node for a while
 * ({@link KnownUsers}), and a rename here forgets the renamed one at once.
 */
final class JdbcAccounts implements UserDirectory, AccountRegistry, AccountStandings {
    private static final String SELECT_USER = """
            select u.id, u.login, u.name, u.email, p.id as partner_id, p.name as partner_name
            from users u join partners p on p.id = u.partner_id
            """;
    private static final String SELECT_ACCOUNT = """
            select u.id, u.login, u.name, u.email, p.id as partner_id, p.name as partner_name, u.is_admin, u.disabled
            from users u join partners p on p.id = u.partner_id
            """;
    private static final RowMapper<AccountStanding> STANDING = (rs, ctx) -> new AccountStanding(
            UserId.of(rs.getLong("id")), rs.getBoolean("is_admin"), rs.getBoolean("disabled"));
    private static final RowMapper<User> USER = (rs, ctx) -> new User(
            UserId.of(rs.getLong("id")), new Login(rs.getString("login")), rs.getString("name"),
            rs.getString("email"), new Partner(PartnerId.of(rs.getLong("partner_id")), rs.getString("partner_name")));

    private final Jdbi jdbi;
    private final KnownUsers known = new KnownUsers();

    JdbcAccounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public User register(NewUser newUser, String passwordHash) {
        try {
            return jdbi.inTransaction(h -> {
                long partnerId = h.createUpdate("insert into partners (name) values (:name)")
                        .bind("name", newUser.name())
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                long userId = h.createUpdate("""
                                insert into users (login, name, email, partner_id, password_hash)
                                values (:login, :name, :email, :partner, :hash)""")
                        .bind("login", newUser.login().value())
                        .bind("name", newUser.name())
                        .bind("email", newUser.email())
                        .bind("partner", partnerId)
                        .bind("hash", passwordHash)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                return new User(UserId.of(userId), newUser.login(), newUser.name(), newUser.email(),
                        new Partner(PartnerId.of(partnerId), newUser.name()));
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new AlreadyExists("login_taken", "login", "the login " + newUser.login() + " is taken");
            }
            throw e;
        }
    }

    @Override
    public Optional<String> passwordHash(UserId user) {
        return jdbi.withHandle(h -> h.createQuery("select password_hash from users where id = :id")
                .bind("id", user.value()).mapTo(String.class).findOne());
    }

    @Override
    public Optional<AccountStanding> standing(UserId user) {
        return jdbi.withHandle(h -> h.createQuery("select id, is_admin, disabled from users where id = :id")
                .bind("id", user.value()).map(STANDING).findOne());
    }

    @Override
    public Optional<AccountStanding> lockStanding(UserId user) {
        return jdbi.withHandle(h -> h.createQuery("select id, is_admin, disabled from users where id = :id for update")
                .bind("id", user.value()).map(STANDING).findOne());
    }

    @Override
    public void save(AccountStanding standing) {
        jdbi.useHandle(h -> h.createUpdate("update users set is_admin = :admin, disabled = :disabled where id = :id")
                .bind("admin", standing.admin()).bind("disabled", standing.disabled())
                .bind("id", standing.user().value()).execute());
    }

    @Override
    public void rename(UserId user, String name) {
        jdbi.useHandle(h -> {
            h.createUpdate("update users set name = :name where id = :id")
                    .bind("name", name).bind("id", user.value()).execute();
            h.createUpdate("update partners set name = :name where id = (select partner_id from users where id = :id)")
                    .bind("name", name).bind("id", user.value()).execute();
        });
        known.forget(user);
    }

    @Override
    public void changePasswordHash(UserId user, String passwordHash) {
        jdbi.useHandle(h -> h.createUpdate("update users set password_hash = :hash where id = :id")
                .bind("hash", passwordHash).bind("id", user.value()).execute());
    }

    @Override
    public void setAvatar(UserId user, String sha256) {
        jdbi.useHandle(h -> h.createUpdate("update users set avatar_sha256 = :sha where id = :id")
                .bind("sha", sha256).bind("id", user.value()).execute());
    }

    @Override
    public Optional<String> avatar(UserId user) {
        return jdbi.withHandle(h -> h.createQuery("select avatar_sha256 from users where id = :id")
                .bind("id", user.value()).mapTo(String.class).list())
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public List<AccountView> page(Optional<String> search, long afterId, int limit) {
        String where = search.isPresent()
                ? " where u.id > :after and (lower(u.login) like :pattern escape '!' or lower(u.name) like :pattern escape '!')"
                : " where u.id > :after";
        return jdbi.withHandle(h -> {
            var query = h.createQuery(SELECT_ACCOUNT + where + " order by u.id limit :limit")
                    .bind("after", afterId).bind("limit", limit);
            search.ifPresent(text -> query.bind("pattern", "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%"));
            return query.map((rs, ctx) -> new AccountView(USER.map(rs, ctx), STANDING.map(rs, ctx))).list();
        });
    }

    private static String likeEscaped(String text) {
        // '!' rather than a backslash, which Jdbi's statement parser would take for its own escape
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    @Override
    public Group createGroup(String name) {
        try {
            long id = jdbi.withHandle(h -> h.createUpdate("insert into user_groups (name) values (:name)")
                    .bind("name", name).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            return new Group(GroupId.of(id), name, Set.of());
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw AccountRegistry.groupNameTaken(name);
            }
            throw e;
        }
    }

    @Override
    public Group addMember(GroupId group, UserId user) {
        return jdbi.inTransaction(h -> {
            if (group(h, List.of(group)).isEmpty()) {
                throw new NotFound("group", "group", "no group has the id " + group);
            }
            if (h.createQuery("select count(*) from users where id = :id").bind("id", user.value())
                    .mapTo(Integer.class).one() == 0) {
                throw new NotFound("user", "user", "no user has the id " + user);
            }
            h.createUpdate("insert into group_members (group_id, user_id) values (:group, :user) on conflict do nothing")
                    .bind("group", group.value()).bind("user", user.value()).execute();
            return group(h, List.of(group)).get(0);
        });
    }

    @Override
    public Optional<Group> lockGroup(GroupId group) {
        return jdbi.withHandle(h -> {
            boolean exists = h.createQuery("select id from user_groups where id = :id for update")
                    .bind("id", group.value()).mapTo(Long.class).findOne().isPresent();
            return exists ? group(h, List.of(group)).stream().findFirst() : Optional.<Group>empty();
        });
    }

    @Override
    public Group renameGroup(GroupId group, String name) {
        try {
            return jdbi.inTransaction(h -> {
                if (h.createUpdate("update user_groups set name = :name where id = :id")
                        .bind("name", name).bind("id", group.value()).execute() == 0) {
                    throw new NotFound("group", "group", "no group has the id " + group);
                }
                return group(h, List.of(group)).get(0);
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw AccountRegistry.groupNameTaken(name);
            }
            throw e;
        }
    }

    @Override
    public Group removeMember(GroupId group, UserId user) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("delete from group_members where group_id = :group and user_id = :user")
                    .bind("group", group.value()).bind("user", user.value()).execute();
            return group(h, List.of(group)).stream().findFirst()
                    .orElseThrow(() -> new NotFound("group", "group", "no group has the id " + group));
        });
    }

    @Override
    public List<Group> groupPage(Optional<String> search, long afterId, int limit) {
        String where = search.isPresent() ? " where id > :after and lower(name) like :pattern escape '!'" : " where id > :after";
        return jdbi.withHandle(h -> {
            var query = h.createQuery("select id from user_groups" + where + " order by id limit :limit")
                    .bind("after", afterId).bind("limit", limit);
            search.ifPresent(text -> query.bind("pattern", "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%"));
            List<GroupId> ids = query.mapTo(Long.class).map(GroupId::of).list();
            return ids.isEmpty() ? List.<Group>of() : group(h, ids);
        });
    }

    @Override
    public Optional<User> user(UserId id) {
        Optional<User> remembered = known.get(id);
        if (remembered.isPresent()) {
            return remembered;
        }
        Optional<User> read = jdbi.withHandle(h -> h.createQuery(SELECT_USER + " where u.id = :id")
                .bind("id", id.value()).map(USER).findOne());
        read.ifPresent(user -> known.remember(List.of(user)));
        return read;
    }

    @Override
    public List<User> users(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UserId, User> found = new HashMap<>(known.known(ids));
        List<Long> unknown = ids.stream().filter(id -> !found.containsKey(id)).map(UserId::value).distinct().toList();
        if (!unknown.isEmpty()) {
            List<User> read = jdbi.withHandle(h -> h.createQuery(SELECT_USER + " where u.id = any(:ids)")
                    .bindArray("ids", Long.class, unknown).map(USER).list());
            known.remember(read);
            read.forEach(user -> found.put(user.id(), user));
        }
        return found.values().stream().sorted(Comparator.comparingLong(user -> user.id().value())).toList();
    }

    @Override
    public Optional<User> userByLogin(Login login) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_USER + " where u.login = :login")
                .bind("login", login.value()).map(USER).findOne());
    }

    @Override
    public List<User> usersByLogins(Collection<Login> logins) {
        if (logins.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(SELECT_USER + " where u.login = any(:logins) order by u.id")
                .bindArray("logins", String.class, logins.stream().map(Login::value).distinct().toList())
                .map(USER).list());
    }

    @Override
    public Optional<User> userByPartner(PartnerId partner) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_USER + " where u.partner_id = :partner")
                .bind("partner", partner.value()).map(USER).findOne());
    }

    @Override
    public List<User> usersByPartners(Collection<PartnerId> partners) {
        if (partners.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(SELECT_USER + " where u.partner_id = any(:partners) order by u.id")
                .bindArray("partners", Long.class, partners.stream().map(PartnerId::value).distinct().toList())
                .map(USER).list());
    }

    @Override
    public List<User> allUsers() {
        return jdbi.withHandle(h -> h.createQuery(SELECT_USER + " order by u.id").map(USER).list());
    }

    @Override
    public Optional<Group> group(GroupId id) {
        return jdbi.withHandle(h -> group(h, List.of(id))).stream().findFirst();
    }

    @Override
    public List<Group> groups(Collection<GroupId> ids) {
        return ids.isEmpty() ? List.of() : jdbi.withHandle(h -> group(h, ids));
    }

    @Override
    public List<Group> groupsNamed(String name) {
        return jdbi.withHandle(h -> {
            List<GroupId> ids = h.createQuery("select id from user_groups where name = :name order by id")
                    .bind("name", name).mapTo(Long.class).map(GroupId::of).list();
            return ids.isEmpty() ? List.<Group>of() : group(h, ids);
        });
    }

    /** The groups with their members, in two queries however many groups. */
    private static List<Group> group(Handle h, Collection<GroupId> ids) {
        List<Long> wanted = ids.stream().map(GroupId::value).distinct().toList();
        Map<Long, String> names = new LinkedHashMap<>();
        h.createQuery("select id, name from user_groups where id = any(:ids) order by id")
                .bindArray("ids", Long.class, wanted)
                .map((rs, ctx) -> names.put(rs.getLong("id"), rs.getString("name"))).list();
        Map<Long, Set<UserId>> members = new HashMap<>();
        h.createQuery("select group_id, user_id from group_members where group_id = any(:ids)")
                .bindArray("ids", Long.class, wanted)
                .map((rs, ctx) -> members.computeIfAbsent(rs.getLong("group_id"), k -> new HashSet<>())
                        .add(UserId.of(rs.getLong("user_id")))).list();
        return names.entrySet().stream()
                .map(e -> new Group(GroupId.of(e.getKey()), e.getValue(), members.getOrDefault(e.getKey(), Set.of())))
                .toList();
    }
}
