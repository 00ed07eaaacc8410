package dev.chatserver.domain.account;

import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.Refused;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountStandingTest {
    private final AccountStanding admin = new AccountStanding(UserId.of(1), true, false);
    private final AccountStanding lynx = AccountStanding.ordinary(UserId.of(2));

    @Test
    void an_administrator_disables_and_enables_an_account() {
        AccountStanding disabled = lynx.disabledBy(admin, true);

        assertThat(disabled.disabled()).isTrue();
        assertThat(disabled.disabledBy(admin, false).disabled()).isFalse();
    }

    @Test
    void only_an_enabled_administrator_administers() {
        AccountStanding ocelot = AccountStanding.ordinary(UserId.of(3));
        AccountStanding disabledAdmin = new AccountStanding(UserId.of(4), true, true);

        assertThatThrownBy(() -> lynx.disabledBy(ocelot, true)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(disabledAdmin::requireAdministrator).isInstanceOf(AccessDenied.class);
        admin.requireAdministrator();
    }

    @Test
    void an_administrator_cannot_disable_themself() {
        assertThatThrownBy(() -> admin.disabledBy(admin, true))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.kind()).isEqualTo("cannot_disable_self"));
        assertThat(admin.disabledBy(admin, false).disabled()).isFalse();
    }

    @Test
    void granting_the_role_keeps_whether_the_account_is_disabled() {
        assertThat(lynx.grantedAdmin()).isEqualTo(new AccountStanding(UserId.of(2), true, false));
    }
}
