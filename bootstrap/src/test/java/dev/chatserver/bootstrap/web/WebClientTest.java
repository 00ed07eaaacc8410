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
        ocelot.waitUntil("the history in Ocelot's conversation", () -> !ocelot.messages().isEmpty());
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
        // the list is drawn again as the read pointer moves: read its item once it holds still
        ocelot.waitUntil("the session showing the markup as text", () -> {
            String shown = ocelot.item("Sessions", LYNX).orElseThrow().getText();
            return shown.contains("Lucid Lynx") && shown.contains(MARKUP);
        });
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
        lynx.typeAndEnter("Message", "written while the server was down");
        lynx.waitUntil("the post waiting to be sent again", () -> lynx.text("post-error").startsWith("Not sent yet"));
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
        lynx.waitUntil("the post sent again", () -> lynx.messages().contains("written while the server was down")
                && lynx.field("Message").getAttribute("value").isEmpty() && lynx.text("post-error").isEmpty());
        lynx.typeAndEnter("Message", "after the restart");
        ocelot.waitUntil("the first message after the restart", () -> ocelot.messages().contains("after the restart"));
        lynx.waitUntil("its own message after the restart", () -> lynx.messages().contains("after the restart"));

        List<String> stored = storedHistory(api, token, uuid);
        assertThat(stored.subList(stored.size() - 4, stored.size())).startsWith("before the restart")
                .endsWith("after the restart")
                .containsOnlyOnce("while Lynx came back", "written while the server was down");
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

    @Test
    @Order(6)
    void a_session_counts_its_unread_messages_until_read_and_the_author_sees_them_seen() {
        ApiClient api = api();
        String ocelotToken = api.signInAs("ocelot");
        String uuid = sessionWithLynx(api, ocelotToken);
        api.rpc("/im_chat/api/history", Map.of("uuid", uuid, "limit", 1), ocelotToken);
        signedIn(lynx, "lynx");
        signedIn(ocelot, "ocelot");
        ocelot.signOut();

        inConversationWith(lynx, "Contacts", OCELOT);
        lynx.typeAndEnter("Message", "first while away");
        lynx.waitUntil("the first message", () -> lynx.messages().contains("first while away"));
        ocelot.signIn("ocelot", "ocelot-demo-password");
        ocelot.waitUntil("one unread, as the server counts it", () -> unreadBadge(ocelot, LYNX).equals("1 unread"));

        lynx.typeAndEnter("Message", "second while away");
        ocelot.waitUntil("two unread, counted live", () -> unreadBadge(ocelot, LYNX).equals("2 unread"));
        assertThat(ocelot.item("Sessions", LYNX).orElseThrow().getAccessibleName()).isEqualTo(LYNX);
        ocelot.screenshot("unread-count");
        lynx.waitUntil("the second message", () -> lynx.messages().contains("second while away"));
        assertThat(seenUnder(lynx, "second while away")).isEmpty();

        inConversationWith(ocelot, "Sessions", LYNX);
        ocelot.waitUntil("the count cleared", () -> unreadBadge(ocelot, LYNX).isEmpty());
        lynx.waitUntil("Seen under the message Ocelot read", () -> seenUnder(lynx, "second while away").equals("Seen"));
        assertThat(lynx.log().findElements(By.cssSelector(".seen"))).hasSize(1);

        ocelot.typeAndEnter("Message", "read them");
        lynx.waitUntil("Ocelot's answer", () -> lynx.messages().contains("read them"));
        lynx.waitUntil("the answer read as it is shown", () -> unreadBadge(lynx, OCELOT).isEmpty());
        ocelot.waitUntil("Lynx seen it", () -> seenUnder(ocelot, "read them").equals("Seen"));
        lynx.screenshot("seen");
    }

    @Test
    @Order(7)
    void the_author_edits_and_deletes_a_message_and_the_other_browser_follows_live() {
        bothInTheConversation();
        lynx.typeAndEnter("Message", "Lunch at noun?");
        ocelot.waitUntil("the message to edit", () -> ocelot.messages().contains("Lunch at noun?"));
        assertThat(ocelot.buttonIn(ocelot.message("Lunch at noun?"), "Edit")).as("only the author edits").isEmpty();
        assertThat(ocelot.buttonIn(ocelot.message("Lunch at noun?"), "Delete")).as("only the author deletes").isEmpty();

        lynx.buttonIn(lynx.message("Lunch at noun?"), "Edit").orElseThrow().click();
        lynx.type("Edit message", "never sent");
        lynx.field("Edit message").sendKeys(Keys.ESCAPE);
        lynx.waitUntil("the edit cancelled", () -> lynx.messages().contains("Lunch at noun?"));

        lynx.buttonIn(lynx.message("Lunch at noun?"), "Edit").orElseThrow().click();
        lynx.type("Edit message", "Lunch at noon?");
        lynx.field("Edit message").sendKeys(Keys.ENTER);
        ocelot.waitUntil("the edit, live", () -> ocelot.messages().contains("Lunch at noon?"));
        assertThat(ocelot.messages()).doesNotContain("Lunch at noun?", "never sent");
        assertThat(ocelot.message("Lunch at noon?").findElement(By.cssSelector(".edited")).getText()).isEqualTo("edited");
        lynx.waitUntil("the edit on the author's side", () -> lynx.messages().contains("Lunch at noon?"));
        long id = Long.parseLong(lynx.message("Lunch at noon?").getAttribute("data-id"));

        lynx.buttonIn(lynx.message("Lunch at noon?"), "Delete").orElseThrow().click();
        lynx.buttonIn(lynx.message(id), "Confirm delete").orElseThrow().click();
        for (Browser browser : List.of(ocelot, lynx)) {
            browser.waitUntil("the tombstone", () -> browser.message(id).getText().contains("Message deleted"));
            assertThat(browser.messages()).doesNotContain("Lunch at noon?");
            assertThat(browser.buttonIn(browser.message(id), "Edit")).isEmpty();
        }
        ApiClient api = api();
        String token = api.signInAs("ocelot");
        JsonNode stored = storedMessage(api, token, sessionWithLynx(api, token), id);
        assertThat(stored.path("deleted").asBoolean()).isTrue();
        assertThat(stored.path("message").asText()).isEmpty();
        ocelot.screenshot("edited-and-deleted");
    }

    @Test
    @Order(8)
    void a_reaction_toggles_and_the_other_browser_sees_its_count() {
        bothInTheConversation();
        lynx.typeAndEnter("Message", "React to this");
        ocelot.waitUntil("the message", () -> ocelot.messages().contains("React to this"));

        ocelot.buttonIn(ocelot.message("React to this"), "React 👍").orElseThrow().click();
        lynx.waitUntil("the count on the other side", () -> reaction(lynx, "React to this", "👍").equals("👍1 false"));
        ocelot.waitUntil("pressed on the reacting side", () -> reaction(ocelot, "React to this", "👍").equals("👍1 true"));
        lynx.buttonIn(lynx.message("React to this"), "React 👍").orElseThrow().click();
        ocelot.waitUntil("two now", () -> reaction(ocelot, "React to this", "👍").equals("👍2 true"));
        lynx.screenshot("reactions");

        ocelot.buttonIn(ocelot.message("React to this"), "React 👍").orElseThrow().click();
        lynx.waitUntil("Ocelot's taken back", () -> reaction(lynx, "React to this", "👍").equals("👍1 true"));
        lynx.buttonIn(lynx.message("React to this"), "React 👍").orElseThrow().click();
        ocelot.waitUntil("none left", () -> reaction(ocelot, "React to this", "👍").equals("👍 false"));
    }

    @Test
    @Order(9)
    void a_search_finds_an_older_message_and_opens_its_session_there() {
        ApiClient api = api();
        String lynxToken = api.signInAs("lynx");
        String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", 2), lynxToken)
                .result().get("uuid").asText();
        post(api, lynxToken, uuid, "the quokka files");
        for (int i = 1; i <= 35; i++) {
            post(api, lynxToken, uuid, "filler " + i);
        }
        signedIn(ocelot, "ocelot");
        ocelot.signOut();
        ocelot.signIn("ocelot", "ocelot-demo-password");

        ocelot.typeAndEnter("Search messages", "QUOKKA");
        ocelot.waitUntil("the hit", () -> ocelot.item("Search results", LYNX + ": the quokka files").isPresent());
        assertThat(ocelot.items("Search results")).hasSize(1);
        ocelot.screenshot("search");
        ocelot.item("Search results", LYNX + ": the quokka files").orElseThrow()
                .findElement(By.cssSelector("button.open")).click();
        ocelot.waitUntil("the session opened at the hit", () -> ocelot.text("conversation-title").equals(LYNX)
                && ocelot.message("the quokka files").getAttribute("class").contains("found"));
        assertThat(ocelot.messages()).contains("filler 35");
    }

    @Test
    @Order(10)
    void a_post_whose_answer_was_lost_is_sent_again_with_the_same_client_id_and_stored_once() {
        bothInTheConversation();
        lynx.script("""
                const real = window.fetch;
                window.postBodies = [];
                window.fetch = async (path, init) => {
                  const params = init && init.body ? JSON.parse(init.body).params : null;
                  if (String(path).endsWith("/im_chat/post") && params && params.message_type === "message") {
                    window.postBodies.push(params);
                    if (window.postBodies.length === 1) {
                      await real(path, init);
                      throw new TypeError("Failed to fetch");
                    }
                  }
                  return real(path, init);
                };""");
        lynx.typeAndEnter("Message", "stored once though its answer was lost");
        lynx.waitUntil("the message box emptied once sent", () -> lynx.field("Message").getAttribute("value").isEmpty());
        ocelot.waitUntil("the message", () -> ocelot.messages().contains("stored once though its answer was lost"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> bodies = (List<Map<String, Object>>) lynx.script("return window.postBodies;");
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).get("client_id")).isInstanceOf(String.class).isEqualTo(bodies.get(1).get("client_id"));
        ApiClient api = api();
        String token = api.signInAs("ocelot");
        List<String> stored = storedHistory(api, token, sessionWithLynx(api, token));
        assertThat(stored).containsOnlyOnce("stored once though its answer was lost");
        for (Browser browser : List.of(lynx, ocelot)) {
            assertThat(browser.messages()).containsOnlyOnce("stored once though its answer was lost");
            assertThat(browser.messageIds()).doesNotHaveDuplicates();
        }
        lynx.waitUntil("no error left", () -> lynx.text("post-error").isEmpty());
    }

    @Test
    @Order(11)
    void a_reply_shows_the_quoted_message_which_leads_to_the_original_and_loses_its_text_when_deleted() {
        bothInTheConversation();
        String question = "Where shall we meet? " + MARKUP;
        lynx.typeAndEnter("Message", question);
        ocelot.waitUntil("the question", () -> ocelot.messages().contains(question));
        long questionId = Long.parseLong(ocelot.message(question).getAttribute("data-id"));

        ocelot.buttonIn(ocelot.message(question), "Reply").orElseThrow().click();
        ocelot.waitUntil("the reply bar", () -> ocelot.text("replying-to-text").equals("Replying to " + LYNX + ": "
                + question));
        ocelot.typeAndEnter("Message", "At the zoo");
        ocelot.waitUntil("the reply bar gone once sent",
                () -> Boolean.TRUE.equals(ocelot.script("return document.getElementById('replying-to').hidden")));

        lynx.waitUntil("the reply, live", () -> lynx.messages().contains("At the zoo"));
        WebElement quote = lynx.message("At the zoo").findElement(By.cssSelector(".quote"));
        assertThat(quote.getAttribute("data-reply-to")).isEqualTo(String.valueOf(questionId));
        assertThat(quote.findElement(By.cssSelector(".quote-author")).getText()).isEqualTo(LYNX);
        assertThat(quote.findElement(By.cssSelector(".quote-text")).getText()).isEqualTo(question);
        assertThat(lynx.alertShown()).as("the quoted markup ran nothing").isFalse();
        assertThat(lynx.message("At the zoo").findElements(By.cssSelector(".quote img"))).isEmpty();
        quote.click();
        lynx.waitUntil("the original shown", () -> lynx.message(questionId).getAttribute("class").contains("found"));
        lynx.screenshot("reply");

        lynx.buttonIn(lynx.message(question), "Edit").orElseThrow().click();
        lynx.type("Edit message", "Where shall we meet, then?");
        lynx.field("Edit message").sendKeys(Keys.ENTER);
        ocelot.waitUntil("the quote following the edit", () -> ocelot.message("At the zoo")
                .findElement(By.cssSelector(".quote .quote-text")).getText().equals("Where shall we meet, then?"));

        lynx.waitUntil("the edit shown", () -> lynx.messages().contains("Where shall we meet, then?"));
        lynx.buttonIn(lynx.message("Where shall we meet, then?"), "Delete").orElseThrow().click();
        lynx.buttonIn(lynx.message(questionId), "Confirm delete").orElseThrow().click();
        for (Browser browser : List.of(ocelot, lynx)) {
            browser.waitUntil("the quote without its text", () -> browser.message("At the zoo")
                    .findElement(By.cssSelector(".quote .quote-text")).getText().equals("Message deleted"));
        }
    }

    @Test
    @Order(12)
    void the_title_counts_unread_messages_and_a_hidden_tab_gets_a_system_notification() {
        signedIn(ocelot, "ocelot");
        ApiClient api = api();
        String support = api.signInAs("support");
        String uuid = supportsSessionWithOcelot(api, support);
        // the browser as if the user allowed notifications and looked at another tab
        ocelot.script("""
                window.notes = [];
                window.Notification = class {
                  constructor(title, options) { window.notes.push({ title, body: options.body }); }
                  close() {}
                };
                window.Notification.permission = "granted";
                window.Notification.requestPermission = async () => "granted";
                Object.defineProperty(document, "hidden", { configurable: true, get: () => true });""");

        post(api, support, uuid, "Are you there? " + MARKUP);
        post(api, support, uuid, "Hello?");

        ocelot.waitUntil("two unread in the title", () -> ocelot.title().startsWith("(2) "));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> notes = (List<Map<String, Object>>) ocelot.script("return window.notes;");
        assertThat(notes).extracting(n -> n.get("body")).containsExactly("Are you there? " + MARKUP, "Hello?");
        assertThat(notes).extracting(n -> n.get("title")).containsOnly("Russian Support");
        assertThat(ocelot.alertShown()).isFalse();

        ocelot.script("Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });");
        ocelot.item("Sessions", "Russian Support").orElseThrow().findElement(By.cssSelector("button.open")).click();
        ocelot.waitUntil("the title without unread", () -> ocelot.title().equals("Chat"));
    }

    @Test
    @Order(13)
    void an_attached_image_is_uploaded_with_progress_and_shown_inline_on_both_sides() throws Exception {
        bothInTheConversation();
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(640, 480,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = picture.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        Path file = dir.resolve("our cat.png");
        javax.imageio.ImageIO.write(picture, "png", file.toFile());

        lynx.type("Message", "Our cat");
        lynx.script("document.getElementById('attach-input').hidden = false");
        lynx.field("Attach files").sendKeys(file.toAbsolutePath().toString());

        for (Browser browser : List.of(lynx, ocelot)) {
            browser.waitUntil("the image shown", () -> browser.messages().contains("Our cat")
                    && Boolean.TRUE.equals(browser.script("const img = arguments[0].querySelector('img.attachment-image');"
                    + " return img !== null && img.complete && img.naturalWidth === 320;", browser.message("Our cat"))));
            String link = browser.message("Our cat").findElement(By.cssSelector("a.attachment")).getAttribute("href");
            assertThat(link).matches(".*/im_chat/attachment/[0-9a-f-]{36}$");
        }
        assertThat(lynx.field("Message").getAttribute("value")).isEmpty();
        ocelot.screenshot("attachment");
    }

    @Test
    @Order(14)
    void at_completes_a_members_login_by_keyboard_and_the_mentioned_reader_sees_it_marked_and_counted() {
        bothInTheConversation();
        WebElement box = lynx.field("Message");
        box.sendKeys("Quokkas? @o");
        lynx.waitUntil("ocelot offered", () -> List.of("ocelot").equals(lynx.script("return [...document"
                + ".querySelectorAll('#mention-options:not([hidden]) [role=option]')].map(o => o.dataset.login)")));
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo("mention-option-0");
        box.sendKeys(Keys.ARROW_DOWN, Keys.TAB);
        assertThat(box.getAttribute("value")).isEqualTo("Quokkas? @ocelot ");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        box.sendKeys("and @");
        lynx.waitUntil("the list offered again", () -> "true".equals(box.getAttribute("aria-expanded")));
        box.sendKeys(Keys.ESCAPE);
        lynx.waitUntil("the list closed by Escape", () -> Boolean.TRUE.equals(
                lynx.script("return document.getElementById('mention-options').hidden")));
        box.sendKeys(Keys.BACK_SPACE, "you " + MARKUP, Keys.ENTER);
        String said = "Quokkas? @ocelot and you " + MARKUP;

        ocelot.waitUntil("the mention, live", () -> ocelot.messages().contains(said));
        WebElement heard = ocelot.message(said);
        assertThat(heard.getAttribute("class")).contains("mentions-me");
        assertThat(heard.findElements(By.cssSelector(".text mark.mention"))).extracting(WebElement::getText)
                .containsExactly("@ocelot");
        assertThat(heard.findElements(By.cssSelector(".text img"))).as("the text stays text").isEmpty();
        assertThat(lynx.message(said).getAttribute("class")).doesNotContain("mentions-me");
        assertThat(lynx.message(said).findElements(By.cssSelector("mark"))).isEmpty();
        assertThat(ocelot.alertShown()).isFalse();
        ocelot.screenshot("mention");

        ApiClient api = api();
        String support = api.signInAs("support");
        post(api, support, supportsSessionWithOcelot(api, support), "@ocelot, a word?");
        ocelot.waitUntil("the session's mention counted", () -> ocelot.item("Sessions", "Russian Support")
                .map(item -> item.findElements(By.cssSelector(".mention-mark")).stream()
                        .anyMatch(badge -> "1 mention".equals(badge.getAttribute("aria-label")))).orElse(false));
    }

    private static void bothInTheConversation() {
        signedIn(lynx, "lynx");
        signedIn(ocelot, "ocelot");
        inConversationWith(lynx, "Contacts", OCELOT);
        inConversationWith(ocelot, "Sessions", LYNX);
    }

    private static String sessionWithLynx(ApiClient api, String ocelotToken) {
        return api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", 1), ocelotToken)
                .result().get("uuid").asText();
    }

    /** The private session of support (signed in as {@code support}) with ocelot. */
    private static String supportsSessionWithOcelot(ApiClient api, String support) {
        long ocelotId = api.rpc("/web/session/get_session_info", Map.of(), api.signInAs("ocelot")).result()
                .get("uid").asLong();
        return api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", ocelotId), support).result()
                .get("uuid").asText();
    }

    private static void post(ApiClient api, String token, String uuid, String text) {
        JsonNode answer = api.rpc("/im_chat/post",
                Map.of("uuid", uuid, "message_type", "message", "message_content", text), token).result();
        assertThat(answer.path("message_id").asLong()).isPositive();
    }

    private static String unreadBadge(Browser browser, String sessionName) {
        return browser.item("Sessions", sessionName).orElseThrow().findElements(By.cssSelector(".unread-mark"))
                .stream().map(badge -> badge.getAttribute("aria-label")).findFirst().orElse("");
    }

    private static String seenUnder(Browser browser, String text) {
        return browser.message(text).findElements(By.cssSelector(".seen")).stream().map(WebElement::getText)
                .findFirst().orElse("");
    }

    /** The reaction button's text (emoji and count) and whether it is pressed. */
    private static String reaction(Browser browser, String text, String emoji) {
        WebElement button = browser.buttonIn(browser.message(text), "React " + emoji).orElseThrow();
        return button.getText().replace(" ", "").replace("\n", "") + " " + button.getAttribute("aria-pressed");
    }

    private static JsonNode storedMessage(ApiClient api, String token, String uuid, long id) {
        JsonNode page = api.rpc("/im_chat/api/history", Map.of("uuid", uuid, "limit", 200), token).result();
        return StreamSupport.stream(page.spliterator(), false).filter(m -> m.get("id").asLong() == id).findFirst()
                .orElseThrow();
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
