package io.zerowire.buffer;

import io.zerowire.parse.BufferView;
import io.zerowire.parse.ParseException;
import io.zerowire.parse.Parser;
import io.zerowire.parse.ParserWith;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SizeLimitExceededException;
import io.zerowire.serialize.Serializer;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A region of one {@code byte[]} split into a <em>prefix</em>, a <em>body</em> and a
 * <em>suffix</em> (netstack3's {@code Buf}). Parsing moves headers from the body into the prefix
 * and footers into the suffix; serializing grows the body over the prefix and suffix as each
 * layer writes its header and footer. Nothing is ever copied by either.
 *
 * <pre>
 *   regionStart      bodyStart            bodyEnd          regionEnd
 *   |---- prefix ----|-------- body -------|---- suffix ----|
 * </pre>
 *
 * <p>Parse, then give the bytes back:
 * <pre>{@code
 * PacketBuffer frame = PacketBuffer.wrap(bytes);
 * EthernetFrame eth = frame.parse(EthernetFrame::parse);   // header now in the prefix
 * Ipv4Packet ip = frame.parse(Ipv4Packet::parse);          // body is the IPv4 payload
 * frame.undoParse(ip.parseMetadata());
 * frame.undoParse(eth.parseMetadata());                    // body is the whole frame again
 * }</pre>
 *
 * <p>A buffer is also a {@link Serializer}: after parsing down to a payload, wrapping the payload
 * in new headers ({@code buffer.encapsulate(tcp).encapsulate(ip)}) writes them into the same
 * array when the prefix has room.
 *
 * <p><b>Working over NIO and Netty.</b> {@link #wrap(ByteBuffer)} wraps the remaining bytes of a
 * heap {@code ByteBuffer} in place (its {@code array()}, {@code arrayOffset() + position()} and
 * {@code remaining()}). A Netty heap {@code ByteBuf} is reached the same way through
 * {@code byteBuf.nioBuffer()} or directly with {@code wrap(byteBuf.array(), byteBuf.arrayOffset() +
 * byteBuf.readerIndex(), byteBuf.readableBytes())}. Direct (off-heap) buffers have no array and are
 * rejected: copy them into a reused heap buffer instead.
 *
 * <p>Not thread-safe: a buffer is owned by one thread at a time, like the packet in it.
 * Misuse by the programmer (growing past the region, shrinking more than the body) raises
 * {@link IndexOutOfBoundsException}; hostile <em>bytes</em> only ever raise {@link ParseException}.
 */
public final class PacketBuffer implements BufferView, Serializer {
    private byte[] array;
    private int regionStart;
    private int regionEnd;
    private int bodyStart;
    private int bodyEnd;

    private PacketBuffer(byte[] array, int regionStart, int regionEnd, int bodyStart, int bodyEnd) {
        this.array = array;
        this.regionStart = regionStart;
        this.regionEnd = regionEnd;
        this.bodyStart = bodyStart;
        this.bodyEnd = bodyEnd;
    }

    /** Wraps a whole array; the body is all of it. */
    public static PacketBuffer wrap(byte[] array) {
        return wrap(array, 0, array.length);
    }

    /** Wraps {@code array[offset, offset + length)} without copying; the body is all of it. */
    public static PacketBuffer wrap(byte[] array, int offset, int length) {
        checkRegion(array, offset, length);
        return new PacketBuffer(array, offset, offset + length, offset, offset + length);
    }

    /**
     * Wraps the remaining bytes of a heap {@code ByteBuffer} without copying; the buffer's
     * position and limit are not changed.
     *
     * @throws IllegalArgumentException if the buffer has no accessible array (direct or read-only)
     */
    public static PacketBuffer wrap(ByteBuffer buffer) {
        if (!buffer.hasArray()) {
            throw new IllegalArgumentException(
                    "only heap ByteBuffers with an accessible array can be wrapped without copying");
        }
        return wrap(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    }

    /**
     * A new zeroed buffer of {@code prefix + body + suffix} bytes whose body is the middle
     * {@code body} bytes.
     */
    public static PacketBuffer allocate(int prefix, int body, int suffix) {
        if (prefix < 0 || body < 0 || suffix < 0) {
            throw new IllegalArgumentException("negative length: " + prefix + ", " + body + ", " + suffix);
        }
        int capacity = Math.addExact(Math.addExact(prefix, body), suffix);
        return new PacketBuffer(new byte[capacity], 0, capacity, prefix, prefix + body);
    }

    /**
     * Points this buffer at a new region, whose body is all of it: the allocation-free way to
     * reuse one {@code PacketBuffer} object for a stream of frames.
     */
    public PacketBuffer rewrap(byte[] array, int offset, int length) {
        checkRegion(array, offset, length);
        if (this.array != array) {
            this.array = array; // a reference store costs a GC write barrier; a receive loop reuses its array
        }
        this.regionStart = offset;
        this.regionEnd = offset + length;
        this.bodyStart = offset;
        this.bodyEnd = offset + length;
        return this;
    }

    /** Makes the whole region the body again, with an empty prefix and suffix. */
    public PacketBuffer reset() {
        bodyStart = regionStart;
        bodyEnd = regionEnd;
        return this;
    }

    /**
     * Sets the body to {@code bodyLength} bytes after a prefix of {@code prefixLength} bytes.
     * The bytes are not touched.
     */
    public PacketBuffer resetBody(int prefixLength, int bodyLength) {
        if (prefixLength < 0 || bodyLength < 0 || (long) prefixLength + bodyLength > capacity()) {
            throw new IndexOutOfBoundsException("prefix " + prefixLength + " + body " + bodyLength
                    + " does not fit in capacity " + capacity());
        }
        bodyStart = regionStart + prefixLength;
        bodyEnd = bodyStart + bodyLength;
        return this;
    }

    @Override
    public byte[] array() {
        return array;
    }

    /** Array index of the first byte of the region. */
    public int regionStart() {
        return regionStart;
    }

    /** Array index one past the last byte of the region. */
    public int regionEnd() {
        return regionEnd;
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
        return bodyStart - regionStart;
    }

    /** Bytes before the body. */
    public int prefixLength() {
        return bodyStart - regionStart;
    }

    /** Bytes in the body. */
    public int bodyLength() {
        return bodyEnd - bodyStart;
    }

    /** Bytes after the body. */
    public int suffixLength() {
        return regionEnd - bodyEnd;
    }

    /** Bytes in the whole region: prefix + body + suffix. */
    public int capacity() {
        return regionEnd - regionStart;
    }

    /** The byte at {@code index} within the body. */
    public byte get(int index) {
        return array[checkBodyIndex(index)];
    }

    /** Sets the byte at {@code index} within the body. */
    public void set(int index, byte value) {
        array[checkBodyIndex(index)] = value;
    }

    /** A copy of the body, for tests and logging; the packet paths never need one. */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(array, bodyStart, bodyEnd);
    }

    // --- ParseBuffer -----------------------------------------------------------------------

    /** Moves {@code n} bytes from the front of the body into the prefix. */
    public PacketBuffer shrinkFront(int n) {
        checkShrink(n);
        bodyStart += n;
        return this;
    }

    /** Moves {@code n} bytes from the back of the body into the suffix. */
    public PacketBuffer shrinkBack(int n) {
        checkShrink(n);
        bodyEnd -= n;
        return this;
    }

    /** Shrinks the body from the back until it is {@code length} bytes long (trims padding). */
    public PacketBuffer shrinkBackTo(int length) {
        if (length < 0 || length > bodyLength()) {
            throw new IndexOutOfBoundsException("cannot shrink a body of " + bodyLength() + " bytes to " + length);
        }
        bodyEnd = bodyStart + length;
        return this;
    }

    /**
     * Parses a packet from the body. On success the header sits in the prefix (and a footer in
     * the suffix); on failure the buffer is exactly as it was, so nothing is lost.
     */
    public <P> P parse(Parser<P> parser) throws ParseException {
        int savedStart = bodyStart;
        int savedEnd = bodyEnd;
        try {
            return parser.parse(this);
        } catch (ParseException | RuntimeException e) {
            bodyStart = savedStart;
            bodyEnd = savedEnd;
            throw e;
        }
    }

    /** Parses a packet that needs outside context (for example the IP addresses for a pseudo-header checksum). */
    public <P, A> P parse(ParserWith<P, A> parser, A args) throws ParseException {
        int savedStart = bodyStart;
        int savedEnd = bodyEnd;
        try {
            return parser.parse(this, args);
        } catch (ParseException | RuntimeException e) {
            bodyStart = savedStart;
            bodyEnd = savedEnd;
            throw e;
        }
    }

    @Override
    public int takeFront(int n) throws ParseException {
        if (n < 0 || n > bodyLength()) {
            throw ParseException.malformed("buffer", "", position(),
                    "needs %d bytes, only %d remain", n, bodyLength());
        }
        int taken = bodyStart;
        bodyStart += n;
        return taken;
    }

    @Override
    public int takeBack(int n) throws ParseException {
        if (n < 0 || n > bodyLength()) {
            throw ParseException.malformed("buffer", "", bodyEnd - regionStart,
                    "needs %d bytes at the back, only %d remain", n, bodyLength());
        }
        bodyEnd -= n;
        return bodyEnd;
    }

    // --- GrowBuffer ------------------------------------------------------------------------

    /** Moves {@code n} bytes from the end of the prefix back into the body, as they are. */
    public PacketBuffer growFront(int n) {
        if (n < 0 || n > prefixLength()) {
            throw new IndexOutOfBoundsException("cannot grow front by " + n + ", prefix is " + prefixLength());
        }
        bodyStart -= n;
        return this;
    }

    /** Moves {@code n} bytes from the start of the suffix back into the body, as they are. */
    public PacketBuffer growBack(int n) {
        if (n < 0 || n > suffixLength()) {
            throw new IndexOutOfBoundsException("cannot grow back by " + n + ", suffix is " + suffixLength());
        }
        bodyEnd += n;
        return this;
    }

    /** Like {@link #growFront} but zeroes the bytes brought in, so no old bytes leak out. */
    public PacketBuffer growFrontZeroed(int n) {
        growFront(n);
        Arrays.fill(array, bodyStart, bodyStart + n, (byte) 0);
        return this;
    }

    /** Like {@link #growBack} but zeroes the bytes brought in (padding). */
    public PacketBuffer growBackZeroed(int n) {
        growBack(n);
        Arrays.fill(array, bodyEnd - n, bodyEnd, (byte) 0);
        return this;
    }

    /**
     * Gives back what one parse consumed: the body grows back to its recorded length (restoring
     * any trimmed padding), then over the header and footer. Undo nested parses innermost first.
     */
    public PacketBuffer undoParse(ParseMetadata metadata) {
        return undoParse(metadata.headerLength(), metadata.bodyLength(), metadata.footerLength());
    }

    /** {@link #undoParse(ParseMetadata)} without the record, for allocation-free loops. */
    public PacketBuffer undoParse(int headerLength, int bodyLength, int footerLength) {
        if (bodyLength() < bodyLength) {
            growBack(bodyLength - bodyLength());
        }
        growFront(headerLength);
        growBack(footerLength);
        return this;
    }

    // --- Serializer ------------------------------------------------------------------------

    /**
     * Serializes this buffer's body as the innermost packet: the provider reuses this buffer
     * when its prefix and suffix have room for the outer layers, and otherwise moves or copies it.
     */
    @Override
    public PacketBuffer serialize(PacketConstraints outer, BufferProvider provider) throws SizeLimitExceededException {
        int length = bodyLength();
        if (length > outer.maxBodyLength()) {
            throw new SizeLimitExceededException(length, outer.maxBodyLength());
        }
        int padding = Math.max(0, outer.minBodyLength() - length);
        return provider.reuseOrRealloc(this, outer.headerLength(), padding + outer.footerLength());
    }

    /**
     * Moves the body within the array so that it starts {@code prefixLength} bytes into the
     * region; used by buffer providers when the body fits but sits in the wrong place.
     */
    public PacketBuffer moveBody(int prefixLength) {
        int length = bodyLength();
        if (prefixLength < 0 || (long) prefixLength + length > capacity()) {
            throw new IndexOutOfBoundsException("a body of " + length + " bytes after a prefix of "
                    + prefixLength + " does not fit in capacity " + capacity());
        }
        int newStart = regionStart + prefixLength;
        System.arraycopy(array, bodyStart, array, newStart, length);
        bodyStart = newStart;
        bodyEnd = newStart + length;
        return this;
    }

    @Override
    public String toString() {
        return "PacketBuffer[prefix=" + prefixLength() + ", body=" + bodyLength() + ", suffix=" + suffixLength() + "]";
    }

    private int checkBodyIndex(int index) {
        if (index < 0 || index >= bodyLength()) {
            throw new IndexOutOfBoundsException("index " + index + " outside a body of " + bodyLength() + " bytes");
        }
        return bodyStart + index;
    }

    private void checkShrink(int n) {
        if (n < 0 || n > bodyLength()) {
            throw new IndexOutOfBoundsException("cannot shrink a body of " + bodyLength() + " bytes by " + n);
        }
    }

    private static void checkRegion(byte[] array, int offset, int length) {
        if (offset < 0 || length < 0 || offset > array.length - length) {
            throw new IndexOutOfBoundsException(
                    "region [" + offset + ", +" + length + ") outside an array of " + array.length);
        }
    }
}
