package dev.chatserver.adapter.http.im;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

import java.io.IOException;
import java.util.List;

/**
 * A JSON array written element by element into the generator it is serialized to: written into a response, a
 * long listing goes out as it is rendered, never held whole as a tree or a String.
 */
final class JsonArray<T> implements JsonSerializable {
    @FunctionalInterface
    interface ElementWriter<T> {
        void write(JsonGenerator out, T element) throws IOException;
    }

    private final List<T> elements;
    private final ElementWriter<T> writer;

    JsonArray(List<T> elements, ElementWriter<T> writer) {
        this.elements = elements;
        this.writer = writer;
    }

    @Override
    public void serialize(JsonGenerator out, SerializerProvider serializers) throws IOException {
        out.writeStartArray(this, elements.size());
        for (T element : elements) {
            writer.write(out, element);
        }
        out.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator out, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(out, serializers); // the answers use no polymorphic typing
    }
}
