package io.zerowire.options;

import io.zerowire.buffer.Bytes;
import java.util.Arrays;
import java.util.Objects;

/**
 * Collects options in a format's wire encoding and writes them as a padded option region: what a
 * generated header builder uses to serialize its option region.
 *
 * <p>Options are encoded as they are added, into an internal array that grows only when it needs
 * more room; {@link #clear()} keeps the array, so a builder reused for options of the same size
 * allocates nothing. {@link #regionLength(int)} tells the header builder how long the region must
 * be to keep the header aligned, and {@link #write write} copies the options and fills the rest
 * with the format's {@linkplain OptionFormat#padding() padding} (EOL then zeros for IPv4 and TCP,
 * Pad1/PadN for IPv6, zeros for NDP and pcapng). Every byte of the region is written, so a reused
 * output buffer never leaks old bytes. Instances are not thread-safe.
 *
 * <pre>{@code
 * OptionsBuilder syn = new OptionsBuilder(TcpOptionFormat.FORMAT);   // keep it; clear() per packet
 * syn.addU16(2, 1460)            // MSS
 *    .addSingleByte(1)           // NOP
 *    .addU8(3, 7)                // window scale
 *    .add(4, new byte[0]);       // SACK permitted
 * int region = syn.regionLength(20);                            // 12: header stays a multiple of 4
 * syn.write(frame, tcp + 20, region);                           // 02 04 05 b4 01 03 03 07 04 02 00 00
 * }</pre>
 */
public final class OptionsBuilder {

    private final OptionFormat format;
    private byte[] bytes;
    private int length;
    private int count;
    private boolean ended;

    /** An empty builder for {@code format}. */
    public OptionsBuilder(OptionFormat format) {
        this(format, 64);
    }

    /**
     * An empty builder for {@code format} whose internal array starts with room for
     * {@code initialCapacity} bytes of options.
     */
    public OptionsBuilder(OptionFormat format, int initialCapacity) {
        this.format = Objects.requireNonNull(format, "format");
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("negative capacity: " + initialCapacity);
        }
        this.bytes = new byte[initialCapacity];
    }

    /** The format the options are encoded in. */
    public OptionFormat format() {
        return format;
    }

    /**
     * Adds an option with the given value.
     *
     * @throws IllegalArgumentException if the kind is out of range, single-byte or the end-of-list
     *     kind (use {@link #addSingleByte} or {@link #addEndOfList}), or the value is longer than the
     *     length field can describe ({@link OptionFormat#maxValueLength()})
     * @throws IllegalStateException after {@link #addEndOfList()}, or beyond {@link OptionFormat#maxOptions()}
     */
    public OptionsBuilder add(int kind, byte[] value) {
        return add(kind, value, 0, value.length);
    }

    /**
     * Adds an option whose value is {@code value[off, off + len)}.
     *
     * @throws IllegalArgumentException as {@link #add(int, byte[])}
     * @throws IllegalStateException as {@link #add(int, byte[])}
     * @throws IndexOutOfBoundsException if the range is not within {@code value}
     */
    public OptionsBuilder add(int kind, byte[] value, int off, int len) {
        Objects.checkFromIndexSize(off, len, value.length);
        int at = reserve(kind, len);
        System.arraycopy(value, off, bytes, at, len);
        return this;
    }

    /** Adds an option whose value is one byte, {@code value & 0xFF}; see {@link #add(int, byte[])}. */
    public OptionsBuilder addU8(int kind, int value) {
        int at = reserve(kind, 1);
        bytes[at] = (byte) value;
        return this;
    }

    /** Adds an option whose value is 16 bits in the format's byte order; see {@link #add(int, byte[])}. */
    public OptionsBuilder addU16(int kind, int value) {
        int at = reserve(kind, 2);
        if (format.bigEndian) {
            Bytes.putU16(bytes, at, value);
        } else {
            Bytes.putU16le(bytes, at, value);
        }
        return this;
    }

    /** Adds an option whose value is 32 bits in the format's byte order; see {@link #add(int, byte[])}. */
    public OptionsBuilder addU32(int kind, long value) {
        int at = reserve(kind, 4);
        if (format.bigEndian) {
            Bytes.putI32(bytes, at, (int) value);
        } else {
            Bytes.putI32le(bytes, at, (int) value);
        }
        return this;
    }

    /**
     * Adds a single-byte option such as NOP or Pad1. The format's end-of-list kind (TCP's EOL) is
     * the same as {@link #addEndOfList()}.
     *
     * @throws IllegalArgumentException if the format does not list {@code kind} as single-byte
     * @throws IllegalStateException after {@link #addEndOfList()}, or beyond {@link OptionFormat#maxOptions()}
     */
    public OptionsBuilder addSingleByte(int kind) {
        if (!format.isSingleByte(kind)) {
            throw new IllegalArgumentException(format.name + " has no single-byte kind " + kind);
        }
        if (kind == format.endOfListKind) {
            return addEndOfList();
        }
        checkOpen();
        ensure(1);
        bytes[length++] = (byte) kind;
        count++;
        return this;
    }

    /**
     * Ends the list with the format's end-of-list option; the rest of the region will be zeros. No
     * option can follow it. Optional: {@link OptionFormat.Padding#END_OF_LIST_THEN_ZEROS} padding
     * writes one anyway when the region has room after the options.
     *
     * @throws UnsupportedOperationException if the format has no end-of-list kind
     * @throws IllegalStateException if the list already ended
     */
    public OptionsBuilder addEndOfList() {
        if (format.endOfListKind == OptionFormat.NO_KIND) {
            throw new UnsupportedOperationException(format.name + " has no end-of-list kind");
        }
        if (ended) {
            throw new IllegalStateException("the list already ended");
        }
        int size = format.endOfListSize;
        ensure(size);
        writeEndOfList(bytes, length);
        length += size;
        ended = true;
        return this;
    }

    /**
     * Adds a copy of every option of {@code options} (from its start, whatever its position), single-byte
     * ones and the end-of-list included, so that a parsed header's options can be written again. Bytes
     * after an end-of-list option are padding: they are written as zeros, but as many of them as the
     * parsed region held, so that the copy's region is as long as the original's and the header
     * length that counts it (IPv4's IHL, TCP's data offset) comes out the same.
     *
     * <pre>{@code
     * OptionsBuilder copy = new OptionsBuilder(Ipv4OptionFormat.FORMAT).addAll(parsed.options());
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code options} is of another format
     * @throws IllegalStateException as {@link #add(int, byte[])}
     */
    public OptionsBuilder addAll(OptionsIterator options) {
        if (options.format() != format) {
            throw new IllegalArgumentException("options of format " + options.format().name()
                    + " cannot be added to a " + format.name + " list");
        }
        options.rewind();
        while (options.next()) {
            int kind = options.kind();
            if (format.isSingleByte(kind)) {
                addSingleByte(kind);
            } else {
                add(kind, options.array(), options.valueOffset(), options.valueLength());
            }
        }
        options.rewind();
        if (options.hasEndOfList() && !ended) {
            addEndOfList();
            int padding = options.end() - options.listEnd() - format.endOfListSize;
            ensure(padding);
            Arrays.fill(bytes, length, length + padding, (byte) 0);
            length += padding;
        }
        return this;
    }

    /** Removes every option, keeping the internal array for reuse. */
    public OptionsBuilder clear() {
        length = 0;
        count = 0;
        ended = false;
        return this;
    }

    /** Bytes of the options added so far, including per-option padding, before region padding. */
    public int encodedLength() {
        return length;
    }

    /** Options added so far, single-byte ones included, an end-of-list option not. */
    public int count() {
        return count;
    }

    /** Whether {@link #addEndOfList()} was called since the last {@link #clear()}. */
    public boolean isEnded() {
        return ended;
    }

    /**
     * The length of the padded region that follows a fixed header of {@code fixedHeaderLength}
     * bytes: the smallest length of at least {@link #encodedLength()} bytes that makes header plus
     * region a multiple of {@link OptionFormat#regionAlignment()} and whose padding the format can
     * express (for pcapng, padding shorter than an {@code opt_endofopt} is avoided by going one
     * alignment step further).
     *
     * @throws IllegalArgumentException if {@code fixedHeaderLength} is negative, or no padding the
     *     format can express aligns the region (NDP after a header that is not a multiple of 8)
     * @throws IllegalStateException if the padding options would exceed {@link OptionFormat#maxOptions()}
     */
    public int regionLength(int fixedHeaderLength) {
        if (fixedHeaderLength < 0) {
            throw new IllegalArgumentException("negative fixedHeaderLength: " + fixedHeaderLength);
        }
        int align = format.regionAlignment;
        int pad = OptionFormat.roundUp(fixedHeaderLength + length, align) - fixedHeaderLength - length;
        // Pad1/PadN and an EOL byte express any padding; an end-of-list option is at most 8 bytes,
        // so within 9 alignment steps the padding is either long enough or never will be.
        for (int step = 0; step < 10; step++, pad += align) {
            int added = paddingOptions(pad);
            if (added >= 0) {
                if (count + added > format.maxOptions) {
                    throw new IllegalStateException("options plus padding exceed maxOptions of " + format.name);
                }
                return length + pad;
            }
        }
        throw new IllegalArgumentException(format.name + " cannot pad options after a fixed header of "
                + fixedHeaderLength + " bytes to a multiple of " + align);
    }

    /**
     * Writes the options at {@code array[offset]}, then pads with the format's padding to exactly
     * {@code regionLength} bytes. Every byte of {@code array[offset, offset + regionLength)} is
     * written; nothing else is. On an exception, nothing is written.
     *
     * @param regionLength usually {@link #regionLength(int)}; larger values pad more
     * @throws IllegalArgumentException if {@code regionLength} is below {@link #encodedLength()} or
     *     the format cannot express that much padding
     * @throws IllegalStateException if the padding options would exceed {@link OptionFormat#maxOptions()}
     * @throws IndexOutOfBoundsException if the region is not within {@code array}
     */
    public void write(byte[] array, int offset, int regionLength) {
        Objects.checkFromIndexSize(offset, regionLength, array.length);
        int pad = regionLength - length;
        if (pad < 0) {
            throw new IllegalArgumentException("region of " + regionLength + " bytes is shorter than the "
                    + length + " bytes of options");
        }
        int added = paddingOptions(pad);
        if (added < 0) {
            throw new IllegalArgumentException(format.name + " cannot express " + pad + " bytes of padding");
        }
        if (count + added > format.maxOptions) {
            throw new IllegalStateException("options plus padding exceed maxOptions of " + format.name);
        }
        System.arraycopy(bytes, 0, array, offset, length);
        writePadding(array, offset + length, pad);
    }

    /**
     * How many options {@code pad} bytes of padding add for the iterator to count, or -1 if the
     * format cannot express them.
     */
    private int paddingOptions(int pad) {
        if (pad == 0 || ended) {
            return 0;
        }
        OptionFormat f = format;
        switch (f.padding) {
            case END_OF_LIST_THEN_ZEROS:
                return pad >= f.endOfListSize ? 0 : -1;
            case PAD1_PADN: {
                // As writePadding: PadN options while a PadN fits, then Pad1 for each byte left.
                int maxPadN = f.totalLength(f.maxValueLength);
                int rest = pad % maxPadN;
                return pad / maxPadN + (rest == 0 ? 0 : rest >= f.headerSize ? 1 : rest);
            }
            default: // ZEROS
                if (f.endOfListKind == 0) {
                    if (f.isSingleByte(0)) {
                        return 0;
                    }
                    // A zero TLV is an end-of-list option when a zero length is valid.
                    return !f.lengthIncludesHeader && pad >= f.headerSize ? 0 : -1;
                }
                if (f.isSingleByte(0)) {
                    return pad; // each zero byte is a single-byte option
                }
                return -1;
        }
    }

    private void writePadding(byte[] a, int at, int pad) {
        if (pad == 0) {
            return;
        }
        OptionFormat f = format;
        if (ended || f.padding == OptionFormat.Padding.ZEROS) {
            Arrays.fill(a, at, at + pad, (byte) 0);
            return;
        }
        if (f.padding == OptionFormat.Padding.END_OF_LIST_THEN_ZEROS) {
            writeEndOfList(a, at);
            int size = f.endOfListSize;
            Arrays.fill(a, at + size, at + pad, (byte) 0);
            return;
        }
        // PAD1_PADN: PadN options of at most the longest value while a PadN fits, then a Pad1 for
        // each byte left (one at most when the length field is 1 byte, as in IPv6).
        int maxPadN = f.totalLength(f.maxValueLength);
        int end = at + pad;
        while (end - at >= f.headerSize) {
            int chunk = Math.min(end - at, maxPadN);
            writeHeader(a, at, f.padNKind, chunk - f.headerSize);
            Arrays.fill(a, at + f.headerSize, at + chunk, (byte) 0);
            at += chunk;
        }
        while (at < end) {
            a[at++] = (byte) f.pad1Kind;
        }
    }

    private void writeEndOfList(byte[] a, int at) {
        OptionFormat f = format;
        if (f.isSingleByte(f.endOfListKind)) {
            a[at] = (byte) f.endOfListKind;
        } else {
            int size = f.endOfListSize;
            writeHeader(a, at, f.endOfListKind, 0);
            Arrays.fill(a, at + f.headerSize, at + size, (byte) 0);
        }
    }

    /** Checks the kind and length, makes room, writes the header and zeroes the value area; returns the value's index. */
    private int reserve(int kind, int valueLength) {
        OptionFormat f = format;
        if (kind < 0 || kind > f.maxKind) {
            throw new IllegalArgumentException("kind " + kind + " out of range for " + f.name);
        }
        if (f.isSingleByte(kind)) {
            throw new IllegalArgumentException("kind " + kind + " is single-byte in " + f.name + "; use addSingleByte");
        }
        if (kind == f.endOfListKind) {
            throw new IllegalArgumentException("kind " + kind + " ends the list in " + f.name + "; use addEndOfList");
        }
        if (valueLength > f.maxValueLength) {
            throw new IllegalArgumentException("value of " + valueLength + " bytes exceeds the " + f.maxValueLength
                    + " bytes the length field of " + f.name + " can describe");
        }
        checkOpen();
        int total = f.totalLength(valueLength);
        ensure(total);
        int at = length;
        writeHeader(bytes, at, kind, valueLength);
        Arrays.fill(bytes, at + f.headerSize, at + total, (byte) 0);
        length += total;
        count++;
        return at + f.headerSize;
    }

    private void writeHeader(byte[] a, int at, int kind, int valueLength) {
        format.writeHeader(a, at, kind, format.lengthField(valueLength));
    }

    private void checkOpen() {
        if (ended) {
            throw new IllegalStateException("no option can follow the end of the list");
        }
        if (count >= format.maxOptions) {
            throw new IllegalStateException("more than " + format.maxOptions + " options for " + format.name);
        }
    }

    private void ensure(int extra) {
        int needed = length + extra;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }
}
