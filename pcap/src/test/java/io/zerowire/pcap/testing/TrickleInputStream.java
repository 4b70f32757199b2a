package io.zerowire.pcap.testing;

import java.io.InputStream;
import java.util.Random;

/**
 * A stream that hands out its bytes 1 to {@code chunk} at a time, as a pipe from a slow writer
 * does; the sizes are random but fixed by the bytes' length and {@code chunk}, so a failure
 * repeats.
 */
public final class TrickleInputStream extends InputStream {
    private final byte[] bytes;
    private final int chunk;
    private final Random random;
    private int at;

    public TrickleInputStream(byte[] bytes, int chunk) {
        this.bytes = bytes;
        this.chunk = chunk;
        this.random = new Random(bytes.length * 31L + chunk);
    }

    @Override
    public int read() {
        return at < bytes.length ? bytes[at++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (at == bytes.length) {
            return -1;
        }
        int n = Math.min(Math.min(length, 1 + random.nextInt(chunk)), bytes.length - at);
        System.arraycopy(bytes, at, target, offset, n);
        at += n;
        return n;
    }
}
