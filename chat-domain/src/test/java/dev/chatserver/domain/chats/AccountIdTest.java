package dev.chatserver.domain.chats;

import dev.chatserver.domain.problem.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountIdTest {
    private final AccountId aOfBc = new AccountId("a", "b.c");
    private final AccountId abOfC = new AccountId("a.b", "c");

    @Test
    void two_pairs_that_read_alike_are_two_accounts_with_two_keys() {
        assertThat(aOfBc.toString()).isEqualTo(abOfC.toString());

        assertThat(aOfBc).isNotEqualTo(abOfC);
        assertThat(aOfBc.key()).isNotEqualTo(abOfC.key());
    }

    @Test
    void a_key_reads_back_as_its_pair() {
        for (AccountId account : new AccountId[]{aOfBc, abOfC, new AccountId("12:x.y", "z:1.w"),
                new AccountId("backend", "svc.example.org")}) {
            assertThat(AccountId.fromKey(account.key())).isEqualTo(account);
        }
        assertThat(new AccountId("backend", "svc.example.org").key()).isEqualTo("7:backend.svc.example.org");
    }

    @Test
    void a_text_that_is_no_key_is_refused() {
        for (String text : new String[]{"backend.svc.example.org", "9:backend.svc", "x:a.b", "1:ab", "0:.b"}) {
            assertThatThrownBy(() -> AccountId.fromKey(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void each_part_is_bounded() {
        assertThatThrownBy(() -> new AccountId("x".repeat(AccountId.MAX_PART_LENGTH + 1), "c"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new AccountId("a", "x".repeat(AccountId.MAX_PART_LENGTH + 1)))
                .isInstanceOf(InvalidInput.class);
    }
}
