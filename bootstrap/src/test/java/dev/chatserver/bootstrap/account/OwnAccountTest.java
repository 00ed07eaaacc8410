package dev.chatserver.bootstrap.account;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in user changes their own password and name over JSON-RPC, on the real server. */
class OwnAccountTest {
    private final RunningServer server = RunningServer.inMemory();
    private final ApiClient api = server.client();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void changing_the_password_keeps_this_sign_in_and_ends_every_other() {
        String here = api.signInAs("lynx");
        String elsewhere = api.signInAs("lynx");
        String ocelot = api.signInAs("ocelot");

        ApiClient.Response changed = api.rpc("/web/session/change_password",
                Map.of("old_password", "lynx-demo-password", "new_password", "lynx-new-password"), here);

        assertThat(changed.result().get("status").asText()).isEqualTo("success");
        assertThat(api.rpc("/web/session/get_session_info", Map.of(), here).status()).isEqualTo(200);
        assertThat(api.rpc("/web/session/get_session_info", Map.of(), elsewhere).status()).isEqualTo(401);
        assertThat(api.rpc("/web/session/get_session_info", Map.of(), ocelot).status()).isEqualTo(200);
        assertThat(api.rpc("/web/session/authenticate",
                Map.of("login", "lynx", "password", "lynx-demo-password"), null).status()).isEqualTo(401);
        assertThat(api.signIn("lynx", "lynx-new-password")).isNotBlank();
    }

    @Test
    void a_wrong_old_password_or_a_short_new_one_is_refused_naming_the_field_and_changes_nothing() {
        String token = api.signInAs("lynx");

        ApiClient.Response wrongOld = api.rpc("/web/session/change_password",
                Map.of("old_password", "not-it", "new_password", "lynx-new-password"), token);
        ApiClient.Response shortNew = api.rpc("/web/session/change_password",
                Map.of("old_password", "lynx-demo-password", "new_password", "short"), token);
        ApiClient.Response anonymous = api.rpc("/web/session/change_password",
                Map.of("old_password", "lynx-demo-password", "new_password", "lynx-new-password"), null);

        assertThat(wrongOld.result().get("field").asText()).isEqualTo("old_password");
        assertThat(shortNew.result().get("field").asText()).isEqualTo("new_password");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(api.signInAs("lynx")).isNotBlank();
    }

    @Test
    void setting_the_profile_renames_the_user_for_every_later_answer() {
        String token = api.signInAs("lynx");

        ApiClient.Response renamed = api.rpc("/im_chat/api/set_profile", Map.of("name", "  Lynx Renamed "), token);
        ApiClient.Response blank = api.rpc("/im_chat/api/set_profile", Map.of("name", " "), token);

        assertThat(renamed.result().get("name").asText()).isEqualTo("Lynx Renamed");
        assertThat(api.rpc("/web/session/get_session_info", Map.of(), token).result().get("name").asText())
                .isEqualTo("Lynx Renamed");
        assertThat(blank.result().get("field").asText()).isEqualTo("name");
    }

    @Test
    void a_rename_reaches_the_other_members_of_the_users_sessions_live_as_the_session_they_read() {
        String lynx = api.signInAs("lynx");
        String ocelot = api.signInAs("ocelot");
        long ocelotId = api.rpc("/web/session/get_session_info", Map.of(), ocelot).result().get("uid").asLong();
        String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), lynx)
                .result().get("uuid").asText();
        JsonNode before = api.rpc("/longpolling/poll", Map.of("channels", List.of("user:" + ocelotId), "last", 0),
                ocelot).result();
        long last = before.get(before.size() - 1).get("id").asLong();

        api.rpc("/im_chat/api/set_profile", Map.of("name", "Lynx Renamed"), lynx);

        JsonNode told = api.rpc("/longpolling/poll", Map.of("channels", List.of("user:" + ocelotId), "last", last),
                ocelot).result();
        List<String> sessions = new java.util.ArrayList<>();
        told.forEach(notification -> {
            if ("im_chat.session".equals(notification.path("message").path("type").asText())) {
                sessions.add(notification.get("message").toString());
            }
        });
        assertThat(sessions).as(told.toString()).anySatisfy(session -> assertThat(session).contains(uuid, "Lynx Renamed"));
    }
}
