package dev.chatserver.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.web.WebClient;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;

import java.util.Set;

/**
 * The chat's HTTP face inside a host application's own Javalin app instead of a server of its own: the IM and
 * Chats routes, the WebSocket and long-polling, all under one path prefix (e.g. {@code /chat}).
 */
public final class HttpMount {
    private HttpMount() {
    }

    /**
     * What the chat needs of the host's configuration, called in the host's {@code Javalin.create}: the chat's
     * JSON mapping (plain Jackson, with the chat's own serializers) and the largest request body it reads.
     */
    public static void configure(JavalinConfig config, ObjectMapper mapper, long maxBodySize) {
        config.jsonMapper(new LineEndedJson(mapper));
        config.appData(RequestBody.MAX_SIZE, maxBodySize);
    }

    /** The request's path as the chat's routes know it, without the prefix they are mounted under. */
    public static String pathInMount(io.javalin.http.Context ctx) {
        return MountedApp.pathInMount(ctx);
    }

    /**
     * The prefix the chat is mounted under, for what must name its own place (the cookie's path, the OpenAPI
     * document's server); empty when the chat is a server of its own.
     */
    public static String prefixOf(io.javalin.http.Context ctx) {
        String prefix = ctx.attribute(MountedApp.PREFIX_ATTRIBUTE);
        return prefix == null ? "" : prefix;
    }

    /**
     * Adds every route under {@code prefix}, a path such as {@code /chat}, starting with '/' and not ending with one;
     * and the web client, whose page is {@code prefix + "/"} (the static files redirect {@code prefix} alone there,
     * so that the page's relative links resolve under it). The chat's {@code mapper} is told the prefix, so that the
     * URLs a message carries (its files') name the chat's place in history, search and live notifications alike.
     */
    public static void mount(Javalin host, String prefix, Set<Routes> routes, ObjectMapper mapper) {
        if (prefix == null || !prefix.matches("(/[A-Za-z0-9._~-]+)+")) {
            throw new IllegalArgumentException("a mount prefix is a path such as /chat, without a trailing '/': " + prefix);
        }
        WebClient.serveUnder(host.unsafeConfig(), prefix);
        MountedApp mounted = new MountedApp(host, prefix);
        new dev.chatserver.adapter.http.problem.ErrorResponses().addTo(mounted);
        routes.forEach(r -> r.addTo(mounted));
        mapper.setDefaultAttributes(mapper.getSerializationConfig().getAttributes()
                .withSharedAttribute(dev.chatserver.adapter.http.attachment.AttachmentJson.MOUNT_PREFIX, prefix));
    }
}
