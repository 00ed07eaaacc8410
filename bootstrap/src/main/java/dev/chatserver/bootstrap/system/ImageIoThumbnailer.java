package dev.chatserver.bootstrap.system;

import dev.chatserver.application.port.out.Thumbnailer;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;

/**
 * Thumbnails by the JDK's ImageIO (PNG, JPEG, GIF): the image's size is read from its header first and an image of
 * more than {@value #MAX_PIXELS} pixels (a decompression bomb: a tiny PNG of 30,000 x 30,000) is never decoded;
 * a smaller one is decoded with subsampling to about twice the thumbnail's size, drawn onto white (no alpha in a
 * JPEG) and written anew as a JPEG, so no metadata (EXIF location, comments) of the original survives.
 */
public final class ImageIoThumbnailer implements Thumbnailer {
    static final long MAX_PIXELS = 50_000_000L;
    static final int EDGE = 320;

    static {
        ImageIO.setUseCache(false);
    }

    @Override
    public Optional<byte[]> thumbnail(InputStream image, String mimetype) {
        try (ImageInputStream input = ImageIO.createImageInputStream(image)) {
            if (input == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.min(width, height) / (EDGE * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                return Optional.of(jpeg(scaled(reader.read(0, param))));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // not an image ImageIO decodes, or a damaged one: it stays a file without a thumbnail
            return Optional.empty();
        }
    }

    private static BufferedImage scaled(BufferedImage decoded) {
        double factor = Math.min(1.0, (double) EDGE / Math.max(decoded.getWidth(), decoded.getHeight()));
        int width = Math.max(1, (int) Math.round(decoded.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(decoded.getHeight() * factor));
        BufferedImage thumbnail = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumbnail.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(decoded, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return thumbnail;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
