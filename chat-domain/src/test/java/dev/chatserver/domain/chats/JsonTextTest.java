package dev.chatserver.domain.chats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTextTest {

    @Test
    void a_document_becomes_a_tree_of_plain_values_in_key_order() {
        Object tree = new JsonText("""
                 {"z": 1, "a": [true, false, null, -0.5, 1e3, "x\\"\\u00e9\\n"],
                  "big": 123456789012345678901234567890, "o": {}, "l": []}\t""").tree();

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("z", 1L);
        expected.put("a", Arrays.asList(true, false, null, new BigDecimal("-0.5"), new BigDecimal("1e3"), "x\"é\n"));
        expected.put("big", new BigInteger("123456789012345678901234567890"));
        expected.put("o", Map.of());
        expected.put("l", List.of());
        assertThat(tree).isEqualTo(expected);
        assertThat(List.<Object>copyOf(((Map<?, ?>) tree).keySet())).containsExactly("z", "a", "big", "o", "l");
    }

    @Test
    void any_json_value_is_a_document() {
        assertThat(new JsonText("\"text\"").tree()).isEqualTo("text");
        assertThat(new JsonText("42").tree()).isEqualTo(42L);
        assertThat(new JsonText("null").tree()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":}", "[1,]", "[1 2]", "{'a':1}", "01", "1.", "-", "tru", "\"a", "{} {}",
            "\"\\x\"", "\"\\u12\"", "{\"a\" 1}", "nul", "[", "\"tab\there\""})
    void text_that_is_not_exactly_one_json_value_is_refused(String text) {
        assertThatThrownBy(() -> new JsonText(text).tree()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nesting_is_bounded() {
        String deep = "[".repeat(1002) + "]".repeat(1002);
        assertThatThrownBy(() -> new JsonText(deep).tree()).isInstanceOf(IllegalArgumentException.class);
    }
}
