package dev.chatserver.bootstrap.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled web client in a real Chromium against the real server (H2 on disk, so that it can be restarted with
 * its data): two people in two browsers, found by the accessible names the issue fixes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebClientTest {
    private static final String LYNX = "Lucid Lynx";
    private static final String OCELOT = "Oneiric Ocelot";
    private static final String MARKUP = "<img src=x onerror=alert(1)>";

    @TempDir
    static Path dir;

    private static int port;
    private static RunningServer server;
    private static Browser lynx;
    private static Browser ocelot;

    @BeforeAll
    static void start() throws IOException {
        Browser.requireChromium();
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = startServer();
        lynx = Browser.open("lynx", dir);
        ocelot = Browser.open("ocelot", dir);
    }

    private static RunningServer startServer() {
        return RunningServer.start(List.of("--port", String.valueOf(port), "--storage", "h2",
                "--data-dir", dir.resolve("data").toString(), "--demo",
                "--chats-tenants", "example.org=support.usr.localhost"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable open : new AutoCloseable[]{lynx, ocelot, server}) {
            try {
                if (open != null) {
                    open.close();
                }
            } catch (Exception e) {
                System.err.println("closing " + open + ": " + e);
            }
        }
    }

    private static String app() {
        return "http://127.0.0.1:" + port + "/";
    }

    private static ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /** Signs the browser in as {@code login} unless it already is. */
    private static void signedIn(Browser browser, String login) {
        if (!browser.url().startsWith(app())) {
            browser.go(app());
        }
        browser.waitUntil("the app to start", () -> browser.showsButton("Sign out") || browser.field("Login").isDisplayed());
        if (!browser.text("whoami").endsWith("(" + login + ")")) {
            if (browser.showsButton("Sign out")) {
                browser.signOut();
            }
            browser.signIn(login, login + "-demo-password");
        }
    }

    private static void inConversationWith(Browser browser, String listName, String name) {
        browser.waitUntil(name + " in " + listName, () -> browser.item(listName, name).isPresent());
        browser.item(listName, name).orElseThrow().findElement(By.cssSelector("button.open")).click();
        browser.waitUntil("the conversation with " + name,
                () -> browser.log().isDisplayed() && browser.text("conversation-title").equals(name));
    }

    private static String presenceIn(Browser browser, String listName, String name) {
        return browser.item(listName, name).map(item -> item.findElement(By.cssSelector(".presence")).getText())
                .orElse("");
    }

    @Test
    @Order(1)
    void the_app_comes_from_the_server_with_a_policy_against_inline_scripts_and_leaves_the_token_to_the_browser() {
        ApiClient.Response page = api().get("/", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        for (String asset : List.of("/app.css", "/js/app.js", "/js/api.js", "/js/dom.js", "/js/realtime.js")) {
            ApiClient.Response served = api().get(asset, Map.of());
            assertThat(served.status()).as(asset).isEqualTo(200);
            assertThat(served.header("Content-Security-Policy")).as(asset).isEqualTo(policy);
        }
        assertThat(page.raw().body()).as("every asset is this server's own").doesNotContain("://");
        ApiClient.Response signIn = api().rpc("/web/session/authenticate",
                Map.of("login", "lynx", "password", "lynx-demo-password"), null);
        assertThat(signIn.header("Set-Cookie")).startsWith("session_id=").containsIgnoringCase("HttpOnly");

        signedIn(lynx, "lynx");
        assertThat(lynx.text("whoami")).isEqualTo("Signed in as Lucid Lynx (lynx)");
        assertThat((String) lynx.script("return document.cookie;")).doesNotContain("session_id");
        assertThat((Long) lynx.script("return localStorage.length + sessionStorage.length;")).isZero();
    }

    @Test
    @Order(2)
    void two_people_chat_live_and_see_each_others_presence_and_typing() {
        signedIn(lynx, "lynx");
        if (ocelot.showsButton("Sign out")) {
            ocelot.signOut();
        }
        if (lynx.item("Contacts", OCELOT).isEmpty()) {
            lynx.type("Search users", "oneiric");
            lynx.waitUntil("Ocelot found", () -> lynx.item("Other users", OCELOT).isPresent());
            lynx.button("Add " + OCELOT).click();
        }
        lynx.waitUntil("Ocelot shown offline", () -> presenceIn(lynx, "Contacts", OCELOT).equals("offline"));

        signedIn(ocelot, "ocelot");
        lynx.waitUntil("Ocelot shown online", () -> presenceIn(lynx, "Contacts", OCELOT).equals("online"));

        inConversationWith(lynx, "Contacts", OCELOT);
        lynx.typeAndEnter("Message", "Hello, Ocelot");
        lynx.waitUntil("the message in Lynx's conversation", () -> lynx.messages().contains("Hello, Ocelot"));
        assertThat(lynx.field("Message").getAttribute("value")).isEmpty();

        ocelot.waitUntil("the session, unread, in Ocelot's list", () -> ocelot.item("Sessions", LYNX)
                .map(item -> item.getText().contains("unread") && item.getText().contains("Hello, Ocelot"))
                .orElse(false));
        ocelot.screenshot("sessions-unread");
        inConversationWith(ocelot, "Sessions", LYNX);
        assertThat(ocelot.messages()).containsExactly("Hello, Ocelot");
        ocelot.waitUntil("the session read", () -> !ocelot.item("Sessions", LYNX).orElseThrow().getText().contains("unread"));

        ocelot.field("Message").sendKeys("Hi Lynx");
        lynx.waitUntil("Ocelot shown typing", () -> lynx.text("typing").equals(OCELOT + " is typing…"));
        assertThat(lynx.messages()).containsExactly("Hello, Ocelot");
        ocelot.field("Message").sendKeys(Keys.ENTER);
        lynx.waitUntil("Ocelot's answer", () -> lynx.messages().equals(List.of("Hello, Ocelot", "Hi Lynx")));
        lynx.waitUntil("the typing indicator gone", () -> lynx.text("typing").isEmpty());
        lynx.waitUntil("the answer, read as it is shown", () -> {
            String session = lynx.item("Sessions", OCELOT).orElseThrow().getText();
            return session.contains(OCELOT + ": Hi Lynx") && !session.contains("unread");
        });
        lynx.screenshot("conversation");

        ocelot.signOut();
        lynx.waitUntil("Ocelot shown offline", () -> presenceIn(lynx, "Contacts", OCELOT).equals("offline"));
    }

    @Test
    @Order(3)
    void a_message_written_as_markup_shows_as_those_characters_and_runs_nothing() {
        signedIn(lynx, "lynx");
        signedIn(ocelot, "ocelot");
        inConversationWith(lynx, "Contacts", OCELOT);
        inConversationWith(ocelot, "Sessions", LYNX);

        lynx.typeAndEnter("Message", MARKUP);
        ocelot.waitUntil("the markup message", () -> ocelot.messages().contains(MARKUP));
        for (Browser browser : List.of(lynx, ocelot)) {
            assertThat(browser.log().findElements(By.tagName("img"))).isEmpty();
            assertThat(browser.alertShown()).isFalse();
        }
        assertThat(ocelot.item("Sessions", LYNX).orElseThrow().getText()).contains("Lucid Lynx").contains(MARKUP);
        ocelot.screenshot("markup-as-text");
    }

    @Test
    @Order(4)
    void a_server_restart_mid_conversation_loses_nothing_and_repeats_nothing() {
        signedIn(lynx, "lynx");
        signedIn(ocelot, "ocelot");
        inConversationWith(lynx, "Contacts", OCELOT);
        inConversationWith(ocelot, "Sessions", LYNX);
        lynx.typeAndEnter("Message", "before the restart");
        ocelot.waitUntil("the last message before the restart", () -> ocelot.messages().contains("before the restart"));

        server.close();
        for (Browser browser : List.of(lynx, ocelot)) {
            browser.waitUntil("reconnecting shown", () -> browser.status().equals("Reconnecting…"));
        }
        lynx.screenshot("reconnecting");
        server = startServer();
        ApiClient api = api();
        String token = api.signInAs("ocelot");
        String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", 1), token)
                .result().get("uuid").asText();
        api.postRaw("/im_chat/post", "{\"uuid\":\"" + uuid + "\",\"message_type\":\"message\","
                + "\"message_content\":\"while Lynx came back\"}", Map.of("Authorization", "Bearer " + token));

        for (Browser browser : List.of(lynx, ocelot)) {
            browser.waitUntil("live again", () -> browser.status().equals("Live"));
        }
        lynx.waitUntil("what was posted meanwhile", () -> lynx.messages().contains("while Lynx came back"));
        lynx.typeAndEnter("Message", "after the restart");
        ocelot.waitUntil("the first message after the restart", () -> ocelot.messages().contains("after the restart"));
        lynx.waitUntil("its own message after the restart", () -> lynx.messages().contains("after the restart"));

        List<String> stored = storedHistory(api, token, uuid);
        assertThat(stored).endsWith("before the restart", "while Lynx came back", "after the restart");
        for (Browser browser : List.of(lynx, ocelot)) {
            assertThat(browser.messages()).isEqualTo(stored);
            assertThat(browser.messageIds()).doesNotHaveDuplicates().isSorted();
        }
        ocelot.screenshot("after-restart");
    }

    @Test
    @Order(5)
    void a_tenant_creates_a_chat_and_another_person_follows_its_events_and_state_live() {
        signedIn(ocelot, "support");
        signedIn(lynx, "lynx");

        lynx.type("Audience", "example.org");
        lynx.type("Scope", "course-7");
        lynx.button("Create chat").click();
        lynx.waitUntil("the refusal shown", () -> !lynx.text("chats-error").isEmpty());
        assertThat(lynx.text("chats-error")).contains("tenant");

        ocelot.type("Audience", "example.org");
        ocelot.type("Scope", "course-7");
        ocelot.button("Create chat").click();
        ocelot.waitUntil("the new chat", () -> ocelot.text("chat-title").equals("example.org / course-7"));
        String chatId = ocelot.field("Chat id").getAttribute("value");

        lynx.type("Chat id", chatId);
        lynx.button("Open chat").click();
        lynx.waitUntil("the chat opened", () -> lynx.text("chat-title").equals("example.org / course-7"));

        ocelot.type("Event label", "m1");
        ocelot.typeAndEnter("Text", "hello room");
        lynx.waitUntil("the event, live", () -> texts(lynx.log()).contains("hello room"));
        lynx.waitUntil("the room state", () -> lynx.text("room-state").contains("\"hello room\""));
        lynx.typeAndEnter("Text", MARKUP);
        ocelot.waitUntil("Lynx's event", () -> texts(ocelot.log()).contains(MARKUP));
        assertThat(ocelot.log().findElements(By.tagName("img"))).isEmpty();
        ocelot.screenshot("chat");
    }

    private static List<String> texts(WebElement log) {
        return log.findElements(By.cssSelector(".message .text")).stream().map(WebElement::getText).toList();
    }

    private static List<String> storedHistory(ApiClient api, String token, String uuid) {
        JsonNode page = api.rpc("/im_chat/api/history", Map.of("uuid", uuid, "limit", 200), token).result();
        List<String> texts = new ArrayList<>(StreamSupport.stream(page.spliterator(), false)
                .filter(m -> !m.get("type").asText().equals("typing"))
                .map(m -> m.get("message").asText()).toList());
        Collections.reverse(texts);
        return texts;
    }
}
