package io.zerowire.cli.format;

/**
 * Writes fields as an indented tree, one field a line ({@code -V}): {@code name: value}, nested
 * objects and arrays indented two spaces further, array elements numbered.
 *
 * <pre>
 *   tcp:
 *     sourcePort: 41608
 *     options:
 *       [0]:
 *         kind: 2
 * </pre>
 */
public final class TreeSink implements FieldSink {
    private static final int MAX_DEPTH = 32;

    private StringBuilder out;
    private int depth;
    private final int[] nextIndex = new int[MAX_DEPTH];
    private final boolean[] inArray = new boolean[MAX_DEPTH];

    /** Starts writing at indentation {@code depth} on {@code out}. */
    public TreeSink begin(StringBuilder out, int depth) {
        this.out = out;
        this.depth = depth;
        inArray[depth] = false;
        return this;
    }

    private StringBuilder line(String name) {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
        if (name != null) {
            out.append(name);
        } else if (inArray[depth]) {
            out.append('[').append(nextIndex[depth]++).append(']');
        }
        return out.append(':');
    }

    private void open(String name, boolean array) {
        line(name).append('\n');
        if (++depth == MAX_DEPTH) {
            throw new IllegalStateException("tree nested deeper than " + MAX_DEPTH);
        }
        inArray[depth] = array;
        nextIndex[depth] = 0;
    }

    @Override
    public void beginObject(String name) {
        open(name, false);
    }

    @Override
    public void endObject() {
        depth--;
    }

    @Override
    public void beginArray(String name) {
        open(name, true);
    }

    @Override
    public void endArray() {
        depth--;
    }

    @Override
    public void number(String name, long value) {
        line(name).append(' ').append(value).append('\n');
    }

    @Override
    public void hexNumber(String name, long value, int digits) {
        Text.hex(line(name).append(' '), value, digits).append(" (").append(value).append(")\n");
    }

    @Override
    public void bool(String name, boolean value) {
        line(name).append(' ').append(value).append('\n');
    }

    @Override
    public void string(String name, CharSequence value) {
        line(name).append(' ').append(value).append('\n');
    }

    @Override
    public void mac(String name, byte[] a, int offset) {
        Text.mac(line(name).append(' '), a, offset).append('\n');
    }

    @Override
    public void ipv4(String name, int bits) {
        Text.ipv4(line(name).append(' '), bits).append('\n');
    }

    @Override
    public void ipv6(String name, byte[] a, int offset) {
        Text.ipv6(line(name).append(' '), a, offset).append('\n');
    }

    @Override
    public void bytes(String name, byte[] a, int offset, int length) {
        Text.hexBytes(line(name).append(' '), a, offset, length).append('\n');
    }
}
