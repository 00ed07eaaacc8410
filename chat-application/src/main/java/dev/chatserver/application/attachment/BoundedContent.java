package dev.chatserver.application.attachment;

import dev.chatserver.domain.problem.TooLarge;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A file's content read no further than one byte past a limit: that byte is refused ({@link TooLarge} naming the
 * field), so a file larger than the limit is never read past it.
 */
final class BoundedContent extends FilterInputStream {
    private final long limit;
    private final String field;
    private long read;

    BoundedContent(InputStream content, long limit, String field) {
        super(content);
        this.limit = limit;
        this.field = field;
    }

    @Override
    public int read() throws IOException {
        int next = super.read();
        if (next >= 0) {
            counted(1);
        }
        return next;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        int count = super.read(into, offset, (int) Math.min(length, limit - read + 1));
        if (count > 0) {
            counted(count);
        }
        return count;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("a bounded content is read, not skipped");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long count) {
        read += count;
        if (read > limit) {
            throw new TooLarge(field, field + " is larger than " + limit + " bytes");
        }
    }
}
