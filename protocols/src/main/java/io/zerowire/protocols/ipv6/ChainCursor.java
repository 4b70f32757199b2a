package io.zerowire.protocols.ipv6;

import io.zerowire.parse.BufferView;
import io.zerowire.parse.ParseException;

/**
 * A private cursor over the caller's buffer that the generated views of an IPv6 header chain
 * consume instead of the buffer itself. The walk may fail after several headers have been taken,
 * and a jumbogram's length is only known once its Hop-by-Hop header has been read, after the fixed
 * header's view has trimmed a zero payload length; so {@link Ipv6Packet} lets the views consume
 * this cursor and moves the real buffer once, when the whole chain is valid. Its
 * {@link #position()} is the buffer's plus what was taken, so errors report the same offsets as if
 * the views had consumed the buffer.
 */
final class ChainCursor implements BufferView {
    private byte[] array;
    private int start;
    private int bodyStart;
    private int bodyEnd;
    private int basePosition;

    /** Starts over the unconsumed bytes of {@code buffer}. */
    void reset(BufferView buffer) {
        byte[] a = buffer.array();
        if (array != a) {
            array = a; // a reference store costs a GC write barrier; a receive loop reuses its array
        }
        start = buffer.bodyStart();
        bodyStart = start;
        bodyEnd = buffer.bodyEnd();
        basePosition = buffer.position();
    }

    /** Moves the front back (or forward) to array index {@code index}: to read one header through two views. */
    void moveFrontTo(int index) {
        bodyStart = index;
    }

    /** Moves the end to array index {@code index}. */
    void moveEndTo(int index) {
        bodyEnd = index;
    }

    /** The buffer position of array index {@code index}. */
    int positionOf(int index) {
        return basePosition + (index - start);
    }

    @Override
    public byte[] array() {
        return array;
    }

    @Override
    public int bodyStart() {
        return bodyStart;
    }

    @Override
    public int bodyEnd() {
        return bodyEnd;
    }

    @Override
    public int position() {
        return positionOf(bodyStart);
    }

    @Override
    public int takeFront(int n) throws ParseException {
        if (n < 0 || n > remaining()) {
            throw ParseException.malformed("ipv6", "", position(), "needs %d bytes, only %d remain", n, remaining());
        }
        int taken = bodyStart;
        bodyStart += n;
        return taken;
    }

    @Override
    public int takeBack(int n) throws ParseException {
        if (n < 0 || n > remaining()) {
            throw ParseException.malformed("ipv6", "", positionOf(bodyEnd),
                    "needs %d bytes at the back, only %d remain", n, remaining());
        }
        bodyEnd -= n;
        return bodyEnd;
    }
}
