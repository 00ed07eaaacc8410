package dev.chatserver.application.port.out;

import dev.chatserver.application.port.out.notification.Channel;

import java.util.Map;

/**
 * The one bus that pushes every change to whoever is connected. {@link #publish} is called inside the unit of
 * work that makes the change: the notification gets its increasing id and is delivered only once that unit
 * commits, and never when it rolls back.
 *
 * <p>A message is a JSON-like tree of maps, lists, strings, numbers, booleans and nulls, in which a
 * {@code JsonText} stands for the JSON document it holds.
 */
public interface NotificationBus {
    void publish(Channel channel, Map<String, Object> message);
}
