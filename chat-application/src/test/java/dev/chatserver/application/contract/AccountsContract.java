package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.Group;
import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.AlreadyExists;
import dev.chatserver.domain.problem.NotFound;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public abstract class AccountsContract extends StorageContract {


    @Test
    void a_registered_user_gets_an_id_and_a_partner_of_its_own() {
        User lynx = newUser("lynx", "Lucid Lynx");
        User ocelot = newUser("ocelot", "Oneiric Ocelot");

        assertThat(lynx.id()).isNotEqualTo(ocelot.id());
        assertThat(lynx.partner().id()).isNotEqualTo(ocelot.partner().id());
        assertThat(lynx.partner().name()).isEqualTo("Lucid Lynx");
        assertThat(ports().users().user(lynx.id())).contains(lynx);
        assertThat(ports().users().userByLogin(new Login("ocelot"))).contains(ocelot);
        assertThat(ports().users().userByPartner(ocelot.partner().id())).contains(ocelot);
        assertThat(ports().accounts().passwordHash(lynx.id())).contains("hash-of-lynx");
    }

    @Test
    void users_are_found_by_their_partners_in_one_read_unknown_partners_left_out() {
        User lynx = newUser("lynx", "Lucid Lynx");
        User ocelot = newUser("ocelot", "Oneiric Ocelot");
        newUser("puma", "Precise Puma");

        assertThat(ports().users().usersByPartners(List.of(ocelot.partner().id(), lynx.partner().id(),
                PartnerId.of(999_999), ocelot.partner().id()))).containsExactly(lynx, ocelot);
        assertThat(ports().users().usersByPartners(List.of())).isEmpty();
    }

    @Test
    void a_login_is_registered_once() {
        newUser("lynx", "Lucid Lynx");

        assertThatThrownBy(() -> newUser("lynx", "Another Lynx"))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> assertThat(e.field()).isEqualTo("login"));
        assertThat(ports().users().allUsers()).hasSize(1);
    }

    @Test
    void unknown_users_are_absent_rather_than_errors() {
        User lynx = newUser("lynx", "Lucid Lynx");
        UserDirectory directory = ports().users();

        assertThat(directory.user(UserId.of(999))).isEmpty();
        assertThat(directory.userByLogin(new Login("nobody"))).isEmpty();
        assertThat(directory.users(List.of(UserId.of(999), lynx.id()))).containsExactly(lynx);
    }

    @Test
    void users_are_listed_in_id_order() {
        User a = newUser("a", "A");
        User b = newUser("b", "B");
        User c = newUser("c", "C");

        assertThat(ports().users().allUsers()).containsExactly(a, b, c);
        assertThat(ports().users().users(List.of(c.id(), a.id()))).containsExactly(a, c);
    }

    @Test
    void groups_gather_members_once_each() {
        User lynx = newUser("lynx", "Lucid Lynx");
        User ocelot = newUser("ocelot", "Oneiric Ocelot");
        AccountRegistry registry = ports().accounts();
        Group news = registry.createGroup("News");

        registry.addMember(news.id(), lynx.id());
        registry.addMember(news.id(), ocelot.id());
        Group twice = registry.addMember(news.id(), lynx.id());

        assertThat(twice.members()).containsExactlyInAnyOrder(lynx.id(), ocelot.id());
        Group read = ports().users().group(news.id()).orElseThrow();
        assertThat(read.name()).isEqualTo("News");
        assertThat(read.members()).containsExactlyInAnyOrder(lynx.id(), ocelot.id());
        assertThat(ports().users().groupsNamed("News")).containsExactly(read);
        assertThat(ports().users().groups(List.of(news.id(), GroupId.of(999)))).containsExactly(read);
    }

    @Test
    void a_member_joins_only_a_group_and_a_user_that_exist() {
        User lynx = newUser("lynx", "Lucid Lynx");
        Group news = ports().accounts().createGroup("News");

        assertThatThrownBy(() -> ports().accounts().addMember(GroupId.of(999), lynx.id()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> ports().accounts().addMember(news.id(), UserId.of(999)))
                .isInstanceOf(NotFound.class);
        assertThat(ports().users().group(news.id()).orElseThrow().members()).isEmpty();
    }

    @Test
    void a_group_name_is_taken_once() {
        Group news = ports().accounts().createGroup("News");

        assertThatThrownBy(() -> ports().accounts().createGroup("News"))
                .isInstanceOfSatisfying(AlreadyExists.class, e -> {
                    assertThat(e.kind()).isEqualTo("group_name_taken");
                    assertThat(e.field()).isEqualTo("name");
                });
        assertThat(ports().users().groupsNamed("News")).containsExactly(news);
        assertThat(ports().accounts().createGroup("news").name()).isEqualTo("news");
    }

    @Test
    void racing_creations_of_one_group_name_make_one_group() throws Exception {
        int racers = 8;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Object>> outcomes = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        return ports().transactions().inTransaction(
                                () -> ports().accounts().createGroup("News"));
                    } catch (AlreadyExists e) {
                        return e.kind();
                    }
                }));
            }
            List<Object> results = new ArrayList<>();
            for (Future<Object> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).filteredOn(Group.class::isInstance).hasSize(1);
            assertThat(results).filteredOn("group_name_taken"::equals).hasSize(racers - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ports().users().groupsNamed("News")).hasSize(1);
    }
}
