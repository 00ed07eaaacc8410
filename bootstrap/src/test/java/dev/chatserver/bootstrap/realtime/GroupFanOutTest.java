package dev.chatserver.bootstrap.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.adapter.jdbc.DatabaseSettings;
import dev.chatserver.adapter.jdbc.PostgresTestDatabases;
import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.NotificationLog;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A post to a 1,000-member group over HTTP, on PostgreSQL: one row in the notification log, delivered to each
 * connected member on their own channel (WebSocket and long-poll), not to a member removed since, and resumed
 * exactly from a last id.
 */
class GroupFanOutTest {
    private static final int MEMBERS = 1_000;

    private final DatabaseSettings database = PostgresTestDatabases.newDatabase(4);
    private RunningServer server;
    private ApiClient api;
    private String lynx;
    private String ocelot;
    private String support;

    @BeforeEach
    void start() {
        server = RunningServer.start(List.of("--storage", "postgres", "--db-url", database.url(), "--db-user",
                database.user(), "--db-pool-size", "4", "--demo", "--user-budgets", "off"));
        api = server.client();
        lynx = api.signInAs("lynx");
        ocelot = api.signInAs("ocelot");
        support = api.signInAs("support");
    }

    @AfterEach
    void stop() {
        server.close();
        PostgresTestDatabases.drop(database);
    }

    private long uid(String token) {
        return api.rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
    }

    private JsonNode im(String route, Map<String, Object> params, String token) {
        ApiClient.Response response = api.rpc("/im_chat/api/" + route, params, token);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        JsonNode result = response.result();
        assertThat(result.path("status").asText()).as(result.toString()).isNotEqualTo("error");
        return result;
    }

    private JsonNode post(String uuid, String text, String token) {
        return api.rpc("/im_chat/post", Map.of("uuid", uuid, "message_type", "message", "message_content", text), token)
                .result();
    }

    /** A group of lynx, ocelot, support and 997 more people who never connect: 1,000 members. */
    private String thousandMemberGroup() {
        AccountRegistry accounts = server.get(AccountRegistry.class);
        List<Long> others = new ArrayList<>(List.of(uid(ocelot), uid(support)));
        for (int i = 0; others.size() < MEMBERS - 1; i++) {
            others.add(accounts.register(new NewUser(new Login("member" + i), "Member " + i, ""), "unusable").id().value());
        }
        String uuid = im("group/create", Map.of("name", "Everyone", "user_ids", others.subList(0, 199)), lynx)
                .get("uuid").asText();
        for (int from = 199; from < others.size(); from += 200) {
            im("group/add_members", Map.of("uuid", uuid, "user_ids", others.subList(from, Math.min(from + 200, others.size()))),
                    lynx);
        }
        return uuid;
    }

    private long rows(String where) {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), "");
             PreparedStatement count = c.prepareStatement("select count(*) from bus_notifications where " + where)) {
            ResultSet rs = count.executeQuery();
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long lastId() {
        return server.get(NotificationLog.class).lastId();
    }

    @Test
    void a_post_to_a_thousand_members_is_one_row_heard_by_each_member_on_their_own_channel_and_resumed_exactly() {
        String group = thousandMemberGroup();
        long ocelotId = uid(ocelot);
        long supportId = uid(support);
        String lynxAndSupport = im("get_or_create_session", Map.of("user_to", supportId), lynx).get("uuid").asText();
        long before = lastId();

        try (WsClient ocelotWs = WsClient.connect(api.baseUrl(), ocelot);
             WsClient supportWs = WsClient.connect(api.baseUrl(), support)) {
            ocelotWs.subscribe(List.of("user:" + ocelotId), before);
            supportWs.subscribe(List.of("user:" + supportId), before);

            post(group, "hello a thousand", lynx);

            JsonNode heardByOcelot = ocelotWs.awaitNotifications(1).get(0);
            JsonNode heardBySupport = supportWs.awaitNotifications(1).get(0);
            // the two sockets' presence (online) is news of its own, on their presence channels
            assertThat(rows("id > " + before + " and channel not like 'presence:%'")).as("one row for 1,000 members")
                    .isEqualTo(1);
            assertThat(heardByOcelot.get("channel").asText()).isEqualTo("user:" + ocelotId);
            assertThat(heardBySupport.get("channel").asText()).isEqualTo("user:" + supportId);
            assertThat(heardByOcelot.get("id").asLong()).isEqualTo(heardBySupport.get("id").asLong());
            assertThat(heardByOcelot.get("message").get("type").asText()).isEqualTo("im_chat.message");
            assertThat(heardByOcelot.get("message").get("message").get("message").asText()).isEqualTo("hello a thousand");
            assertThat(heardBySupport.get("message")).isEqualTo(heardByOcelot.get("message"));
            JsonNode polled = api.rpc("/longpolling/poll", Map.of("channels", List.of(), "last", before), support).result();
            assertThat(polled).extracting(n -> n.get("id").asLong()).containsExactly(heardBySupport.get("id").asLong());
            assertThat(polled.get(0).get("channel").asText()).isEqualTo("user:" + supportId);

            im("group/remove_member", Map.of("uuid", group, "user_id", supportId), lynx);
            List<JsonNode> toldWhy = supportWs.awaitNotifications(1);
            assertThat(toldWhy.get(0).get("message").get("message").get("message").asText()).contains("removed");
            post(group, "without support", lynx);
            post(lynxAndSupport, "just us", lynx);

            JsonNode next = supportWs.awaitNotifications(1).get(0);
            assertThat(next.get("message").get("message").get("message").asText())
                    .as("nothing of the group after the removal").isEqualTo("just us");
            List<String> ocelotHeard = new ArrayList<>();
            while (!ocelotHeard.contains("without support")) {
                ocelotWs.awaitNotifications(1).forEach(n -> ocelotHeard.add(n.get("message").path("message").path("message").asText()));
            }
        }

        List<String> liveIds = new ArrayList<>();
        try (WsClient resumed = WsClient.connect(api.baseUrl(), ocelot)) {
            resumed.subscribe(List.of("user:" + ocelotId), before);
            List<JsonNode> all = new ArrayList<>();
            while (all.stream().noneMatch(n -> "without support".equals(n.get("message").path("message").path("message").asText()))) {
                all.addAll(resumed.awaitNotifications(1));
            }
            all.forEach(n -> liveIds.add(n.get("id").asText()));
            assertThat(all).extracting(n -> n.get("channel").asText()).containsOnly("user:" + ocelotId);
            List<String> texts = all.stream().filter(n -> "im_chat.message".equals(n.get("message").get("type").asText()))
                    .map(n -> n.get("message").get("message").get("message").asText()).toList();
            assertThat(texts).hasSize(3);
            assertThat(texts.get(0)).isEqualTo("hello a thousand");
            assertThat(texts.get(1)).startsWith("Lucid Lynx removed");
            assertThat(texts.get(2)).isEqualTo("without support");
            assertThat(liveIds).doesNotHaveDuplicates().isSorted();
        }
        JsonNode polledAgain = api.rpc("/longpolling/poll", Map.of("channels", List.of(), "last", before), ocelot).result();
        assertThat(polledAgain).extracting(n -> n.get("id").asText()).containsExactlyElementsOf(liveIds);
    }

    @Test
    void deleting_a_post_to_a_thousand_members_rewrites_one_row() {
        String group = thousandMemberGroup();
        long id = post(group, "regrettable", lynx).get("message_id").asLong();
        assertThat(rows("message like '%regrettable%'")).isEqualTo(1);

        long before = lastId();
        im("delete_message", Map.of("message_id", id), lynx);

        assertThat(rows("message like '%regrettable%'")).isZero();
        assertThat(rows("id > " + before)).as("the deletion, once for all members").isEqualTo(1);
    }
}
