package dev.chatserver.application.port.out;

import java.io.InputStream;
import java.util.Optional;

/** Makes a small picture of an image by decoding and re-encoding it, so nothing of the original's metadata survives. */
public interface Thumbnailer {
    /** The JPEG of a thumbnail's type. */
    String THUMBNAIL_TYPE = "image/jpeg";

    /**
     * A JPEG thumbnail of the image, or empty when it is no image this thumbnailer decodes, is damaged, or is
     * larger (in pixels, read from its header before anything is decoded) than it decodes.
     */
    Optional<byte[]> thumbnail(InputStream image, String mimetype);
}
