package dev.chatserver.bootstrap.web;

import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group conversations and blocking in the bundled web client, in a real Chromium against the real server: people
 * are chosen by name, never by typing an id; the other member's browser follows each change live.
 */
class GroupsWebClientTest {
    private static final String OCELOT = "Oneiric Ocelot";

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
        server = RunningServer.start(List.of("--port", String.valueOf(port), "--storage", "memory", "--demo"));
        lynx = Browser.open("lynx", dir);
        ocelot = Browser.open("ocelot", dir);
        signIn(lynx, "lynx");
        signIn(ocelot, "ocelot");
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

    private static void signIn(Browser browser, String login) {
        browser.go("http://127.0.0.1:" + port + "/");
        browser.waitUntil("the sign-in form", () -> browser.field("Login").isDisplayed());
        browser.signIn(login, login + "-demo-password");
        browser.waitUntil("the app", () -> browser.showsButton("Sign out"));
    }

    private static void choose(Browser browser, String listName, String person) {
        WebElement box = browser.items(listName).stream().filter(item -> item.getText().trim().equals(person))
                .findFirst().orElseThrow(() -> new AssertionError(person + " in " + listName))
                .findElement(By.cssSelector("input[type=checkbox]"));
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** Clicks the button once it is shown, trying again while the panel is being redrawn by a notification. */
    private static void click(Browser browser, String button) {
        browser.waitUntil("clicking " + button, () -> {
            browser.button(button).click();
            return true;
        });
    }

    @Test
    void a_group_is_made_by_choosing_people_then_renamed_managed_and_left_and_the_other_member_follows_live() {
        lynx.button("New group").click();
        lynx.type("Group name", "Night shift");
        choose(lynx, "People to add", OCELOT);
        lynx.button("Create group").click();
        lynx.waitUntil("the new group open", () -> lynx.text("conversation-title").equals("Night shift"));
        lynx.waitUntil("the creation notice", () -> lynx.messages().stream().anyMatch(m -> m.contains("created the group")));
        assertThat(lynx.text("group-role")).isEqualTo("You are an admin of this group.");

        ocelot.waitUntil("the group in ocelot's sessions", () -> ocelot.item("Sessions", "Night shift").isPresent());

        lynx.type("Name", "Day shift");
        click(lynx, "Rename");
        ocelot.waitUntil("the new name live", () -> ocelot.item("Sessions", "Day shift").isPresent());

        click(lynx, "Make admin " + OCELOT);
        lynx.waitUntil("ocelot an admin", () -> lynx.showsButton("Make member " + OCELOT));
        lynx.waitUntil("choosing admins only", () -> {
            new Select(lynx.select("Who may post")).selectByVisibleText("Admins only");
            return true;
        });
        lynx.waitUntil("an announcement group", () -> lynx.text("posting-info").equals("Only admins post here."));

        ocelot.item("Sessions", "Day shift").orElseThrow().findElement(By.cssSelector("button.open")).click();
        ocelot.waitUntil("ocelot sees the group as admin",
                () -> ocelot.text("group-role").equals("You are an admin of this group."));
        click(ocelot, "Leave group");
        ocelot.waitUntil("the group gone from ocelot's sessions", () -> ocelot.item("Sessions", "Day shift").isEmpty());
        lynx.waitUntil("the leaving notice", () -> lynx.messages().stream()
                .anyMatch(m -> m.equals("Oneiric Ocelot left the group.")));
    }

    @Test
    void a_person_is_blocked_and_unblocked_from_the_list_of_people() {
        lynx.type("Search users", "Oneiric");
        lynx.waitUntil("ocelot among the people", () -> lynx.showsButton("Block " + OCELOT));
        lynx.button("Block " + OCELOT).click();
        lynx.waitUntil("ocelot blocked", () -> lynx.showsButton("Unblock " + OCELOT));

        ocelot.type("Search users", "Lucid");
        ocelot.waitUntil("lynx among the people", () -> ocelot.item("Other users", "Lucid Lynx").isPresent()
                || ocelot.item("Contacts", "Lucid Lynx").isPresent());
        String list = ocelot.item("Contacts", "Lucid Lynx").isPresent() ? "Contacts" : "Other users";
        ocelot.item(list, "Lucid Lynx").orElseThrow().findElement(By.cssSelector("button.open")).click();
        ocelot.waitUntil("the refusal", () -> ocelot.text("sessions-error").equals("You cannot write to this user"));

        lynx.button("Unblock " + OCELOT).click();
        lynx.waitUntil("ocelot unblocked", () -> lynx.showsButton("Block " + OCELOT));
        ocelot.item(list, "Lucid Lynx").orElseThrow().findElement(By.cssSelector("button.open")).click();
        ocelot.waitUntil("the conversation with lynx", () -> ocelot.text("conversation-title").equals("Lucid Lynx"));
    }
}
