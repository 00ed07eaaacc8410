package dev.chatserver.bootstrap.web;

import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration page in a real Chromium against the real server: an administrator disables an account and
 * sees it in the audit log, manages a group by naming people; anyone else is refused.
 */
class AdminWebClientTest {
    @TempDir
    static Path dir;

    private static int port;
    private static RunningServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        Browser.requireChromium();
        server = RunningServer.inMemory();
        port = server.port();
        server.get(ProvisionAccounts.class).addUser(AddUserCommand.of("root", "Root Admin", "", "root-password", true));
        browser = Browser.open("root", dir);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable open : new AutoCloseable[]{browser, server}) {
            try {
                if (open != null) {
                    open.close();
                }
            } catch (Exception e) {
                System.err.println("closing " + open + ": " + e);
            }
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static List<String> texts(String listName) {
        return browser.items(listName).stream().map(WebElement::getText).toList();
    }

    private static void signInAs(String login, String password) {
        browser.go(url("/"));
        browser.waitUntil("the sign-in form or the app", () -> browser.showsButton("Sign out")
                || browser.field("Login").isDisplayed());
        if (browser.showsButton("Sign out")) {
            browser.signOut();
        }
        browser.signIn(login, password);
    }

    @Test
    void an_administrator_disables_a_user_and_sees_it_in_the_audit_log_and_manages_a_group_others_are_refused() {
        browser.go(url("/admin"));
        browser.waitUntil("the refusal of a signed-out visitor",
                () -> browser.text("admin-refusal").startsWith("Sign in on the chat page first"));

        signInAs("root", "root-password");
        browser.go(url("/admin"));
        browser.waitUntil("the accounts", () -> browser.item("Accounts", "Lucid Lynx (lynx)").isPresent());
        browser.typeAndEnter("Search accounts", "lynx");
        browser.waitUntil("lynx alone", () -> browser.items("Accounts").size() == 1);
        browser.button("Disable lynx").click();

        browser.waitUntil("the disable in the audit log",
                () -> texts("Audit log").stream().anyMatch(text -> text.contains("Root Admin: user.disable user:")));
        browser.waitUntil("lynx shown disabled", () -> browser.item("Accounts", "Lucid Lynx (lynx)").orElseThrow()
                .getText().contains("disabled") && browser.showsButton("Enable lynx"));
        ApiClient api = server.client();
        assertThat(api.rpc("/web/session/authenticate", Map.of("login", "lynx", "password", "lynx-demo-password"),
                null).status()).isEqualTo(401);

        browser.type("New group name", "Night <b>shift</b>");
        browser.button("Create group").click();
        browser.waitUntil("the new group", () -> browser.item("Groups", "Night <b>shift</b>").isPresent());
        browser.type("Login to add to Night <b>shift</b>", "ocelot");
        browser.button("Add to Night <b>shift</b>").click();
        browser.waitUntil("ocelot a member", () -> browser.item("Members of Night <b>shift</b>", "Oneiric Ocelot")
                .isPresent());
        browser.waitUntil("the addition in the audit log",
                () -> texts("Audit log").get(0).contains("group.add_member"));
        assertThat(texts("Audit log")).anySatisfy(text -> assertThat(text).contains("group.create"));

        signInAs("ocelot", "ocelot-demo-password");
        browser.go(url("/admin"));
        browser.waitUntil("the refusal of a non-administrator",
                () -> browser.text("admin-refusal").equals("This page is for administrators; Oneiric Ocelot is not one."));
    }

    @Test
    void a_user_changes_their_avatar_in_the_profile_area_and_their_sessions_show_it() throws IOException {
        ApiClient api = server.client();
        String ocelot = api.signInAs("ocelot");
        long supportId = api.rpc("/web/session/get_session_info", Map.of(), api.signInAs("support")).result()
                .get("uid").asLong();
        String uuid = api.rpc("/im_chat/api/get_or_create_session", Map.of("user_to", supportId), ocelot).result()
                .get("uuid").asText();
        Path picture = dir.resolve("me.png");
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "png", picture.toFile());

        signInAs("support", "support-demo-password");
        browser.field("Your avatar (PNG, JPEG or GIF)").sendKeys(picture.toAbsolutePath().toString());
        browser.button("Upload avatar").click();

        browser.waitUntil("the avatar changed", () -> browser.text("profile-info").equals("Your avatar is changed."));
        assertThat(api.get("/im_chat/image/" + uuid + "/" + supportId, Map.of("Authorization", "Bearer " + ocelot))
                .header("Content-Type")).isEqualTo("image/jpeg");
    }

    @Test
    void a_user_renames_themself_and_changes_their_password_in_the_profile_area() {
        server.get(ProvisionAccounts.class).addUser(AddUserCommand.of("pangolin", "Pensive Pangolin", "",
                "pangolin-password", false));
        ApiClient api = server.client();
        signInAs("pangolin", "pangolin-password");
        browser.waitUntil("the profile holds the name", () -> "Pensive Pangolin".equals(
                browser.field("Your name").getAttribute("value")));

        browser.type("Your name", "Pangolin <b>the Bold</b>");
        browser.button("Change my name").click();
        browser.waitUntil("renamed", () -> browser.text("profile-info").equals("You are now called Pangolin <b>the Bold</b>."));
        assertThat(browser.text("whoami")).isEqualTo("Signed in as Pangolin <b>the Bold</b> (pangolin)");
        String other = api.signIn("pangolin", "pangolin-password");
        assertThat(api.rpc("/web/session/get_session_info", Map.of(), other).result().get("name").asText())
                .isEqualTo("Pangolin <b>the Bold</b>");

        browser.type("Current password", "not-my-password");
        browser.type("New password (at least 8 characters)", "a-new-long-secret");
        browser.button("Change password").click();
        browser.waitUntil("the wrong password refused", () -> browser.text("profile-error")
                .equals("That is not your current password."));

        browser.type("Current password", "pangolin-password");
        browser.type("New password (at least 8 characters)", "a-new-long-secret");
        browser.button("Change password").click();
        browser.waitUntil("changed", () -> browser.text("profile-info")
                .equals("Your password is changed; your other sign-ins have ended."));
        assertThat(api.rpc("/web/session/get_session_info", Map.of(), other).status()).as("the other sign-in ended")
                .isEqualTo(401);
        assertThat(api.signIn("pangolin", "a-new-long-secret")).isNotBlank();
    }
}
