package dev.chatserver.domain.im;

import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class MentionsTest {
    private static final UserId LYNX = UserId.of(1);
    private static final UserId OCELOT = UserId.of(2);
    private static final UserId PANGOLIN = UserId.of(3);
    private static final UserId OUTSIDER = UserId.of(4);

    private static List<String> logins(String text) {
        return Mentions.in(text).logins().stream().map(Login::value).toList();
    }

    @Test
    void an_at_sign_starting_a_word_calls_the_login_after_it() {
        assertThat(logins("@lynx hello")).containsExactly("lynx");
        assertThat(logins("hi @ocelot, and (@pangolin)! @lynx.")).containsExactly("ocelot", "pangolin", "lynx");
        assertThat(logins("@john.doe's turn, @a-b_c+d")).containsExactly("john.doe", "a-b_c+d");
        assertThat(logins("@Lynx @lynx @lynx")).as("distinct, as written").containsExactly("Lynx", "lynx");
        assertThat(logins("ask @zoé or @北京")).containsExactly("zoé", "北京");
    }

    @Test
    void emails_and_lone_at_signs_call_nobody() {
        assertThat(logins("write to lynx@zoo.org or a@b.c")).isEmpty();
        assertThat(logins("@ alone, @. and @, and trailing @")).isEmpty();
        assertThat(logins("no at sign at all")).isEmpty();
    }

    @Test
    void a_login_that_is_an_email_is_called_whole() {
        assertThat(logins("thanks @lynx@zoo.org.")).containsExactly("lynx@zoo.org");
    }

    @Test
    void at_most_max_logins_are_called_and_none_longer_than_a_login() {
        String many = IntStream.range(0, Mentions.MAX + 10).mapToObj(i -> "@u" + i).collect(Collectors.joining(" "));
        String tooLong = "@" + "x".repeat(Login.MAX_LENGTH + 1);

        assertThat(Mentions.in(many).logins()).hasSize(Mentions.MAX).first().isEqualTo(new Login("u0"));
        assertThat(logins(tooLong + " @lynx")).containsExactly("lynx");
    }

    @Test
    void only_members_other_than_the_author_are_mentioned_in_id_order() {
        ImSession session = new ImSession(7, UUID.randomUUID(), Instant.EPOCH, Optional.of(GroupId.of(9)),
                Optional.empty(), List.of(Membership.joining(LYNX), Membership.joining(OCELOT),
                Membership.joining(PANGOLIN)));
        Map<Login, UserId> users = Map.of(new Login("lynx"), LYNX, new Login("ocelot"), OCELOT,
                new Login("pangolin"), PANGOLIN, new Login("outsider"), OUTSIDER);

        assertThat(session.mentionsIn("@pangolin @outsider @lynx @nobody @ocelot", users, LYNX))
                .containsExactly(OCELOT, PANGOLIN);
    }

    @Test
    void a_session_decides_a_posts_mentions_among_its_members() {
        ImSession session = new ImSession(7, UUID.randomUUID(), Instant.EPOCH, Optional.empty(), Optional.empty(),
                List.of(Membership.joining(LYNX), Membership.joining(OCELOT)));
        Map<Login, UserId> users = Map.of(new Login("ocelot"), OCELOT, new Login("outsider"), OUTSIDER);

        SessionPosts decided = session.postAll(List.of(PostDraft.plain(LYNX, MessageType.MESSAGE,
                "@ocelot meet @outsider")), List.of(), users, Instant.EPOCH, PostingRights.MEMBERS);

        assertThat(decided.messageOf(0).mentions()).containsExactly(OCELOT);
    }
}
