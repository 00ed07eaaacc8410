package dev.chatserver.bootstrap.web;

import dev.chatserver.application.port.in.account.AddUserCommand;
import dev.chatserver.application.port.in.account.ProvisionAccounts;
import dev.chatserver.bootstrap.ChatCore;
import dev.chatserver.bootstrap.embedding.HostApp;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled web client in a real Chromium, served by a host application that mounted the chat under /chat
 * (docs/EMBEDDING.md's {@link HostApp}): its sign-in, its calls and its WebSocket all go to /chat/...
 */
class MountedWebClientTest {
    @TempDir
    Path dir;

    private ChatCore chat;
    private Javalin host;
    private Browser lynx;

    @BeforeEach
    void start() throws IOException {
        Browser.requireChromium();
        chat = ChatCore.builder().inMemoryStorage().build();
        ProvisionAccounts accounts = chat.provisionAccounts();
        accounts.addUser(AddUserCommand.of("lynx", "Lucid Lynx", null, "lynx-password"));
        accounts.addUser(AddUserCommand.of("ocelot", "Oneiric Ocelot", null, "ocelot-password"));
        host = HostApp.create(chat).start(0);
        lynx = Browser.open("lynx", dir);
    }

    @AfterEach
    void stop() {
        if (lynx != null) {
            lynx.close();
        }
        host.stop();
        chat.close();
    }

    @Test
    void the_web_client_under_the_hosts_prefix_signs_in_posts_and_goes_live_there() {
        lynx.go("http://127.0.0.1:" + host.port() + "/chat");
        lynx.waitUntil("the sign-in form", () -> lynx.field("Login").isDisplayed());
        assertThat(lynx.url()).endsWith("/chat/");

        lynx.signIn("lynx", "lynx-password");
        lynx.waitUntil("signed in", () -> lynx.text("whoami").equals("Signed in as Lucid Lynx (lynx)"));
        lynx.waitUntil("the WebSocket under /chat live", () -> lynx.status().equals("Live"));

        lynx.type("Search users", "oneiric");
        lynx.waitUntil("Ocelot found", () -> lynx.item("Other users", "Oneiric Ocelot").isPresent());
        lynx.button("Add Oneiric Ocelot").click();
        lynx.waitUntil("Ocelot a contact", () -> lynx.item("Contacts", "Oneiric Ocelot").isPresent());
        lynx.item("Contacts", "Oneiric Ocelot").orElseThrow().findElement(By.cssSelector("button.open")).click();
        lynx.waitUntil("the conversation", () -> lynx.log().isDisplayed());
        lynx.typeAndEnter("Message", "Hello from under /chat");
        lynx.waitUntil("the message posted", () -> lynx.messages().contains("Hello from under /chat"));
    }
}
