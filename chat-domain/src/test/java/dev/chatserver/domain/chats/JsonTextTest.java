package dev.chatserver.domain.chats;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTextTest {

    @Test
    void a_document_is_kept_exactly_as_written() {
        String text = "{\"z\": 1, \"a\": [true, null, \"é\"]}";
        assertThat(new JsonText(text).value()).isEqualTo(text);
        assertThat(new JsonText(text).utf8Length()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void an_object_is_told_from_other_documents() {
        assertThat(new JsonText(" {\"a\":1} ").isObject()).isTrue();
        assertThat(new JsonText("[1]").isObject()).isFalse();
        assertThat(new JsonText("\"{}\"").isObject()).isFalse();
    }

    @Test
    void a_blank_text_is_no_document() {
        assertThatThrownBy(() -> new JsonText(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
