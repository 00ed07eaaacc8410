package dev.chatserver.application.port.in.health;

public interface CheckHealth {
    Health check();

    record Health(String storage, boolean up) {
    }
}
