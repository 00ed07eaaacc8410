package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Json;
import dev.chatserver.application.port.in.realtime.ByteBounds;
import dev.chatserver.application.port.out.notification.Channel;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.application.port.out.notification.event.PresenceChanged;
import dev.chatserver.domain.presence.ImStatus;
import org.eclipse.jetty.websocket.api.RemoteEndpoint;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbound side of one socket against a Jetty session that writes only when the test says so. */
class WebSocketConnectionTest {
    private static final int TEXT = 1_000;
    private final ObjectMapper mapper = Json.newMapper();
    /** Every notification renders as about 2 KB (1,000 chars and the envelope, two bytes a char). */
    private final NotificationWriter writer = new NotificationWriter(mapper, event -> Map.of("text", "x".repeat(TEXT)));
    /** 20 KB per socket (frames of 5 KB), 30 KB per user, 1 MB for the node. */
    private final OutboundBudget budget = new OutboundBudget(new ByteBounds(20_000, 30_000, 1_000_000, 8_000, 1_000));

    /** A Jetty session whose writes complete when the test completes them. */
    private static final class FakeSession {
        final List<String> written = new ArrayList<>();
        final List<WriteCallback> inFlight = new ArrayList<>();
        Integer closedWith;
        String closeReason;
        final Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(),
                new Class<?>[]{Session.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemote" -> remote();
                    case "close" -> {
                        closedWith = args != null && args.length == 2 ? (Integer) args[0] : 1000;
                        closeReason = args != null && args.length == 2 ? (String) args[1] : null;
                        yield null;
                    }
                    case "isOpen" -> closedWith == null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });

        private RemoteEndpoint remote() {
            return (RemoteEndpoint) Proxy.newProxyInstance(RemoteEndpoint.class.getClassLoader(),
                    new Class<?>[]{RemoteEndpoint.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendString")) {
                            written.add((String) args[0]);
                            inFlight.add((WriteCallback) args[1]);
                        }
                        return null;
                    });
        }

        void writeNext() {
            inFlight.remove(0).writeSuccess();
        }

        void failNext() {
            inFlight.remove(0).writeFailed(new java.io.IOException("gone"));
        }
    }

    private WebSocketConnection connection(FakeSession fake, String holder) {
        return new WebSocketConnection(fake.session, writer, 256, budget, holder, Runnable::run, false);
    }

    private static List<Notification> notifications(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(id -> new Notification(id, Channel.ofUser(UserId.of(1)),
                new PresenceChanged(UserId.of(1), ImStatus.ONLINE), Instant.parse("2026-11-21T10:00:00Z"))).toList();
    }

    @Test
    void a_batch_goes_out_in_frames_within_the_frame_size_and_counts_until_written() throws Exception {
        FakeSession fake = new FakeSession();
        WebSocketConnection connection = connection(fake, "user:1");

        connection.deliver(notifications(1, 8));

        assertThat(fake.written).as("only the first frame is handed to Jetty").hasSize(1);
        while (!fake.inFlight.isEmpty()) {
            fake.writeNext();
        }
        assertThat(fake.written).hasSize(4);
        List<Long> ids = new ArrayList<>();
        for (String frame : fake.written) {
            assertThat(ByteBounds.bytesOf(frame)).isLessThanOrEqualTo(5_000);
            mapper.readTree(frame).forEach(entry -> ids.add(entry.get("id").asLong()));
        }
        assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(budget.held()).as("everything written is released").isZero();
    }

    @Test
    void what_is_queued_and_in_flight_counts_and_a_written_frame_is_released() {
        FakeSession fake = new FakeSession();
        WebSocketConnection connection = connection(fake, "user:1");

        connection.deliver(notifications(1, 4));
        long held = budget.held();
        fake.writeNext();

        assertThat(held).isEqualTo(ByteBounds.bytesOf(fake.written.get(0)) + ByteBounds.bytesOf(fake.written.get(1)));
        assertThat(budget.held()).isEqualTo(ByteBounds.bytesOf(fake.written.get(1)));
    }

    @Test
    void a_client_that_does_not_read_past_its_bytes_is_closed_with_4000_and_its_bytes_released() {
        FakeSession fake = new FakeSession();
        WebSocketConnection connection = connection(fake, "user:1");

        connection.deliver(notifications(1, 30));

        assertThat(fake.closedWith).isEqualTo(WebSocketConnection.FELL_BEHIND);
        assertThat(connection.isClosed()).isTrue();
        assertThat(budget.held()).isZero();
        fake.writeNext();
        assertThat(budget.held()).as("the frame Jetty still wrote counts no more").isZero();
    }

    @Test
    void a_failed_write_releases_everything() {
        FakeSession fake = new FakeSession();
        WebSocketConnection connection = connection(fake, "user:1");
        connection.deliver(notifications(1, 6));

        fake.failNext();

        assertThat(budget.held()).isZero();
        assertThat(connection.isClosed()).isTrue();
    }

    @Test
    void a_socket_gone_releases_what_it_held() {
        FakeSession fake = new FakeSession();
        WebSocketConnection connection = connection(fake, "user:1");
        connection.deliver(notifications(1, 6));

        connection.forget();

        assertThat(budget.held()).isZero();
    }

    @Test
    void past_the_users_bound_the_users_fullest_socket_closes_and_another_users_socket_goes_on() {
        FakeSession slow = new FakeSession();
        FakeSession alsoSlow = new FakeSession();
        FakeSession reader = new FakeSession();
        FakeSession other = new FakeSession();
        List<WebSocketConnection> connections = List.of(connection(slow, "user:1"), connection(alsoSlow, "user:1"),
                connection(reader, "user:1"), connection(other, "user:2"));

        for (long id = 1; id <= 9; id++) {
            List<Notification> one = notifications(id, id);
            connections.forEach(connection -> connection.deliver(one));
            reader.writeNext();
            other.writeNext();
        }

        assertThat(slow.closedWith).isEqualTo(WebSocketConnection.FELL_BEHIND);
        assertThat(slow.closeReason).isEqualTo(OutboundBudget.USER_BOUND);
        assertThat(alsoSlow.closedWith).as("one socket of the user gave way; its bytes made room").isNull();
        assertThat(reader.closedWith).isNull();
        assertThat(other.closedWith).isNull();
        assertThat(other.written).hasSize(9);
    }

    @Test
    void a_catch_up_takes_frames_while_half_the_sockets_bytes_are_free_then_goes_on_once_drained() {
        FakeSession fake = new FakeSession();
        WebSocketConnection connection = connection(fake, "user:1");
        List<Notification> batch = notifications(1, 40);

        int taken = connection.deliverWhileRoom(batch);

        assertThat(taken).isBetween(1, 39);
        assertThat(budget.held()).isGreaterThanOrEqualTo(10_000).isLessThan(20_000);
        assertThat(fake.closedWith).isNull();
        assertThat(connection.hasRoom()).isFalse();
        while (!fake.inFlight.isEmpty()) {
            fake.writeNext();
        }
        assertThat(connection.hasRoom()).isTrue();
    }
}
