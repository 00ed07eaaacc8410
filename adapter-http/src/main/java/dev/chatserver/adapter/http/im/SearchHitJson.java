package dev.chatserver.adapter.http.im;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.chatserver.application.port.in.view.SearchHit;

import java.io.IOException;

/**
 * A search hit: {@code {"session":{"id","uuid","is_group"},"message":{...a history entry...}}}, written straight
 * into the generator.
 */
final class SearchHitJson {
    private SearchHitJson() {
    }

    static void write(JsonGenerator out, SearchHit hit) throws IOException {
        out.writeStartObject();
        out.writeObjectFieldStart("session");
        out.writeNumberField("id", hit.message().sessionId());
        out.writeStringField("uuid", hit.message().sessionUuid().toString());
        out.writeBooleanField("is_group", hit.groupSession());
        out.writeEndObject();
        out.writeFieldName("message");
        MessageJson.writeEntry(out, hit.message());
        out.writeEndObject();
    }
}
