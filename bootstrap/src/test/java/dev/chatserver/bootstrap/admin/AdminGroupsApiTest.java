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

import static org.assertj.core.api.Assertions.assertThat;

/** The administration of the provisioned user groups over HTTP on the real server, audited. */
class AdminGroupsApiTest {
    private final RunningServer server = RunningServer.inMemory();
    private final ApiClient api = server.client();
    private final String root;
    private final long lynx;

    AdminGroupsApiTest() {
        server.get(ProvisionAccounts.class).addUser(AddUserCommand.of("root", "Root Admin", "", "root-password", true));
        root = api.signIn("root", "root-password");
        lynx = api.send("GET", "/api/v1/admin/users?search=lynx", null, root).json().get("users").get(0).get("id")
                .asLong();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long created(String name) {
        ApiClient.Response created = api.send("POST", "/api/v1/admin/groups", "{\"name\":\"" + name + "\"}", root);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    @Test
    void a_group_is_created_renamed_and_given_and_relieved_of_a_member_each_audited() {
        long sales = created("Sales");

        ApiClient.Response renamed = api.send("PATCH", "/api/v1/admin/groups/" + sales, "{\"name\":\"Sales EMEA\"}",
                root);
        ApiClient.Response added = api.send("POST", "/api/v1/admin/groups/" + sales + "/members/" + lynx, null, root);
        JsonNode listed = api.send("GET", "/api/v1/admin/groups?search=emea", null, root).json();
        ApiClient.Response removed = api.send("DELETE", "/api/v1/admin/groups/" + sales + "/members/" + lynx, null,
                root);

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("Sales EMEA");
        assertThat(added.json().get("member_ids")).extracting(JsonNode::asLong).containsExactly(lynx);
        assertThat(listed.get("groups")).hasSize(1);
        assertThat(listed.get("groups").get(0).get("member_ids")).extracting(JsonNode::asLong).containsExactly(lynx);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("member_ids")).isEmpty();
        List<String> actions = new ArrayList<>();
        api.send("GET", "/api/v1/admin/audit?limit=4", null, root).json().get("entries")
                .forEach(entry -> actions.add(entry.get("action").asText() + " " + entry.get("target").asText()));
        assertThat(actions).containsExactly("group.remove_member group:" + sales, "group.add_member group:" + sales,
                "group.rename group:" + sales, "group.create group:" + sales);
    }

    @Test
    void a_member_added_here_opens_the_groups_session() {
        long sales = created("Sales");
        api.send("POST", "/api/v1/admin/groups/" + sales + "/members/" + lynx, null, root);

        ApiClient.Response opened = api.rpc("/im_chat/api/get_or_create_session_group", java.util.Map.of("group", sales),
                api.signInAs("lynx"));

        assertThat(opened.status()).as(opened.raw().body()).isEqualTo(200);
        assertThat(opened.result().has("uuid")).as(opened.raw().body()).isTrue();
    }

    @Test
    void groups_are_listed_a_page_at_a_time() {
        for (int n = 1; n <= 3; n++) {
            created("Group " + n);
        }
        JsonNode first = api.send("GET", "/api/v1/admin/groups?limit=2", null, root).json();
        JsonNode rest = api.send("GET", "/api/v1/admin/groups?limit=2&after=" + first.get("next_after").asLong(),
                null, root).json();

        assertThat(first.get("groups")).extracting(group -> group.get("name").asText()).hasSize(2);
        assertThat(rest.get("groups")).extracting(group -> group.get("name").asText()).contains("Group 3");
        assertThat(rest.get("next_after").isNull()).isTrue();
    }

    @Test
    void refusals_are_problem_details_naming_the_field_and_non_administrators_get_403() {
        long sales = created("Sales");
        created("Ops");

        ApiClient.Response forbidden = api.send("POST", "/api/v1/admin/groups", "{\"name\":\"Mine\"}",
                api.signInAs("lynx"));
        ApiClient.Response taken = api.send("PATCH", "/api/v1/admin/groups/" + sales, "{\"name\":\"Ops\"}", root);
        ApiClient.Response blank = api.send("POST", "/api/v1/admin/groups", "{\"name\":\"  \"}", root);
        ApiClient.Response tooLong = api.send("POST", "/api/v1/admin/groups",
                "{\"name\":\"" + "n".repeat(201) + "\"}", root);
        ApiClient.Response unknownGroup = api.send("POST", "/api/v1/admin/groups/999999/members/" + lynx, null, root);
        ApiClient.Response unknownUser = api.send("DELETE", "/api/v1/admin/groups/" + sales + "/members/999999",
                null, root);
        ApiClient.Response badId = api.send("PATCH", "/api/v1/admin/groups/abc", "{\"name\":\"x\"}", root);
        ApiClient.Response badSearch = api.send("GET", "/api/v1/admin/groups?search=" + "s".repeat(101), null, root);

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("type").asText()).isEqualTo("group_name_taken");
        assertThat(blank.json().get("field").asText()).isEqualTo("name");
        assertThat(tooLong.json().get("field").asText()).isEqualTo("name");
        assertThat(unknownGroup.status()).isEqualTo(404);
        assertThat(unknownGroup.json().get("field").asText()).isEqualTo("group_id");
        assertThat(unknownUser.status()).isEqualTo(404);
        assertThat(unknownUser.json().get("field").asText()).isEqualTo("user_id");
        assertThat(badId.json().get("field").asText()).isEqualTo("group_id");
        assertThat(badSearch.json().get("field").asText()).isEqualTo("search");
        assertThat(api.send("GET", "/api/v1/admin/groups", null, root).json().get("groups"))
                .extracting(group -> group.get("name").asText()).containsSubsequence("Sales", "Ops").doesNotContain("Mine");
    }
}
