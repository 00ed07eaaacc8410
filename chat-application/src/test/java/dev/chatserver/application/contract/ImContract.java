package dev.chatserver.application.contract;

import dev.chatserver.application.im.ImPolicy;
import dev.chatserver.application.im.ImServices;
import dev.chatserver.domain.account.User;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The base of the IM contracts: the IM use cases on the storage at a fixed moment, and three people to use them. */
public abstract class ImContract extends StorageContract {
    protected static final Instant NOW = Instant.parse("2026-11-21T07:46:21.123456Z");

    protected ImServices im;
    protected User lynx;
    protected User ocelot;
    protected User pangolin;

    /** The limits the contract's cases are written against. */
    protected abstract ImPolicy policy();

    @BeforeEach
    void openIm() {
        im = closeAfter(new ImServices(storage.ports(), policy(), Clock.fixed(NOW, ZoneOffset.UTC)));
        lynx = newUser("lynx", "Lucid Lynx");
        ocelot = newUser("ocelot", "Oneiric Ocelot");
        pangolin = newUser("pangolin", "Precise Pangolin");
    }
}
