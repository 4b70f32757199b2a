package io.zerowire.options;

import io.zerowire.buffer.Bytes;
import io.zerowire.parse.ParseException;
import java.util.Objects;

/**
 * Reads the options of a type-length-value region in place, without copying or allocating: the
 * cursor a generated header view hands out for its option region.
 *
 * <p>{@link #reset reset} walks the region once and checks everything that could go wrong (every
 * option and its value padding fits in the region, no length field is below the minimum: both
 * {@code MALFORMED}; no more than {@link OptionFormat#maxOptions()} options: {@code UNSUPPORTED},
 * a security bound rather than a fault of the packet), throwing a {@link ParseException} on the
 * first problem. After a successful reset, {@link #next()} and the accessors cannot fail on any input, so
 * the loop that consumes the options needs no error handling. Single-byte options (NOP, Pad1) are
 * reported like any other, with {@link #length()} 1 and an empty value. An end-of-list option is
 * <em>not</em> reported: it ends the iteration, and the bytes from it to the end of the region are
 * padding ({@link #listEnd()} says where it is).
 *
 * <p>An instance is reusable: keep one per parsing loop and reset it for each packet. Nothing in
 * {@code reset}, {@code next} or the value readers allocates. Instances are not thread-safe.
 *
 * <pre>{@code
 * OptionsIterator options = new OptionsIterator();          // keep it across packets
 * options.reset(frame, tcp + 20, tcp + dataOffset * 4, TcpOptionFormat.FORMAT, "tcp", tcp + 20 - frameStart);
 * while (options.next()) {
 *     switch (options.kind()) {
 *         case 2 -> mss = options.valueU16(0);              // MSS
 *         case 3 -> windowScale = options.valueU8(0);       // window scale
 *         case 8 -> tsVal = options.valueU32(0);            // timestamps
 *         default -> { }                                    // NOP, unknown kinds
 *     }
 * }
 * }</pre>
 */
public final class OptionsIterator {

    /** The field name every options error carries. */
    static final String FIELD = "options";

    private static final String TRUNCATED_KIND = "truncated option kind";
    private static final String TRUNCATED_HEADER = "truncated option length";
    private static final String LENGTH_TOO_SMALL = "option length below the minimum";
    private static final String VALUE_PAST_END = "option runs past the end of the region";
    private static final String PADDING_PAST_END = "option value padding runs past the end of the region";
    private static final String TOO_MANY = "more options than the format allows";

    private static final byte[] EMPTY = new byte[0];

    private byte[] array = EMPTY;
    private OptionFormat format;
    private int start;
    private int end;
    private int listEnd;
    private int count;
    private int position;

    private int kind = -1;
    private int offset = -1;
    private int length;
    private int valueOffset = -1;
    private int valueLength;

    /** An iterator over an empty region, ready for {@link #reset reset}. */
    public OptionsIterator() {}

    /**
     * Validates the region {@code array[start, end)} and positions the iterator before its first
     * option. On failure the iterator is left over an empty region.
     *
     * @param array the packet bytes
     * @param start array index of the region's first byte
     * @param end array index one past the region's last byte
     * @param format the encoding rules of the region
     * @param layer the layer named in a parse error, such as {@code "tcp"}
     * @param errorBase the offset reported for a fault in the region's first byte; a fault in a
     *     later option is reported at {@code errorBase} plus that option's distance from {@code start}
     * @throws ParseException (field {@code "options"}) if the region is not a valid list (malformed),
     *     or holds more than {@link OptionFormat#maxOptions()} options (unsupported)
     * @throws IndexOutOfBoundsException if {@code [start, end)} is not within {@code array}: a
     *     programming error, not hostile input
     */
    public void reset(byte[] array, int start, int end, OptionFormat format, String layer, int errorBase)
            throws ParseException {
        Objects.requireNonNull(array, "array");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(layer, "layer");
        Objects.checkFromToIndex(start, end, array.length);
        long walked;
        if (start == end) {
            walked = start; // most headers carry no options: nothing to walk
        } else {
            try {
                walked = walk(array, start, end, format, layer, errorBase);
            } catch (ParseException e) {
                clear();
                throw e;
            }
        }
        noCurrent();
        this.array = array;
        this.format = format;
        this.start = start;
        this.end = end;
        this.listEnd = (int) walked;
        this.count = (int) (walked >>> 32);
        this.position = start;
    }

    /**
     * Positions the iterator over a region that its parser has already checked with
     * {@link #validate validate}: what a generated view's {@code options()} getter calls, so that
     * parsing pays for one walk and iterating for another only when someone iterates.
     *
     * @throws IllegalStateException if the region is not a valid list after all: a programming
     *     error (the region was never validated, or its bytes changed), never hostile input
     */
    public void resetValidated(byte[] array, int start, int end, OptionFormat format) {
        try {
            reset(array, start, end, format, format.name(), 0);
        } catch (ParseException e) {
            throw new IllegalStateException("the option region was not validated before iterating: " + e.getMessage());
        }
    }

    /**
     * Checks the region {@code array[start, end)} exactly as {@link #reset reset} does, without an
     * iterator: for a parser that only needs to know that the options are well formed.
     *
     * @return the number of options in the region, not counting an end-of-list option
     * @throws ParseException (malformed, field {@code "options"}) if the region is not a valid list
     * @throws IndexOutOfBoundsException if {@code [start, end)} is not within {@code array}
     */
    public static int validate(byte[] array, int start, int end, OptionFormat format, String layer, int errorBase)
            throws ParseException {
        return (int) (validateList(array, start, end, format, layer, errorBase) >>> 32);
    }

    /**
     * Checks the region exactly as {@link #validate validate} does and returns what the walk found,
     * for {@link #resetValidated(byte[], int, int, OptionFormat, long)}: a view validates its options
     * once in {@code wrap}, keeps this number, and its {@code options()} getter then positions the
     * iterator without walking the region again.
     *
     * @return an opaque summary of the list (its option count and where it ends)
     * @throws ParseException (malformed, field {@code "options"}) if the region is not a valid list
     * @throws IndexOutOfBoundsException if {@code [start, end)} is not within {@code array}
     */
    public static long validateList(byte[] array, int start, int end, OptionFormat format, String layer,
            int errorBase) throws ParseException {
        Objects.requireNonNull(array, "array");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(layer, "layer");
        Objects.checkFromToIndex(start, end, array.length);
        // The byte-sized walk directly, so that the JIT can inline it into a header's wrap.
        return format.byteSized ? walkByteSized(array, start, end, format, layer, errorBase)
                : walk(array, start, end, format, layer, errorBase);
    }

    /**
     * Positions the iterator over a region that {@link #validateList validateList} accepted,
     * without walking it again: {@code summary} is what it returned for the same region (any value
     * for an empty region).
     *
     * <p>Should the bytes change after validation, {@link #next()} still stays inside the region:
     * an option that no longer fits throws {@link IllegalStateException}, a programming error.
     *
     * @throws IndexOutOfBoundsException if {@code [start, end)} is not within {@code array}
     */
    public void resetValidated(byte[] array, int start, int end, OptionFormat format, long summary) {
        Objects.checkFromToIndex(start, end, array.length);
        int listEnd = (int) summary;
        noCurrent();
        this.array = array;
        this.format = Objects.requireNonNull(format, "format");
        this.start = start;
        this.end = end;
        if (start == end) {
            this.listEnd = start;
            this.count = 0;
        } else {
            if (listEnd < start || listEnd > end) {
                throw new IllegalArgumentException("summary " + summary + " is not of the region [" + start + ", " + end + ")");
            }
            this.listEnd = listEnd;
            this.count = (int) (summary >>> 32);
        }
        this.position = start;
    }

    /**
     * The validating walk: returns the option count in the high 32 bits and the array index where the
     * list ends (the end-of-list option, or {@code end}) in the low 32 bits.
     */
    private static long walk(byte[] a, int start, int end, OptionFormat f, String layer, int errorBase)
            throws ParseException {
        if (f.byteSized) {
            return walkByteSized(a, start, end, f, layer, errorBase);
        }
        final int kindEnd = f.kindEnd();
        final int headerSize = f.headerSize;
        final int unit = f.lengthUnit;
        final int eol = f.endOfListKind;
        final int max = f.maxOptions;
        int count = 0;
        int pos = start;
        while (pos < end) {
            int remaining = end - pos;
            if (remaining < kindEnd) {
                throw ParseException.malformed(layer, FIELD, errorBase + (pos - start), TRUNCATED_KIND);
            }
            int kind = f.kindAt(a, pos);
            int total;
            if (f.isSingleByte(kind)) {
                total = 1;
            } else {
                if (remaining < headerSize) {
                    throw ParseException.malformed(layer, FIELD, errorBase + (pos - start), TRUNCATED_HEADER);
                }
                int lengthField = f.lengthFieldAt(a, pos);
                if (f.lengthIncludesHeader) {
                    total = lengthField * unit;
                    if (total < headerSize) {
                        throw ParseException.malformed(layer, FIELD, errorBase + (pos - start), LENGTH_TOO_SMALL);
                    }
                    if (total > remaining) {
                        throw ParseException.malformed(layer, FIELD, errorBase + (pos - start), VALUE_PAST_END);
                    }
                } else {
                    int valueLength = lengthField * unit;
                    if (headerSize + valueLength > remaining) {
                        throw ParseException.malformed(layer, FIELD, errorBase + (pos - start), VALUE_PAST_END);
                    }
                    total = headerSize + OptionFormat.roundUp(valueLength, f.valueAlignment);
                    if (total > remaining) {
                        throw ParseException.malformed(layer, FIELD, errorBase + (pos - start), PADDING_PAST_END);
                    }
                }
            }
            if (kind == eol) {
                break;
            }
            if (count == max) {
                throw ParseException.unsupported(layer, FIELD, errorBase + (pos - start), TOO_MANY);
            }
            count++;
            pos += total;
        }
        return ((long) count << 32) | (pos & 0xFFFF_FFFFL);
    }

    /**
     * The walk for the formats of RFC 791, RFC 9293 and RFC 8200 (one-byte kind, one-byte length in
     * bytes, no value padding): the same rules as {@link #walk}, without the per-option dispatch on
     * field sizes, units and alignment that the general formats need. Headers parse this on every packet.
     */
    private static long walkByteSized(byte[] a, int start, int end, OptionFormat f, String layer, int errorBase)
            throws ParseException {
        final int eol = f.endOfListKind;
        final int max = f.maxOptions;
        int count = 0;
        int pos = start;
        while (pos < end) {
            int kind = a[pos] & 0xFF;
            int total = 1;
            if (!f.isSingleByte(kind)) {
                int remaining = end - pos;
                if (remaining < 2) {
                    throw ParseException.malformed(layer, FIELD, errorBase + (pos - start), TRUNCATED_HEADER);
                }
                total = (a[pos + 1] & 0xFF) + f.lengthFieldExcludes;
                if (total < 2) {
                    throw ParseException.malformed(layer, FIELD, errorBase + (pos - start), LENGTH_TOO_SMALL);
                }
                if (total > remaining) {
                    throw ParseException.malformed(layer, FIELD, errorBase + (pos - start), VALUE_PAST_END);
                }
            }
            if (kind == eol) {
                break;
            }
            if (count == max) {
                throw ParseException.unsupported(layer, FIELD, errorBase + (pos - start), TOO_MANY);
            }
            count++;
            pos += total;
        }
        return ((long) count << 32) | (pos & 0xFFFF_FFFFL);
    }

    private void clear() {
        array = EMPTY;
        format = null;
        start = 0;
        end = 0;
        listEnd = 0;
        count = 0;
        position = 0;
        noCurrent();
    }

    private void noCurrent() {
        kind = -1;
        offset = -1;
        length = 0;
        valueOffset = -1;
        valueLength = 0;
    }

    /**
     * Moves to the next option.
     *
     * @return whether there is one; once false, the accessors describe no option until
     *     {@link #rewind()} or {@link #reset reset}
     */
    public boolean next() {
        int pos = position;
        if (pos >= listEnd) {
            noCurrent();
            return false;
        }
        OptionFormat f = format;
        byte[] a = array;
        if (!f.byteSized && listEnd - pos < f.kindEnd()) {
            throw new IllegalStateException("the option at " + pos + " no longer fits its validated region");
        }
        int k = f.byteSized ? a[pos] & 0xFF : f.kindAt(a, pos);
        int total;
        int vLength;
        if (f.isSingleByte(k)) {
            total = 1;
            vLength = 0;
        } else {
            if (listEnd - pos < f.headerSize) {
                throw new IllegalStateException("the option at " + pos + " no longer fits its validated region");
            }
            int lengthField = f.lengthFieldAt(a, pos);
            if (f.byteSized) {
                total = lengthField + f.lengthFieldExcludes;
                vLength = total - 2;
            } else if (f.lengthIncludesHeader) {
                total = lengthField * f.lengthUnit;
                vLength = total - f.headerSize;
            } else {
                vLength = lengthField * f.lengthUnit;
                total = f.headerSize + OptionFormat.roundUp(vLength, f.valueAlignment);
            }
        }
        if (total < 1 || total > listEnd - pos) {
            // Only if the bytes changed since the region was validated: never walk out of it.
            throw new IllegalStateException("the option at " + pos + " no longer fits its validated region");
        }
        kind = k;
        offset = pos;
        length = total;
        valueOffset = total == 1 ? pos + 1 : pos + f.headerSize;
        valueLength = vLength;
        position = pos + total;
        return true;
    }

    /** Goes back before the first option, to iterate the same region again. */
    public void rewind() {
        position = start;
        noCurrent();
    }

    /**
     * Rewinds and advances to the first option of {@code kind}: the form a generated getter such as
     * {@code mss()} uses.
     *
     * @return whether the region holds such an option; if so, the accessors describe it
     */
    public boolean find(int kind) {
        rewind();
        while (next()) {
            if (this.kind == kind) {
                return true;
            }
        }
        return false;
    }

    /** The number of options in the region (single-byte ones included, the end-of-list option not). */
    public int count() {
        return count;
    }

    /** The kind (type, code) of the current option, or -1 when there is none. */
    public int kind() {
        return kind;
    }

    /** Array index of the current option's first byte, or -1 when there is none. */
    public int offset() {
        return offset;
    }

    /** Total bytes of the current option: kind, length, value and value padding (1 for a single-byte option). */
    public int length() {
        return length;
    }

    /** Array index of the current option's value. */
    public int valueOffset() {
        return valueOffset;
    }

    /**
     * Bytes of the current option's value as its length field declares them (for NDP, everything
     * after the two header bytes), without the format's per-option alignment padding.
     */
    public int valueLength() {
        return valueLength;
    }

    /**
     * The unsigned byte at {@code i} in the current value.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not inside the value (a programming error:
     *     check {@link #valueLength()} first for options of variable length)
     */
    public int valueU8(int i) {
        Objects.checkIndex(i, valueLength);
        return array[valueOffset + i] & 0xFF;
    }

    /**
     * The unsigned 16-bit number at {@code i} in the current value, in the format's byte order.
     *
     * @throws IndexOutOfBoundsException if {@code [i, i + 2)} is not inside the value
     */
    public int valueU16(int i) {
        Objects.checkFromIndexSize(i, 2, valueLength);
        int index = valueOffset + i;
        return format.bigEndian ? Bytes.u16(array, index) : Bytes.u16le(array, index);
    }

    /**
     * The unsigned 32-bit number at {@code i} in the current value, in the format's byte order.
     *
     * @throws IndexOutOfBoundsException if {@code [i, i + 4)} is not inside the value
     */
    public long valueU32(int i) {
        Objects.checkFromIndexSize(i, 4, valueLength);
        int index = valueOffset + i;
        return format.bigEndian ? Bytes.u32(array, index) : Bytes.u32le(array, index);
    }

    /**
     * The 64 bits at {@code i} in the current value, in the format's byte order (pcapng counters
     * and timestamps).
     *
     * @throws IndexOutOfBoundsException if {@code [i, i + 8)} is not inside the value
     */
    public long valueI64(int i) {
        Objects.checkFromIndexSize(i, 8, valueLength);
        int index = valueOffset + i;
        return format.bigEndian ? Bytes.i64(array, index) : Bytes.i64le(array, index);
    }

    /** The array the region lives in, to copy a value out: {@code [valueOffset(), valueOffset() + valueLength())}. */
    public byte[] array() {
        return array;
    }

    /** The format of the region, or {@code null} before a successful reset. */
    public OptionFormat format() {
        return format;
    }

    /** Array index of the region's first byte. */
    public int start() {
        return start;
    }

    /** Array index one past the region's last byte. */
    public int end() {
        return end;
    }

    /**
     * Array index where the list ends: the end-of-list option if the region has one (the bytes from
     * there to {@link #end()} are padding), else {@link #end()}. The lengths of all options add up to
     * {@code listEnd() - start()}.
     */
    public int listEnd() {
        return listEnd;
    }

    /** Whether the list is terminated by an end-of-list option before the end of the region. */
    public boolean hasEndOfList() {
        return listEnd != end;
    }
}
