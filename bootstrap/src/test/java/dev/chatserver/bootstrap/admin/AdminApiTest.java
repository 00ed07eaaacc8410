package dev.chatserver.bootstrap.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The administration API over HTTP on the real server: accounts, their sign-ins and the audit log. */
class AdminApiTest {
    private final RunningServer server = RunningServer.inMemory();
    private final ApiClient api = server.client();
    private final String root;

    AdminApiTest() {
        server.get(ProvisionAccounts.class).addUser(AddUserCommand.of("root", "Root Admin", "", "root-password", true));
        root = api.signIn("root", "root-password");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode find(String login) {
        for (JsonNode user : api.send("GET", "/api/v1/admin/users?search=" + login, null, root).json().get("users")) {
            if (user.get("login").asText().equals(login)) {
                return user;
            }
        }
        throw new AssertionError("no user " + login);
    }

    @Test
    void users_are_listed_a_page_at_a_time_and_searched() {
        ApiClient.Response first = api.send("GET", "/api/v1/admin/users?limit=2", null, root);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("users")).hasSize(2);
        long after = first.json().get("next_after").asLong();
        JsonNode rest = api.send("GET", "/api/v1/admin/users?limit=200&after=" + after, null, root).json();
        assertThat(rest.get("next_after").isNull()).isTrue();
        List<String> logins = new ArrayList<>();
        first.json().get("users").forEach(u -> logins.add(u.get("login").asText()));
        rest.get("users").forEach(u -> logins.add(u.get("login").asText()));
        assertThat(logins).contains("lynx", "ocelot", "root").doesNotHaveDuplicates();
        JsonNode searched = api.send("GET", "/api/v1/admin/users?search=LUCID", null, root).json().get("users");
        assertThat(searched).hasSize(1);
        assertThat(searched.get(0).get("login").asText()).isEqualTo("lynx");
        assertThat(searched.get(0).get("disabled").asBoolean()).isFalse();
        assertThat(searched.get(0).get("admin").asBoolean()).isFalse();
    }

    @Test
    void a_created_account_signs_in_and_is_renamed_with_its_partner() {
        ApiClient.Response created = api.send("POST", "/api/v1/admin/users",
                "{\"login\":\"puma\",\"name\":\"Precise Puma\",\"password\":\"puma-password\"}", root);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        long puma = created.json().get("id").asLong();

        ApiClient.Response renamed = api.send("PATCH", "/api/v1/admin/users/" + puma, "{\"name\":\"Puma Renamed\"}", root);

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("Puma Renamed");
        String token = api.signIn("puma", "puma-password");
        assertThat(api.rpc("/web/session/get_session_info", Map.of(), token).result().get("name").asText())
                .isEqualTo("Puma Renamed");
        assertThat(api.send("POST", "/api/v1/admin/users",
                "{\"login\":\"puma\",\"name\":\"Again\",\"password\":\"puma-password\"}", root).status()).isEqualTo(409);
    }

    @Test
    void disabling_ends_the_accounts_tokens_and_its_sign_in_answers_as_a_wrong_password() {
        String token = api.signInAs("lynx");
        long lynx = find("lynx").get("id").asLong();

        ApiClient.Response disabled = api.send("PATCH", "/api/v1/admin/users/" + lynx, "{\"disabled\":true}", root);

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("disabled").asBoolean()).isTrue();
        assertThat(api.rpc("/web/session/get_session_info", Map.of(), token).status()).isEqualTo(401);
        ApiClient.Response signIn = api.rpc("/web/session/authenticate",
                Map.of("login", "lynx", "password", "lynx-demo-password"), null);
        ApiClient.Response wrong = api.rpc("/web/session/authenticate",
                Map.of("login", "ocelot", "password", "not-the-password"), null);
        assertThat(signIn.status()).isEqualTo(wrong.status());
        assertThat(signIn.raw().body()).isEqualTo(wrong.raw().body());

        api.send("PATCH", "/api/v1/admin/users/" + lynx, "{\"disabled\":false}", root);
        assertThat(api.signInAs("lynx")).isNotBlank();
    }

    @Test
    void a_reset_password_replaces_the_old_one_and_ending_sessions_ends_every_token() {
        long ocelot = find("ocelot").get("id").asLong();
        String first = api.signInAs("ocelot");
        String second = api.signInAs("ocelot");

        ApiClient.Response ended = api.send("DELETE", "/api/v1/admin/users/" + ocelot + "/tokens", null, root);

        assertThat(ended.json().get("ended").asInt()).isEqualTo(2);
        assertThat(api.rpc("/web/session/get_session_info", Map.of(), first).status()).isEqualTo(401);
        assertThat(api.rpc("/web/session/get_session_info", Map.of(), second).status()).isEqualTo(401);
        assertThat(api.send("POST", "/api/v1/admin/users/" + ocelot + "/reset_password",
                "{\"password\":\"ocelot-new-password\"}", root).status()).isEqualTo(204);
        assertThat(api.signIn("ocelot", "ocelot-new-password")).isNotBlank();
        assertThat(api.rpc("/web/session/authenticate",
                Map.of("login", "ocelot", "password", "ocelot-demo-password"), null).status()).isEqualTo(401);
    }

    @Test
    void the_audit_log_says_who_did_what_when_and_from_where() {
        long lynx = find("lynx").get("id").asLong();
        api.send("PATCH", "/api/v1/admin/users/" + lynx, "{\"disabled\":true}", root);
        api.send("PATCH", "/api/v1/admin/users/" + lynx, "{\"disabled\":false}", root);

        JsonNode page = api.send("GET", "/api/v1/admin/audit?limit=1", null, root).json();

        JsonNode newest = page.get("entries").get(0);
        assertThat(newest.get("action").asText()).isEqualTo("user.enable");
        assertThat(newest.get("target").asText()).isEqualTo("user:" + lynx);
        assertThat(newest.get("actor_id").asLong()).isEqualTo(find("root").get("id").asLong());
        assertThat(newest.get("client_address").asText()).isEqualTo("127.0.0.1");
        assertThat(newest.get("at").asText()).isNotBlank();
        JsonNode older = api.send("GET", "/api/v1/admin/audit?before=" + page.get("next_before").asLong(), null, root)
                .json().get("entries");
        assertThat(older.get(0).get("action").asText()).isEqualTo("user.disable");
    }

    @Test
    void refusals_are_problem_details_naming_the_field_and_non_administrators_get_403() {
        String lynx = api.signInAs("lynx");
        long ocelot = find("ocelot").get("id").asLong();
        long rootId = find("root").get("id").asLong();

        ApiClient.Response forbidden = api.send("GET", "/api/v1/admin/users", null, lynx);
        ApiClient.Response anonymous = api.send("GET", "/api/v1/admin/audit", null, null);
        ApiClient.Response badLimit = api.send("GET", "/api/v1/admin/users?limit=0", null, root);
        ApiClient.Response unknown = api.send("PATCH", "/api/v1/admin/users/999999", "{\"disabled\":true}", root);
        ApiClient.Response badId = api.send("PATCH", "/api/v1/admin/users/abc", "{\"disabled\":true}", root);
        ApiClient.Response shortPassword = api.send("POST", "/api/v1/admin/users/" + ocelot + "/reset_password",
                "{\"password\":\"short\"}", root);
        ApiClient.Response notBoolean = api.send("PATCH", "/api/v1/admin/users/" + ocelot, "{\"disabled\":\"yes\"}", root);
        ApiClient.Response self = api.send("PATCH", "/api/v1/admin/users/" + rootId, "{\"disabled\":true}", root);

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("field").asText()).isEqualTo("limit");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("field").asText()).isEqualTo("user_id");
        assertThat(badId.json().get("field").asText()).isEqualTo("user_id");
        assertThat(shortPassword.json().get("field").asText()).isEqualTo("password");
        assertThat(notBoolean.json().get("field").asText()).isEqualTo("disabled");
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.json().get("type").asText()).isEqualTo("cannot_disable_self");
    }
}
