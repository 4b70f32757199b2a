package io.zerowire.cli.format;

/**
 * Where {@link FrameFields} writes the fields of a dissected frame: a small event interface with one
 * implementation per output form ({@link JsonSink} for {@code --json}, {@link TreeSink} for
 * {@code -V}), so that both show exactly the same fields under the same names.
 *
 * <p>{@code name} is the key of a member of the enclosing object, and must be null for an element
 * of an array. Values are written from the packet's bytes or primitives, never through objects: an
 * implementation appends to a reused builder and allocates nothing.
 */
public interface FieldSink {
    /** Opens a nested object (a layer, an option, a record). */
    void beginObject(String name);

    /** Closes the innermost object. */
    void endObject();

    /** Opens an array. */
    void beginArray(String name);

    /** Closes the innermost array. */
    void endArray();

    /** An integer field. */
    void number(String name, long value);

    /** An integer field that reads better in hex ({@code 0x0800}): JSON still writes the number. */
    void hexNumber(String name, long value, int digits);

    /** A boolean field. */
    void bool(String name, boolean value);

    /** A text field (names of kinds, verdicts; never built per packet). */
    void string(String name, CharSequence value);

    /** A MAC address of 6 bytes at {@code offset}. */
    void mac(String name, byte[] a, int offset);

    /** An IPv4 address given as its 32 bits. */
    void ipv4(String name, int bits);

    /** An IPv6 address of 16 bytes at {@code offset}. */
    void ipv6(String name, byte[] a, int offset);

    /** Raw bytes, written as hex. */
    void bytes(String name, byte[] a, int offset, int length);
}
