package io.zerowire.cli.format;

/**
 * Writes fields as one compact JSON object per frame (RFC 8259) into a reused builder: numbers as
 * JSON numbers, addresses and byte strings as JSON strings.
 */
public final class JsonSink implements FieldSink {
    private static final int MAX_DEPTH = 32;

    private StringBuilder out;
    /** Whether the container at each depth has a member yet (a comma goes before the next one). */
    private final boolean[] hasMember = new boolean[MAX_DEPTH];
    private int depth;

    /** Starts a frame's object on {@code out}. */
    public JsonSink begin(StringBuilder out) {
        this.out = out;
        depth = 0;
        hasMember[0] = false;
        out.append('{');
        return this;
    }

    /** Closes the frame's object. */
    public void end() {
        if (depth != 0) {
            throw new IllegalStateException("unbalanced JSON: depth " + depth);
        }
        out.append('}');
    }

    private StringBuilder key(String name) {
        if (hasMember[depth]) {
            out.append(',');
        }
        hasMember[depth] = true;
        if (name != null) {
            out.append('"').append(name).append("\":");
        }
        return out;
    }

    private void open(String name, char bracket) {
        key(name).append(bracket);
        if (++depth == MAX_DEPTH) {
            throw new IllegalStateException("JSON nested deeper than " + MAX_DEPTH);
        }
        hasMember[depth] = false;
    }

    @Override
    public void beginObject(String name) {
        open(name, '{');
    }

    @Override
    public void endObject() {
        depth--;
        out.append('}');
    }

    @Override
    public void beginArray(String name) {
        open(name, '[');
    }

    @Override
    public void endArray() {
        depth--;
        out.append(']');
    }

    @Override
    public void number(String name, long value) {
        key(name).append(value);
    }

    @Override
    public void hexNumber(String name, long value, int digits) {
        key(name).append(value);
    }

    @Override
    public void bool(String name, boolean value) {
        key(name).append(value);
    }

    @Override
    public void string(String name, CharSequence value) {
        Text.jsonString(key(name), value);
    }

    @Override
    public void mac(String name, byte[] a, int offset) {
        Text.mac(key(name).append('"'), a, offset).append('"');
    }

    @Override
    public void ipv4(String name, int bits) {
        Text.ipv4(key(name).append('"'), bits).append('"');
    }

    @Override
    public void ipv6(String name, byte[] a, int offset) {
        Text.ipv6(key(name).append('"'), a, offset).append('"');
    }

    @Override
    public void bytes(String name, byte[] a, int offset, int length) {
        Text.hexBytes(key(name).append('"'), a, offset, length).append('"');
    }
}
