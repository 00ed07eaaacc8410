package dev.chatserver.bootstrap.robustness;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * What the fuzz suite sends instead of good input, drawn from one seeded {@link Random}: JSON values of the
 * wrong type, bodies that are not JSON or not UTF-8, huge and deep documents, unicode edge cases, bad tokens
 * and headers. No value here is a real id, so a request built from them can never succeed at changing state.
 */
final class Junk {
    /** JSON values for a parameter, as JSON text. */
    static final List<String> VALUES = List.of(
            "null", "true", "false", "0", "-1", "-0", "-0.0", "1.5", "1e400", "-1e400", "1e-400",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
            "\"\"", "\" \"", "\"x\"", "\"999999\"", "\"-1\"", "\"1e400\"", "\"\\u0000\"", "\"a\\u0000b\"",
            "\"\\ud801\"", "\"\\udc37x\"", "\"\\ud801\\udc37\"", "\"\\ufeff\"", "\"\\u202e\"", "\"%00\"",
            "\"../../etc/passwd\"", "\"<script>\"", "\"' or 1=1 --\"", "\"user:999999\"", "\"room:zz\"",
            "[]", "[null]", "[\"x\"]", "[1e400]", "[[[]]]", "{}", "{\"a\":1}", "[\"\\ud801\"]",
            "\"" + "a".repeat(70_000) + "\"");

    /** Whole bodies that are not the JSON object a route takes. */
    static final List<byte[]> BODIES = List.of(
            utf8(""), utf8(" "), utf8("{"), utf8("}"), utf8("{\"a\":"), utf8("[]"), utf8("[1,2]"), utf8("null"),
            utf8("\"text\""), utf8("42"), utf8("1e400"), utf8("{}{}"), utf8("{\"a\":1,}"), utf8("{'a':1}"),
            utf8("{\"a\":NaN}"), utf8("{\"a\":Infinity}"), utf8("{\"a\":01}"), utf8("{\"a\":\"\\x\"}"),
            utf8("{\"a\":\"\\ud8\"}"), utf8("{\"a\":\"tab\there\"}"), utf8("<xml/>"), utf8("a=1&b=2"),
            utf8("{\"jsonrpc\":\"2.0\",\"params\":[]}"), utf8("{\"jsonrpc\":\"2.0\",\"params\":\"x\"}"),
            utf8("{\"jsonrpc\":\"2.0\",\"params\":null,\"id\":{\"a\":[1]}}"),
            utf8("\uFEFF{\"params\":{}}"), utf8("\uFEFF\uFEFF{}"),
            new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'},
            new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x81, '"', '}'},
            new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'},
            new byte[]{(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'},
            new byte[]{'{', '"', 'a', '"', ':', '"', 0, '"', '}'},
            utf8("[".repeat(5_000) + "]".repeat(5_000)),
            utf8("{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000)),
            utf8("{\"a\":\"" + "x".repeat(1_100_000) + "\"}"),
            utf8("{\"n\":" + "9".repeat(2_000) + "}"));

    /** Authorization headers that are not a valid token. */
    static final List<String> BAD_AUTHORIZATIONS = List.of(
            "", "Bearer", "Bearer ", "Bearer x", "Bearer " + "a".repeat(4_000), "Basic bHlueDpseW54",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJseW54In0.", "Bearer \u00e9\u00e8", "bearer", "Bearer a.b.c",
            "Bearer ../../", "Token abc");

    /** Content types a client may claim. */
    static final List<String> CONTENT_TYPES = List.of(
            "application/json", "application/json; charset=bogus", "application/json; charset=utf-16",
            "application/json; charset=", "text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json;;;", "*/*", "x");

    private final Random random;

    Junk(long seed) {
        this.random = new Random(seed);
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** A path segment that is no id: junk, percent-encoded junk or a lone surrogate's bytes. */
    String segment() {
        return pick(List.of("x", "0", "-1", "00000000-0000-0000-0000-000000000000", "%20", "%e2%80%ae", "%ed%a0%81",
                "%c0%af", "%ff", "..", "%2e%2e", "a%2fb", "%3F", "1e400", "z".repeat(3_000), "%F0%9F%98%80"));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
