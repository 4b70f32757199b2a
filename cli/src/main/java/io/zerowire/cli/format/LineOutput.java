package io.zerowire.cli.format;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Text output without per-line garbage: a line (or block of lines) is built in one reused
 * {@link StringBuilder}, encoded as UTF-8 into one reused byte array and written to the stream,
 * which the caller buffers. {@code String}s and encoders are never made per line.
 *
 * <pre>{@code
 * LineOutput out = new LineOutput(new BufferedOutputStream(System.out, 1 << 16));
 * out.text().append("hello ").append(42);
 * out.endLine();
 * out.flush();
 * }</pre>
 */
public final class LineOutput {
    private final OutputStream stream;
    private final StringBuilder text = new StringBuilder(4096);
    private byte[] bytes = new byte[8192];

    public LineOutput(OutputStream stream) {
        this.stream = stream;
    }

    /** The builder of the current line: append to it, then {@link #endLine()}. */
    public StringBuilder text() {
        return text;
    }

    /** Ends the current text with a newline, writes it and starts an empty one. */
    public void endLine() throws IOException {
        text.append('\n');
        write();
    }

    /** Writes the current text as it is (a block that already ends in a newline) and starts an empty one. */
    public void write() throws IOException {
        int length = text.length();
        if (bytes.length < 3 * length) {
            bytes = new byte[Math.max(3 * length, 2 * bytes.length)];   // grows to the longest block, then stays
        }
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else if (c < 0x800) {
                bytes[n++] = (byte) (0xC0 | c >>> 6);
                bytes[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                bytes[n++] = '?';   // the command writes no characters outside the Basic Multilingual Plane
            } else {
                bytes[n++] = (byte) (0xE0 | c >>> 12);
                bytes[n++] = (byte) (0x80 | c >>> 6 & 0x3F);
                bytes[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        stream.write(bytes, 0, n);
        text.setLength(0);
    }

    /** Flushes the stream. */
    public void flush() throws IOException {
        stream.flush();
    }
}
