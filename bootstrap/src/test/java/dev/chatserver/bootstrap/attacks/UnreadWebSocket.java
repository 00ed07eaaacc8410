package dev.chatserver.bootstrap.attacks;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A WebSocket written by hand over a plain socket with a tiny receive buffer, which subscribes, reads up to the
 * server's {@code subscribed} and then never reads again: the surest client that does not keep up. Afterwards
 * {@link #drain} reads what was left for it and tells how the server ended it.
 */
final class UnreadWebSocket implements AutoCloseable {
    /** How the connection ended, seen from the client once it read again. */
    enum Kind { CLOSE_FRAME, CONNECTION_ENDED, STILL_OPEN }

    record Ending(Kind kind, int code, long bytesRead) {
        boolean endedByServer() {
            return kind != Kind.STILL_OPEN;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int OPCODE_TEXT = 1;
    private static final int OPCODE_CLOSE = 8;

    private final Socket socket;
    private final DataInputStream in;
    private long bytesRead;

    private UnreadWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new CountingStream(socket.getInputStream()));
    }

    static UnreadWebSocket subscribe(int port, String token, String channel) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            UnreadWebSocket ws = new UnreadWebSocket(socket);
            ws.upgrade(port, token);
            ws.sendText("{\"event_name\":\"subscribe\",\"data\":{\"channels\":[\"" + channel + "\"],\"last\":0}}");
            ws.readUntilSubscribed();
            return ws;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void upgrade(int port, String token) throws IOException {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        String request = "GET /websocket HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(in.readUnsignedByte());
        }
        String answer = head.toString(StandardCharsets.ISO_8859_1);
        if (!answer.startsWith("HTTP/1.1 101")) {
            throw new IllegalStateException("the upgrade was refused: " + answer);
        }
    }

    private void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 125) {
            throw new IllegalArgumentException("a short frame only");
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | OPCODE_TEXT);
        frame.write(0x80 | payload.length);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        OutputStream out = socket.getOutputStream();
        out.write(frame.toByteArray());
        out.flush();
    }

    private void readUntilSubscribed() throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame.opcode() == OPCODE_CLOSE) {
                throw new IllegalStateException("closed before it was subscribed: " + frame.closeCode());
            }
            if (frame.opcode() == OPCODE_TEXT && frame.text().contains("\"subscribed\"")) {
                return;
            }
        }
    }

    private record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
    }

    private Frame readFrame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : null;
        byte[] payload = in.readNBytes(Math.toIntExact(length));
        if (payload.length < length) {
            throw new EOFException();
        }
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
        }
        return new Frame(first & 0x0f, payload);
    }

    /**
     * Reads again, frame after frame, until the server's close frame, the end of the connection, or
     * {@code patience} without a byte (the connection is then still open).
     */
    Ending drain(Duration patience) {
        try {
            socket.setSoTimeout(Math.toIntExact(patience.toMillis()));
            while (true) {
                Frame frame = readFrame();
                if (frame.opcode() == OPCODE_CLOSE) {
                    return new Ending(Kind.CLOSE_FRAME, frame.closeCode(), bytesRead);
                }
            }
        } catch (SocketTimeoutException silent) {
            return new Ending(Kind.STILL_OPEN, 0, bytesRead);
        } catch (IOException ended) {
            return new Ending(Kind.CONNECTION_ENDED, 0, bytesRead);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket the server may have reset already
        }
    }

    private final class CountingStream extends InputStream {
        private final InputStream delegate;

        CountingStream(InputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                bytesRead++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                bytesRead += n;
            }
            return n;
        }
    }
}
