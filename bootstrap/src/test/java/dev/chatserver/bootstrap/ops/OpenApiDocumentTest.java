package dev.chatserver.bootstrap.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.chatserver.adapter.http.RegisteredRoute;
import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /openapi.json} against the real server: every REST route it registers is documented and every
 * documented one exists; every example is valid against its schema; the Chats API's documented request examples,
 * sent to the server, are answered as the document says. Every JSON-RPC route registered is in the docs.
 */
class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");
    private static final Path DOCS = Path.of("..", "docs");

    private RunningServer server;
    private ApiClient api;
    private JsonNode document;
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig strict = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    @BeforeEach
    void start() {
        server = RunningServer.start(List.of("--storage", "memory", "--demo",
                "--chats-tenants", "example.org=support.usr.localhost"));
        api = server.client();
        ApiClient.Response served = api.get("/openapi.json", Map.of());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith("application/json");
        document = served.json();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A route answered by JSON-RPC (Odoo's envelope): every POST outside the REST API's {@code /api/}. */
    private static boolean jsonRpc(RegisteredRoute route) {
        return route.method().equals("POST") && !route.path().startsWith("/api/");
    }

    @Test
    void the_document_served_names_the_server_it_is_served_from() {
        ApiClient.Response served = api.get("/openapi.json", Map.of());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.json().path("servers").get(0).path("url").asText()).isEqualTo(api.baseUrl());
    }

    @Test
    void every_rest_route_registered_is_documented_and_every_documented_one_is_registered() {
        Set<String> registered = server.server().routes().stream().filter(route -> !jsonRpc(route))
                .map(route -> route.method() + " " + route.path()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                documented.add(method.toUpperCase() + " " + path.getKey());
            }
        }));

        assertThat(registered).as("the REST routes the server registers").contains("GET /healthz", "GET /metrics",
                "GET /openapi.json", "POST /api/v1/chats", "GET /websocket");
        assertThat(documented).isEqualTo(registered);
    }

    @Test
    void every_json_rpc_route_registered_is_described_in_the_docs() throws IOException {
        String imApi = Files.readString(DOCS.resolve("im-chat-api.md"));
        List<String> missing = server.server().routes().stream().filter(OpenApiDocumentTest::jsonRpc)
                .map(RegisteredRoute::path).map(path -> path.replace("/<path>", ""))
                .filter(path -> !imApi.contains("`" + path + "`") && !imApi.contains("`" + path + "/"))
                .toList();
        assertThat(missing).as("JSON-RPC routes not listed in docs/im-chat-api.md").isEmpty();
    }

    @Test
    void the_document_is_openapi_3_1_and_every_example_is_valid_against_its_schema() {
        assertThat(document.get("openapi").asText()).startsWith("3.1.");
        List<String> checked = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        walk(document, "", (where, schema, example) -> {
            checked.add(where);
            Set<ValidationMessage> problems = schema(schema).validate(example);
            if (!problems.isEmpty()) {
                invalid.add(where + ": " + problems);
            }
        });
        assertThat(invalid).isEmpty();
        assertThat(checked).as("examples checked").hasSizeGreaterThan(20);
    }

    @Test
    void a_wrong_example_is_caught() {
        JsonNode chat = ApiClient.mapper().createObjectNode().put("id", "not-a-uuid");
        assertThat(schema(ref("Chat")).validate(chat)).isNotEmpty();
        JsonNode event = document.at("/paths/~1api~1v1~1chats~1{chat_id}~1events/get/responses/200/content/application~1json/example");
        ((ObjectNode) event.get("events").get(0)).remove("occurred_at");
        assertThat(schema(ref("EventPage")).validate(event)).isNotEmpty();
    }

    @Test
    void the_documented_chats_requests_sent_to_the_server_are_answered_as_documented() {
        String tenant = api.signInAs("support");
        Map<String, String> ids = new HashMap<>();
        Set<String> called = new TreeSet<>();

        JsonNode room = send("createRoom", Map.of(), Map.of(), tenant, 201, called);
        ids.put("room_id", room.get("id").asText());
        JsonNode chat = send("createChat", Map.of(), Map.of(), tenant, 201, called);
        ids.put("chat_id", chat.get("id").asText());
        send("convertRoom", Map.of(), Map.of("event_room_id", ids.get("room_id")), tenant, 201, called);
        assertThat(send("readChat", ids, Map.of(), tenant, 200, called)).isEqualTo(chat);
        assertThat(send("readChatByKey", Map.of(), Map.of(), tenant, 200, called)).isEqualTo(chat);
        send("postEvent", ids, Map.of(), tenant, 201, called);
        assertThat(send("listEvents", ids, Map.of(), tenant, 200, called).get("events")).hasSize(1);
        assertThat(send("readState", ids, Map.of(), tenant, 200, called).get("messages")).hasSize(1);
        assertThat(send("readRoom", ids, Map.of(), tenant, 200, called).get("closed_at").isNull()).isTrue();
        assertThat(send("lockRoomTypes", ids, Map.of(), tenant, 200, called).get("locked_types")).hasSize(1);
        send("banAccount", ids, Map.of(), tenant, 201, called);
        send("banAccount", ids, Map.of(), tenant, 200, called);
        assertThat(send("listBans", ids, Map.of(), tenant, 200, called).get("bans")).hasSize(1);
        send("unbanAccount", ids, Map.of(), tenant, 204, called);
        send("unbanAccount", ids, Map.of(), tenant, 404, called);
        assertThat(send("closeRoom", ids, Map.of(), tenant, 200, called).get("closed_at").isIntegralNumber()).isTrue();
        send("health", Map.of(), Map.of(), null, 200, called);

        // refusals come in the documented problem shape
        send("readChat", Map.of("chat_id", UUID.randomUUID().toString()), Map.of(), tenant, 404, called);
        send("createChat", Map.of(), Map.of(), null, 401, called);
        send("createChat", Map.of(), Map.of(), api.signInAs("lynx"), 403, called);
        send("createChat", Map.of(), Map.of(), tenant, 409, called);

        // the administration routes, as an administrator
        server.get(ProvisionAccounts.class).addUser(AddUserCommand.of("root", "Root", "", "root-password", true));
        String admin = api.signIn("root", "root-password");
        assertThat(send("listUsers", Map.of(), Map.of(), admin, 200, called).get("users")).hasSize(1);
        JsonNode created = send("createUser", Map.of(), Map.of(), admin, 201, called);
        Map<String, String> user = Map.of("user_id", created.get("id").asText());
        assertThat(send("updateUser", user, Map.of(), admin, 200, called).get("disabled").asBoolean()).isTrue();
        send("resetPassword", user, Map.of(), admin, 204, called);
        send("endSessions", user, Map.of(), admin, 200, called);
        assertThat(send("readAudit", Map.of(), Map.of(), admin, 200, called).get("entries")).hasSize(5); // create, rename, disable, reset, end sessions
        send("listUsers", Map.of(), Map.of(), api.signInAs("lynx"), 403, called);
        send("updateUser", Map.of("user_id", "999999"), Map.of(), admin, 404, called);
        JsonNode group = send("createGroup", Map.of(), Map.of(), admin, 201, called);
        Map<String, String> member = Map.of("group_id", group.get("id").asText(), "user_id", created.get("id").asText());
        send("renameGroup", member, Map.of(), admin, 200, called);
        send("addGroupMember", member, Map.of(), admin, 200, called);
        assertThat(send("listGroups", Map.of(), Map.of(), admin, 200, called).get("groups")).hasSize(1);
        send("removeGroupMember", member, Map.of(), admin, 200, called);
        send("renameGroup", Map.of("group_id", "999999"), Map.of(), admin, 404, called);
        send("createGroup", Map.of(), Map.of("name", "Sales EMEA"), admin, 409, called);

        Set<String> chatsOperations = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/")) {
                path.getValue().forEach(operation -> chatsOperations.add(operation.get("operationId").asText()));
            }
        });
        assertThat(called).containsAll(chatsOperations);
    }

    /**
     * Sends the documented request of {@code operationId}: its path with {@code ids} (else the parameters'
     * examples), the query parameters that have examples, the body example with {@code overrides}; checks the
     * status and that the answer matches the documented response of that status. Answers the JSON answered.
     */
    private JsonNode send(String operationId, Map<String, String> ids, Map<String, String> overrides, String token,
                          int status, Set<String> called) {
        String[] found = find(operationId);
        String path = found[0];
        String method = found[1];
        JsonNode operation = document.get("paths").get(path).get(method);
        String url = path;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.get("name").asText();
            String value = ids.containsKey(name) ? ids.get(name)
                    : parameter.has("example") ? parameter.get("example").asText() : null;
            if (parameter.get("in").asText().equals("path")) {
                assertThat(value).as("a value for " + name).isNotNull();
                url = url.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
            } else if (value != null) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        if (!query.isEmpty()) {
            url += "?" + String.join("&", query);
        }
        Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
        ApiClient.Response response;
        if (method.equals("get")) {
            response = api.get(url, headers);
        } else {
            JsonNode example = operation.at("/requestBody/content/application~1json/example");
            ObjectNode body = example.isMissingNode() ? ApiClient.mapper().createObjectNode() : example.deepCopy();
            overrides.forEach(body::put);
            response = method.equals("post") ? api.postRaw(url, body.toString(), headers)
                    : api.send(method.toUpperCase(), url, example.isMissingNode() ? null : body.toString(), token);
        }
        String answer = response.raw().body();
        assertThat(response.status()).as(operationId + " " + url + " answered " + answer).isEqualTo(status);
        JsonNode documented = operation.get("responses").get(Integer.toString(status));
        assertThat(documented).as(operationId + " documents " + status).isNotNull();
        if (documented.has("$ref")) {
            documented = document.at(documented.get("$ref").asText().substring(1));
        }
        called.add(operationId);
        if (!documented.has("content")) {
            assertThat(answer).as(operationId + " answers no body").isEmpty();
            return null;
        }
        String mediaType = documented.get("content").fieldNames().next();
        assertThat(response.header("Content-Type")).startsWith(mediaType);
        JsonNode json = response.json();
        Set<ValidationMessage> problems = schema(documented.get("content").get(mediaType).get("schema")).validate(json);
        assertThat(problems).as(operationId + " " + status + " answered " + answer).isEmpty();
        return json;
    }

    private String[] find(String operationId) {
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (operationId.equals(operation.getValue().path("operationId").asText())) {
                    return new String[] {path.getKey(), operation.getKey()};
                }
            }
        }
        throw new AssertionError("no operation " + operationId + " in the document");
    }

    private JsonNode ref(String name) {
        return ApiClient.mapper().createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    /** {@code schema} as a JSON Schema 2020-12 of its own, the document's component schemas as its {@code $defs}. */
    private JsonSchema schema(JsonNode schema) {
        ObjectNode standalone = (ObjectNode) ApiClient.mapper().valueToTree(rewriteRefs(schema.deepCopy()));
        standalone.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        standalone.set("$defs", rewriteRefs(document.get("components").get("schemas").deepCopy()));
        return schemas.getSchema(standalone, strict);
    }

    private static JsonNode rewriteRefs(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.asText().startsWith("#/components/schemas/")) {
                object.put("$ref", ref.asText().replace("#/components/schemas/", "#/$defs/"));
            }
            object.forEach(OpenApiDocumentTest::rewriteRefs);
        } else if (node.isArray()) {
            node.forEach(OpenApiDocumentTest::rewriteRefs);
        }
        return node;
    }

    private interface ExampleCheck {
        void check(String where, JsonNode schema, JsonNode example);
    }

    /** Every {@code example} next to a {@code schema} (media types, parameters) and inside a schema. */
    private static void walk(JsonNode node, String where, ExampleCheck check) {
        if (node.isObject()) {
            if (node.has("example") && node.has("schema")) {
                check.check(where, node.get("schema"), node.get("example"));
            }
            if (node.has("example") && (node.has("type") || node.has("properties")) && !node.has("schema")
                    && !node.has("in")) {
                check.check(where + " (schema)", node, node.get("example"));
            }
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("example")) {
                    walk(field.getValue(), where + "/" + field.getKey(), check);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, check);
            }
        }
    }
}
