package dev.chatserver.application.contract;

import dev.chatserver.application.account.HashingLimits;
import dev.chatserver.application.account.SignInPolicy;
import dev.chatserver.application.account.SignInService;
import dev.chatserver.application.account.SignInThrottling;
import dev.chatserver.application.admin.AdminActions;
import dev.chatserver.application.admin.AdministerUsersService;
import dev.chatserver.application.admin.ReadAuditLogService;
import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.SignInCommand;
import dev.chatserver.application.port.in.admin.Administrator;
import dev.chatserver.application.port.in.admin.AuditPage;
import dev.chatserver.application.port.in.admin.CreateUserCommand;
import dev.chatserver.application.port.in.admin.EndSessionsCommand;
import dev.chatserver.application.port.in.admin.ListUsersCommand;
import dev.chatserver.application.port.in.admin.ReadAuditCommand;
import dev.chatserver.application.port.in.admin.ResetPasswordCommand;
import dev.chatserver.application.port.in.admin.UpdateUserCommand;
import dev.chatserver.application.port.in.admin.UserPage;
import dev.chatserver.application.port.in.realtime.EndConnections;
import dev.chatserver.application.port.in.view.AccountView;
import dev.chatserver.application.port.in.view.AuditEntry;
import dev.chatserver.application.port.out.AccountStandings;
import dev.chatserver.domain.account.AccountStanding;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.NotFound;
import dev.chatserver.domain.problem.Unauthenticated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accounts' standing, renames, passwords, their list and the audit log, and the administration on top of them. */
public abstract class AdministrationContract extends StorageContract {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final PlainPasswordHasher HASHER = new PlainPasswordHasher();
    private static final EndConnections NO_CONNECTIONS = new EndConnections() {
        @Override
        public void sessionEnded(String tokenHash) {
        }

        @Override
        public void endLapsedSessions() {
        }
    };
    private final MutableClock clock = new MutableClock(NOW);
    private SignInService signIn;
    private AdministerUsersService admin;
    private ReadAuditLogService auditLog;
    private Administrator root;
    private User lynx;

    @BeforeEach
    void wire() {
        signIn = new SignInService(ports().users(), ports().accounts(), ports().signInTokens(), HASHER,
                new SignInPolicy(Duration.ofHours(1), Duration.ofSeconds(5)), clock, ports().signInFailures(),
                SignInThrottling.DEFAULT, HashingLimits.DEFAULT, NO_CONNECTIONS, ports().standings());
        AdminActions actions = new AdminActions(ports().standings(), ports().users(), ports().audit(), clock);
        admin = new AdministerUsersService(actions, ports().standings(), ports().accounts(), ports().users(), HASHER,
                ports().transactions(), signIn);
        auditLog = new ReadAuditLogService(actions, ports().audit());
        root = new Administrator(registered("root", "Root Admin", true).id(), "203.0.113.7");
        lynx = registered("lynx", "Lucid Lynx", false);
    }

    private User registered(String login, String name, boolean administrator) {
        User user = ports().accounts().register(new NewUser(new Login(login), name, ""),
                HASHER.hash((login + "-password").toCharArray()));
        if (administrator) {
            ports().standings().save(AccountStanding.ordinary(user.id()).grantedAdmin());
        }
        return user;
    }

    @Test
    void a_registered_account_is_ordinary_until_its_standing_is_saved() {
        AccountStandings standings = ports().standings();
        assertThat(standings.standing(lynx.id())).contains(AccountStanding.ordinary(lynx.id()));
        assertThat(standings.standing(UserId.of(999_999))).isEmpty();

        ports().transactions().inTransaction(() -> {
            AccountStanding locked = standings.lockStanding(lynx.id()).orElseThrow();
            standings.save(new AccountStanding(locked.user(), true, true));
        });

        assertThat(standings.standing(lynx.id())).contains(new AccountStanding(lynx.id(), true, true));
    }

    @Test
    void a_rename_changes_the_user_and_its_partner_for_every_reader() {
        ports().users().user(lynx.id()); // remembered by a storage that remembers users
        ports().standings().rename(lynx.id(), "Lynx Renamed");

        assertThat(ports().users().user(lynx.id()).orElseThrow().name()).isEqualTo("Lynx Renamed");
        assertThat(ports().users().users(List.of(lynx.id())).get(0).partner().name()).isEqualTo("Lynx Renamed");
        assertThat(ports().users().userByPartner(lynx.partner().id()).orElseThrow().name()).isEqualTo("Lynx Renamed");
    }

    @Test
    void an_avatar_is_kept_per_account_and_replaced_by_the_next_one() {
        AccountStandings standings = ports().standings();
        assertThat(standings.avatar(lynx.id())).isEmpty();

        ports().transactions().inTransaction(() -> standings.setAvatar(lynx.id(), "a".repeat(64)));
        ports().transactions().inTransaction(() -> standings.setAvatar(lynx.id(), "b".repeat(64)));

        assertThat(standings.avatar(lynx.id())).contains("b".repeat(64));
        assertThat(standings.avatar(root.user())).isEmpty();
        assertThat(standings.avatar(UserId.of(999_999))).isEmpty();
    }

    @Test
    void accounts_are_paged_in_id_order_and_searched_by_login_or_name_ignoring_case() {
        User ocelot = registered("ocelot", "Oneiric Ocelot", false);
        User percent = registered("per%cent", "Under_Score", false);
        AccountStandings standings = ports().standings();

        assertThat(standings.page(Optional.empty(), 0, 2)).extracting(view -> view.user().login().value())
                .containsExactly("root", "lynx");
        assertThat(standings.page(Optional.empty(), lynx.id().value(), 10)).extracting(AccountView::user)
                .containsExactly(ocelot, percent);
        assertThat(standings.page(Optional.of("LYNX"), 0, 10)).extracting(AccountView::user).containsExactly(lynx);
        assertThat(standings.page(Optional.of("ocelot"), 0, 10)).extracting(AccountView::user).containsExactly(ocelot);
        assertThat(standings.page(Optional.of("%"), 0, 10)).extracting(AccountView::user).containsExactly(percent);
        assertThat(standings.page(Optional.of("r_c"), 0, 10)).isEmpty(); // "_" is no wildcard: "per%cent" has "r%c"
        assertThat(standings.page(Optional.of("_s"), 0, 10)).extracting(AccountView::user).containsExactly(percent);
        assertThat(standings.page(Optional.empty(), 0, 10).get(0).standing().admin()).isTrue();
    }

    @Test
    void revoking_every_token_of_a_user_keeps_the_one_asked_and_everyone_elses() {
        ports().signInTokens().store("a".repeat(64), lynx.id(), NOW.plusSeconds(60));
        ports().signInTokens().store("b".repeat(64), lynx.id(), NOW.plusSeconds(60));
        ports().signInTokens().store("c".repeat(64), lynx.id(), NOW.plusSeconds(60));
        ports().signInTokens().store("d".repeat(64), root.user(), NOW.plusSeconds(60));

        assertThat(ports().signInTokens().revokeAllOf(lynx.id(), "c".repeat(64)))
                .containsExactlyInAnyOrder("a".repeat(64), "b".repeat(64));

        assertThat(ports().signInTokens().liveAmong(List.of("a".repeat(64), "b".repeat(64), "c".repeat(64),
                "d".repeat(64)), NOW)).containsExactlyInAnyOrder("c".repeat(64), "d".repeat(64));
    }

    @Test
    void the_audit_log_reads_newest_first_a_page_at_a_time() {
        for (int n = 1; n <= 5; n++) {
            ports().audit().record(NOW.plusSeconds(n), root.user(), "user.rename", "user:" + n, "detail " + n,
                    n == 5 ? null : "203.0.113.7");
        }

        List<AuditEntry> newest = ports().audit().newestFirst(OptionalLong.empty(), 2);
        assertThat(newest).extracting(AuditEntry::target).containsExactly("user:5", "user:4");
        assertThat(newest.get(0).at()).isEqualTo(NOW.plusSeconds(5));
        assertThat(newest.get(0).clientAddress()).isNull();
        assertThat(newest.get(1).clientAddress()).isEqualTo("203.0.113.7");
        assertThat(ports().audit().newestFirst(OptionalLong.of(newest.get(1).id()), 10))
                .extracting(AuditEntry::target).containsExactly("user:3", "user:2", "user:1");
    }

    @Test
    void a_disabled_account_loses_its_tokens_and_its_sign_in_answers_as_a_wrong_password() {
        String token = signIn.signIn(SignInCommand.of("lynx", "lynx-password")).token();

        AccountView disabled = admin.update(new UpdateUserCommand(root, lynx.id(), Optional.empty(), Optional.of(true)));

        assertThat(disabled.standing().disabled()).isTrue();
        assertThatThrownBy(() -> signIn.authenticate(token)).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> signIn.signIn(SignInCommand.of("lynx", "lynx-password")))
                .isInstanceOf(Unauthenticated.class).hasMessage("wrong login or password");

        admin.update(new UpdateUserCommand(root, lynx.id(), Optional.empty(), Optional.of(false)));
        assertThat(signIn.signIn(SignInCommand.of("lynx", "lynx-password")).user()).isEqualTo(lynx);
        assertThat(auditLog.read(new ReadAuditCommand(root, OptionalLong.empty(), 10)).entries())
                .extracting(AuditEntry::action).containsExactly("user.enable", "user.disable");
    }

    @Test
    void only_an_administrator_administers() {
        Administrator plain = new Administrator(lynx.id(), null);

        assertThatThrownBy(() -> admin.list(new ListUsersCommand(plain, Optional.empty(), 0, 10)))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> admin.update(new UpdateUserCommand(plain, root.user(), Optional.empty(),
                Optional.of(true)))).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> auditLog.read(new ReadAuditCommand(plain, OptionalLong.empty(), 10)))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> admin.endSessions(new EndSessionsCommand(root, UserId.of(999_999))))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.field()).isEqualTo("user"));
        assertThat(ports().standings().standing(root.user()).orElseThrow().disabled()).isFalse();
        assertThat(ports().audit().newestFirst(OptionalLong.empty(), 10)).isEmpty();
    }

    @Test
    void an_administrator_creates_renames_resets_and_ends_sessions_each_audited_with_its_address() {
        AccountView puma = admin.create(new CreateUserCommand(root,
                AddUserCommand.of("puma", "Precise Puma", "", "puma-password", true)));
        String token = signIn.signIn(SignInCommand.of("puma", "puma-password")).token();
        admin.update(new UpdateUserCommand(root, puma.user().id(), Optional.of("Puma Renamed"), Optional.empty()));
        admin.resetPassword(new ResetPasswordCommand(root, puma.user().id(), "new-password".toCharArray()));

        assertThat(puma.standing().admin()).isTrue();
        assertThatThrownBy(() -> signIn.authenticate(token)).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> signIn.signIn(SignInCommand.of("puma", "puma-password")))
                .isInstanceOf(Unauthenticated.class);
        signIn.signIn(SignInCommand.of("puma", "new-password"));
        signIn.signIn(SignInCommand.of("puma", "new-password"));
        assertThat(admin.endSessions(new EndSessionsCommand(root, puma.user().id()))).isEqualTo(2);
        UserPage found = admin.list(new ListUsersCommand(root, Optional.of("renamed"), 0, 10));
        assertThat(found.users()).extracting(view -> view.user().name()).containsExactly("Puma Renamed");
        AuditPage audit = auditLog.read(new ReadAuditCommand(root, OptionalLong.empty(), 3));
        assertThat(audit.entries()).extracting(AuditEntry::action)
                .containsExactly("user.end_sessions", "user.reset_password", "user.rename");
        assertThat(audit.entries()).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo(root.user());
            assertThat(entry.clientAddress()).isEqualTo("203.0.113.7");
            assertThat(entry.target()).isEqualTo("user:" + puma.user().id());
        });
        assertThat(auditLog.read(new ReadAuditCommand(root, audit.nextBefore(), 3)).entries())
                .extracting(AuditEntry::action).containsExactly("user.create");
    }

    @Test
    void two_administrators_disabling_each_other_at_once_leave_one_of_them_enabled() throws Exception {
        for (int round = 0; round < 5; round++) {
            User a = registered("a" + round, "A", true);
            User b = registered("b" + round, "B", true);
            List<Object> outcomes = Race.of(
                    () -> admin.update(new UpdateUserCommand(new Administrator(a.id(), null), b.id(), Optional.empty(),
                            Optional.of(true))),
                    () -> admin.update(new UpdateUserCommand(new Administrator(b.id(), null), a.id(), Optional.empty(),
                            Optional.of(true))));

            assertThat(outcomes).filteredOn(AccessDenied.class::isInstance).hasSize(1);
            boolean aDisabled = ports().standings().standing(a.id()).orElseThrow().disabled();
            boolean bDisabled = ports().standings().standing(b.id()).orElseThrow().disabled();
            assertThat(aDisabled ^ bDisabled).as("exactly one disabled").isTrue();
        }
    }

    @Test
    void racing_disable_and_enable_leave_the_standing_the_audit_log_says_last() throws Exception {
        Administrator other = new Administrator(registered("other", "Other Admin", true).id(), null);
        for (int round = 0; round < 5; round++) {
            Race.of(() -> admin.update(new UpdateUserCommand(root, lynx.id(), Optional.empty(), Optional.of(true))),
                    () -> admin.update(new UpdateUserCommand(other, lynx.id(), Optional.empty(), Optional.of(false))));

            boolean disabled = ports().standings().standing(lynx.id()).orElseThrow().disabled();
            List<AuditEntry> last = ports().audit().newestFirst(OptionalLong.empty(), 1);
            if (!last.isEmpty()) {
                assertThat(last.get(0).action()).isEqualTo(disabled ? "user.disable" : "user.enable");
            } else {
                assertThat(disabled).isFalse();
            }
        }
    }
}
