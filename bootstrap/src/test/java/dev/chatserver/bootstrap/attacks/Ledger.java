package dev.chatserver.bootstrap.attacks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every post the server acknowledged with a message id during an attack, by session, with a member to read the
 * session as: afterwards each of them must be in the session's history (nothing acknowledged is lost).
 */
final class Ledger {
    private static final int PAGE = 100;

    private final Map<String, String> readers = new ConcurrentHashMap<>();
    private final Map<String, Set<Long>> acknowledged = new ConcurrentHashMap<>();

    /** Posts into {@code uuid} will be recorded; {@code memberToken} reads its history afterwards. */
    void track(String uuid, String memberToken) {
        readers.put(uuid, memberToken);
        acknowledged.computeIfAbsent(uuid, k -> ConcurrentHashMap.newKeySet());
    }

    /** A post's answer: its message id is recorded when the server gave one. */
    ApiClient.Response record(String uuid, ApiClient.Response answer) {
        JsonNode result = answer.status() == 200 ? answer.result() : null;
        if (result != null && result.path("message_id").isNumber()) {
            Set<Long> ids = acknowledged.get(uuid);
            if (ids == null) {
                throw new IllegalStateException("a post into an untracked session " + uuid);
            }
            ids.add(result.get("message_id").asLong());
        }
        return answer;
    }

    int size() {
        return acknowledged.values().stream().mapToInt(Set::size).sum();
    }

    /** The acknowledged ids that the histories do not hold, read page by page (newest first). */
    Set<Long> lost(ApiClient client) {
        Set<Long> lost = new TreeSet<>();
        acknowledged.forEach((uuid, ids) -> {
            Set<Long> stored = storedIds(client, uuid, readers.get(uuid), ids.isEmpty() ? Long.MAX_VALUE : min(ids));
            ids.stream().filter(id -> !stored.contains(id)).forEach(lost::add);
        });
        return lost;
    }

    private static long min(Set<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    private static Set<Long> storedIds(ApiClient client, String uuid, String token, long oldest) {
        Set<Long> stored = new HashSet<>();
        Long before = null;
        while (true) {
            Map<String, Object> params = new HashMap<>(Map.of("uuid", uuid, "limit", PAGE));
            if (before != null) {
                params.put("last_ID", before);
            }
            JsonNode page = client.rpc("/im_chat/api/history", params, token).result();
            if (page == null || !page.isArray()) {
                throw new IllegalStateException("history of " + uuid + " did not answer a page: " + page);
            }
            List<Long> ids = new ArrayList<>();
            page.forEach(message -> ids.add(message.get("id").asLong()));
            stored.addAll(ids);
            if (ids.size() < PAGE || ids.get(ids.size() - 1) <= oldest) {
                return stored;
            }
            before = ids.get(ids.size() - 1);
        }
    }
}
