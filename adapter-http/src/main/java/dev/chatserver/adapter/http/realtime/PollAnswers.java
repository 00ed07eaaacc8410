package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.chatserver.application.port.in.realtime.ByteBounds;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A long-poll's answer bounded in bytes: the entries from the front (in id order) while they fit, always at
 * least one, each already written as JSON. The client polls again with the last id it got and receives the rest,
 * so nothing is skipped.
 */
public final class PollAnswers {
    private PollAnswers() {
    }

    /** {@code items} rendered by {@code written}, as many from the front as fit in {@code maxBytes}. */
    public static <T> List<RawValue> within(List<T> items, Function<T, String> written, long maxBytes) {
        List<RawValue> answer = new ArrayList<>();
        long bytes = ByteBounds.bytesOf("[]");
        for (T item : items) {
            String entry = written.apply(item);
            long more = ByteBounds.bytesOf(entry) + (answer.isEmpty() ? 0 : ByteBounds.bytesOf(","));
            if (!answer.isEmpty() && bytes + more > maxBytes) {
                break;
            }
            answer.add(new RawValue(entry));
            bytes += more;
        }
        return answer;
    }
}
