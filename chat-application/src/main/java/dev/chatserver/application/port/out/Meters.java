package dev.chatserver.application.port.out;

/**
 * What the server tells its operators as it works: how much became durable and how much reached listeners. An
 * adapter turns these into its metrics; {@link #NONE} counts nothing.
 */
public interface Meters {
    Meters NONE = new Meters() {
        @Override
        public void postsStored(int count) {
        }

        @Override
        public void chatEventsStored(int count) {
        }

        @Override
        public void notificationsDelivered(int count) {
        }
    };

    /** {@code count} IM posts are durable. */
    void postsStored(int count);

    /** {@code count} chat events are durable. */
    void chatEventsStored(int count);

    /** {@code count} notifications were handed to a live feed or a long-poll's answer. */
    void notificationsDelivered(int count);

    /** An email left for the mail server. */
    default void mailSent() {
    }

    /** Sending an email failed; it is tried again later. */
    default void mailFailed() {
    }

    /** Sending an email failed for the last time: it is dropped. */
    default void mailGivenUp() {
    }
}
