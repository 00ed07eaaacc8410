package dev.chatserver.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.reflect.Type;

/**
 * Javalin's Jackson mapping with every JSON answer ending in a newline, as text on a terminal should
 * ({@code curl} then leaves the prompt on a line of its own). Reading is Jackson's, unchanged.
 */
public final class LineEndedJson implements JsonMapper {
    private static final byte[] NEWLINE = {'\n'};

    private final JavalinJackson jackson;

    public LineEndedJson(ObjectMapper mapper) {
        this.jackson = new JavalinJackson(mapper, false);
    }

    @Override
    public String toJsonString(Object obj, Type type) {
        return jackson.toJsonString(obj, type) + "\n";
    }

    /**
     * What {@code ctx.json} writes: Jackson's own stream, then the newline. Without it the interface's default
     * makes a string of the answer and then its bytes, which cost the smallest answers about a tenth of their rate.
     */
    @Override
    public InputStream toJsonStream(Object obj, Type type) {
        return new SequenceInputStream(jackson.toJsonStream(obj, type), new ByteArrayInputStream(NEWLINE));
    }

    @Override
    public <T> T fromJsonString(String json, Type targetType) {
        return jackson.fromJsonString(json, targetType);
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type targetType) {
        return jackson.fromJsonStream(json, targetType);
    }
}
