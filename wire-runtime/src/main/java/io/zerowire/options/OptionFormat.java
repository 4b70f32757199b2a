package io.zerowire.options;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The encoding rules of one family of type-length-value option regions: everything that differs
 * between option lists such as those of IPv4, TCP, the IPv6 Hop-by-Hop and Destination Options
 * headers, NDP, pcapng, GENEVE or NSH, said once so that one allocation-free {@link OptionsIterator}
 * and one {@link OptionsBuilder} serve them all. The runtime knows no protocol's format: each is
 * declared as a layout of the option's own header ({@code @OptionHeader}) and the annotation
 * processor builds its {@code OptionFormat} constant.
 *
 * <p>An option is a header of {@linkplain #headerSize() 1 to 8 bytes} holding a kind field and a
 * length field, each a run of bits at any position (GENEVE's 5-bit length sits after 3 reserved
 * bits), then a value. In a big-endian format a field is numbered as in an RFC's diagram, bit 0
 * being the most significant bit of the header's first byte; in a little-endian one both fields are
 * whole bytes, read little-endian. Bits of the header outside both fields are written as zero. The
 * rules:
 * <ul>
 *   <li><b>length semantics</b>: the length field either counts the whole option, kind and length
 *       bytes included (IPv4, TCP, NDP), or only the value (IPv6 options, pcapng); it is counted in
 *       {@linkplain #lengthUnit() units} of 1 byte, or 8 for NDP;
 *   <li><b>single-byte kinds</b> consist of the kind byte alone, with no length field (IPv4/TCP
 *       End of Option List and No-Operation, IPv6 Pad1);
 *   <li><b>end of list</b>: an optional kind after which the rest of the region is padding; the
 *       end-of-list option itself is not reported by the iterator. It is single-byte in IPv4 and TCP
 *       and a normal option with an empty value in pcapng ({@code opt_endofopt});
 *   <li><b>value alignment</b>: each value is followed by zero bytes up to a multiple of this
 *       (4 in pcapng), not counted by the length field;
 *   <li><b>padding</b> and <b>region alignment</b>: how a builder fills the region up to the
 *       header's alignment (4 for IPv4, TCP and pcapng, 8 for IPv6 extension headers and NDP);
 *   <li><b>maximum option count</b>: a security bound. A region with more options is rejected
 *       ({@code UNSUPPORTED}), so that a hostile packet full of one-byte options (a Hop-by-Hop header of 2,000
 *       Pad1 bytes, say) costs a parser no more than {@value #DEFAULT_MAX_OPTIONS} steps per region
 *       by default, and a generated view never hands its user an unbounded loop.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. Use a generated constant, or build one, or derive one
 * with {@link #toBuilder()}:
 *
 * <pre>{@code
 * OptionFormat strictTcp = TcpOptionFormat.FORMAT.toBuilder().name("tcp-strict").maxOptions(16).build();
 * }</pre>
 */
public final class OptionFormat {

    /** Stands for "no such kind" in {@link #endOfListKind()}, {@link #pad1Kind()} and {@link #padNKind()}. */
    public static final int NO_KIND = -1;

    /**
     * The default {@linkplain #maxOptions() bound on options per region}: 64. It is above anything
     * a real stack sends (a TCP or IPv4 region of 40 bytes holds at most 40 one-byte options; Linux
     * drops IPv6 headers with more than 7 consecutive padding bytes), and low enough that a crafted
     * region cannot make a parser loop for long.
     */
    public static final int DEFAULT_MAX_OPTIONS = 64;

    /** How a builder fills the bytes between the last option and the end of the region. */
    public enum Padding {
        /**
         * One end-of-list option, then zero bytes (IPv4, TCP: {@code 00} then zeros, as RFC 791 and
         * RFC 9293 ask). Needs an {@linkplain OptionFormat#endOfListKind() end-of-list kind}.
         */
        END_OF_LIST_THEN_ZEROS,
        /**
         * A single padding byte is the single-byte {@linkplain OptionFormat#pad1Kind() Pad1}; two or
         * more are one {@linkplain OptionFormat#padNKind() PadN} option with a zeroed value (RFC 8200, section 4.2).
         */
        PAD1_PADN,
        /**
         * Zero bytes. Only regions whose zeros read back validly can be padded: in pcapng, four or
         * more zeros are an {@code opt_endofopt}; NDP regions are always a multiple of 8 already.
         */
        ZEROS
    }

    // Package-private and final so that the iterator's loops read them directly.
    final String name;
    final int headerSize;
    /** The kind field: bit offset and width as declared, then where to read it: first byte, byte count, shift, mask. */
    final int kindBitOffset;
    final int kindBitWidth;
    final int kindFirstByte;
    final int kindBytes;
    final int kindShift;
    final int kindMask;
    /** The length field, as the kind field. */
    final int lengthBitOffset;
    final int lengthBitWidth;
    final int lengthFirstByte;
    final int lengthBytes;
    final int lengthShift;
    final int lengthMask;
    final boolean bigEndian;
    final boolean lengthIncludesHeader;
    final int lengthUnit;
    /** Bit set of the single-byte kinds 0..255, four words. */
    private final long single0;
    private final long single1;
    private final long single2;
    private final long single3;
    final int endOfListKind;
    final int valueAlignment;
    final Padding padding;
    final int pad1Kind;
    final int padNKind;
    final int regionAlignment;
    final int maxOptions;
    final int maxKind;
    final int maxLengthField;
    final int maxValueLength;
    /** Bytes of the end-of-list option, or 0 when the format has none. */
    final int endOfListSize;
    /**
     * One-byte kind and one-byte length in bytes, counting the whole option (RFC 791, RFC 9293) or
     * only an unpadded value (RFC 8200): the iterator's fast walk applies.
     */
    final boolean byteSized;
    /** For a byte-sized format, what to add to the length field to get the option's size: 0 or 2. */
    final int lengthFieldExcludes;

    private OptionFormat(Builder b) {
        this.name = b.name;
        this.headerSize = b.resolvedHeaderSize();
        this.kindBitOffset = b.resolvedKindOffset();
        this.kindBitWidth = b.resolvedKindWidth();
        this.kindFirstByte = kindBitOffset >>> 3;
        this.kindBytes = ((kindBitOffset + kindBitWidth + 7) >>> 3) - kindFirstByte;
        this.kindShift = kindBytes * 8 - (kindBitOffset & 7) - kindBitWidth;
        this.kindMask = (int) ((1L << kindBitWidth) - 1);
        this.lengthBitOffset = b.resolvedLengthOffset();
        this.lengthBitWidth = b.resolvedLengthWidth();
        this.lengthFirstByte = lengthBitOffset >>> 3;
        this.lengthBytes = ((lengthBitOffset + lengthBitWidth + 7) >>> 3) - lengthFirstByte;
        this.lengthShift = lengthBytes * 8 - (lengthBitOffset & 7) - lengthBitWidth;
        this.lengthMask = (int) ((1L << lengthBitWidth) - 1);
        this.bigEndian = b.byteOrder == ByteOrder.BIG_ENDIAN;
        this.lengthIncludesHeader = b.lengthIncludesHeader;
        this.lengthUnit = b.lengthUnit;
        this.single0 = b.single[0];
        this.single1 = b.single[1];
        this.single2 = b.single[2];
        this.single3 = b.single[3];
        this.endOfListKind = b.endOfListKind;
        this.valueAlignment = b.valueAlignment;
        this.padding = b.padding;
        this.pad1Kind = b.pad1Kind;
        this.padNKind = b.padNKind;
        this.regionAlignment = b.regionAlignment;
        this.maxOptions = b.maxOptions;
        this.maxKind = kindMask;
        this.maxLengthField = lengthMask;
        this.maxValueLength = lengthIncludesHeader
                ? maxLengthField * lengthUnit - headerSize
                : maxLengthField * lengthUnit;
        this.byteSized = headerSize == 2 && kindBitOffset == 0 && kindBitWidth == 8 && lengthBitOffset == 8
                && lengthBitWidth == 8 && lengthUnit == 1 && (lengthIncludesHeader || valueAlignment == 1);
        this.lengthFieldExcludes = lengthIncludesHeader ? 0 : headerSize;
        this.endOfListSize = endOfListKind == NO_KIND ? 0
                : isSingleByte(endOfListKind) ? 1
                : totalLength(0);
    }

    /** A builder with neutral defaults (1-byte kind and length counting the whole option, big-endian, no special kinds). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialized with this format's rules, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder()
                .name(name)
                .headerSize(headerSize)
                .kindBits(kindBitOffset, kindBitWidth)
                .lengthBits(lengthBitOffset, lengthBitWidth)
                .byteOrder(byteOrder())
                .lengthIncludesHeader(lengthIncludesHeader)
                .lengthUnit(lengthUnit)
                .endOfListKind(endOfListKind)
                .valueAlignment(valueAlignment)
                .padding(padding)
                .pad1Kind(pad1Kind)
                .padNKind(padNKind)
                .regionAlignment(regionAlignment)
                .maxOptions(maxOptions);
        b.single[0] = single0;
        b.single[1] = single1;
        b.single[2] = single2;
        b.single[3] = single3;
        return b;
    }

    /** A short name for diagnostics, such as {@code "tcp"}. */
    public String name() {
        return name;
    }

    /** Bit offset of the kind (type, code) field in the option header, 0 being the first byte's most significant bit. */
    public int kindBitOffset() {
        return kindBitOffset;
    }

    /** Bits of the kind field: 8 for TCP, 16 for pcapng, 24 for GENEVE's class and type. */
    public int kindBitWidth() {
        return kindBitWidth;
    }

    /** Bit offset of the length field in the option header. */
    public int lengthBitOffset() {
        return lengthBitOffset;
    }

    /** Bits of the length field: 8 for TCP, 5 for GENEVE. */
    public int lengthBitWidth() {
        return lengthBitWidth;
    }

    /** The bytes before an option's value: the kind field, the length field and any bits around them. */
    public int headerSize() {
        return headerSize;
    }

    /** Byte order of the kind, the length and the typed value readers. */
    public ByteOrder byteOrder() {
        return bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /** Whether the length field counts the kind and length bytes too (IPv4, TCP, NDP), or only the value. */
    public boolean lengthIncludesHeader() {
        return lengthIncludesHeader;
    }

    /** The unit of the length field in bytes: 1, or 8 for NDP. */
    public int lengthUnit() {
        return lengthUnit;
    }

    /** Whether {@code kind} is a single-byte option with no length field, such as TCP's NOP. */
    public boolean isSingleByte(int kind) {
        if (kind >>> 6 == 0) {
            return (single0 & 1L << kind) != 0; // the kinds below 64, where Pad1, NOP and EOL are
        }
        if ((kind & ~0xFF) != 0) {
            return false;
        }
        long word;
        switch (kind >>> 6) {
            case 0: word = single0; break;
            case 1: word = single1; break;
            case 2: word = single2; break;
            default: word = single3; break;
        }
        return (word & (1L << kind)) != 0;
    }

    /** The kind that ends the list (the rest of the region is padding), or {@link #NO_KIND}. */
    public int endOfListKind() {
        return endOfListKind;
    }

    /** Whether the format has an {@linkplain #endOfListKind() end-of-list kind}. */
    public boolean hasEndOfList() {
        return endOfListKind != NO_KIND;
    }

    /** Each value is followed by zeros up to a multiple of this, not counted by the length: 4 in pcapng, else 1. */
    public int valueAlignment() {
        return valueAlignment;
    }

    /** How a builder pads the region. */
    public Padding padding() {
        return padding;
    }

    /** The single-byte kind that {@link Padding#PAD1_PADN} uses for one byte of padding, or {@link #NO_KIND}. */
    public int pad1Kind() {
        return pad1Kind;
    }

    /** The kind that {@link Padding#PAD1_PADN} uses for two or more bytes of padding, or {@link #NO_KIND}. */
    public int padNKind() {
        return padNKind;
    }

    /** The fixed header plus the option region is a multiple of this: 4 for IPv4, TCP and pcapng, 8 for IPv6 and NDP. */
    public int regionAlignment() {
        return regionAlignment;
    }

    /** The most options a region may hold; more is a parse error (see {@link #DEFAULT_MAX_OPTIONS}). */
    public int maxOptions() {
        return maxOptions;
    }

    /** The largest kind the kind field holds: 255 or 65535. */
    public int maxKind() {
        return maxKind;
    }

    /** The longest value the length field can describe. */
    public int maxValueLength() {
        return maxValueLength;
    }

    /** The kind field of the option whose header starts at {@code array[at]}; the kind's bytes must be there. */
    int kindAt(byte[] array, int at) {
        return readBits(array, at + kindFirstByte, kindBytes, kindShift, kindMask);
    }

    /** The bytes of the header needed to read an option's kind. */
    int kindEnd() {
        return kindFirstByte + kindBytes;
    }

    /** The length field of the option whose header starts at {@code array[at]}. */
    int lengthFieldAt(byte[] array, int at) {
        return readBits(array, at + lengthFirstByte, lengthBytes, lengthShift, lengthMask);
    }

    /** Writes an option header at {@code array[at]}: zeros, then the kind and length fields. */
    void writeHeader(byte[] array, int at, int kind, int lengthField) {
        java.util.Arrays.fill(array, at, at + headerSize, (byte) 0);
        orBits(array, at + kindFirstByte, kindBytes, kindShift, kindMask, kind);
        orBits(array, at + lengthFirstByte, lengthBytes, lengthShift, lengthMask, lengthField);
    }

    private int readBits(byte[] a, int index, int bytes, int shift, int mask) {
        int v = 0;
        if (bigEndian) {
            for (int i = 0; i < bytes; i++) {
                v = v << 8 | (a[index + i] & 0xFF);
            }
        } else {
            for (int i = bytes - 1; i >= 0; i--) {
                v = v << 8 | (a[index + i] & 0xFF);
            }
        }
        return (v >>> shift) & mask;
    }

    private void orBits(byte[] a, int index, int bytes, int shift, int mask, int value) {
        int v = (value & mask) << shift;
        for (int i = 0; i < bytes; i++) {
            int byteShift = 8 * (bigEndian ? bytes - 1 - i : i);
            a[index + i] |= (byte) (v >>> byteShift);
        }
    }

    /** Total bytes of an option (non-single-byte) whose value has {@code valueLength} bytes, with all padding. */
    int totalLength(int valueLength) {
        if (lengthIncludesHeader) {
            return roundUp(headerSize + valueLength, lengthUnit);
        }
        return headerSize + roundUp(roundUp(valueLength, lengthUnit), valueAlignment);
    }

    /** The length field of an option whose value has {@code valueLength} bytes. */
    int lengthField(int valueLength) {
        if (lengthIncludesHeader) {
            return roundUp(headerSize + valueLength, lengthUnit) / lengthUnit;
        }
        return roundUp(valueLength, lengthUnit) / lengthUnit;
    }

    /** Rounds {@code value} up to a multiple of the power of two {@code alignment}. */
    static int roundUp(int value, int alignment) {
        return (value + alignment - 1) & -alignment;
    }

    @Override
    public String toString() {
        return "OptionFormat[" + name + "]";
    }

    /**
     * Collects the rules of a new format; {@link #build()} checks that they are consistent.
     * Defaults: 1-byte kind, 1-byte length counting the whole option in bytes, big-endian, no
     * single-byte kinds, no end-of-list kind, value and region alignment 1, {@link Padding#ZEROS},
     * {@value OptionFormat#DEFAULT_MAX_OPTIONS} options at most.
     */
    public static final class Builder {
        private String name = "options";
        private int kindSize = 1;
        private int lengthSize = 1;
        /** Set by headerSize/kindBits/lengthBits; -1 while the byte-aligned kindSize/lengthSize layout applies. */
        private int headerSize = -1;
        private int kindBitOffset = -1;
        private int kindBitWidth;
        private int lengthBitOffset = -1;
        private int lengthBitWidth;
        private ByteOrder byteOrder = ByteOrder.BIG_ENDIAN;
        private boolean lengthIncludesHeader = true;
        private int lengthUnit = 1;
        private final long[] single = new long[4];
        private int endOfListKind = NO_KIND;
        private int valueAlignment = 1;
        private Padding padding = Padding.ZEROS;
        private int pad1Kind = NO_KIND;
        private int padNKind = NO_KIND;
        private int regionAlignment = 1;
        private int maxOptions = DEFAULT_MAX_OPTIONS;

        private Builder() {}

        /** A short name used in diagnostics. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Bytes of the kind field, 1 or 2, for a header that is the kind then the length and nothing
         * else; ignored once {@link #kindBits kindBits} places the fields.
         */
        public Builder kindSize(int kindSize) {
            this.kindSize = kindSize;
            return this;
        }

        /** Bytes of the length field, 1 or 2, right after the kind; ignored once {@link #lengthBits lengthBits} places it. */
        public Builder lengthSize(int lengthSize) {
            this.lengthSize = lengthSize;
            return this;
        }

        /** Bytes of the option header, 1 to 8, for fields placed with {@link #kindBits} and {@link #lengthBits}. */
        public Builder headerSize(int headerSize) {
            this.headerSize = headerSize;
            return this;
        }

        /**
         * Places the kind field at bits {@code [offset, offset + width)} of the option header (bit 0
         * is the most significant bit of its first byte); at most 24 bits, within 4 bytes.
         */
        public Builder kindBits(int offset, int width) {
            this.kindBitOffset = offset;
            this.kindBitWidth = width;
            return this;
        }

        /** Places the length field at bits {@code [offset, offset + width)} of the option header; at most 16 bits. */
        public Builder lengthBits(int offset, int width) {
            this.lengthBitOffset = offset;
            this.lengthBitWidth = width;
            return this;
        }

        private boolean placed() {
            return headerSize >= 0 || kindBitOffset >= 0 || lengthBitOffset >= 0;
        }

        int resolvedHeaderSize() {
            return placed() ? headerSize : kindSize + lengthSize;
        }

        int resolvedKindOffset() {
            return placed() ? kindBitOffset : 0;
        }

        int resolvedKindWidth() {
            return placed() ? kindBitWidth : 8 * kindSize;
        }

        int resolvedLengthOffset() {
            return placed() ? lengthBitOffset : 8 * kindSize;
        }

        int resolvedLengthWidth() {
            return placed() ? lengthBitWidth : 8 * lengthSize;
        }

        /** Byte order of the kind, length and multi-byte values. */
        public Builder byteOrder(ByteOrder byteOrder) {
            this.byteOrder = Objects.requireNonNull(byteOrder, "byteOrder");
            return this;
        }

        /** Whether the length counts the kind and length bytes (true) or the value only (false). */
        public Builder lengthIncludesHeader(boolean lengthIncludesHeader) {
            this.lengthIncludesHeader = lengthIncludesHeader;
            return this;
        }

        /** The unit of the length field in bytes: 1, 2, 4 or 8. */
        public Builder lengthUnit(int lengthUnit) {
            this.lengthUnit = lengthUnit;
            return this;
        }

        /** Adds single-byte kinds (no length field); only for 1-byte kinds. */
        public Builder singleByteKinds(int... kinds) {
            for (int kind : kinds) {
                if (kind < 0 || kind > 0xFF) {
                    throw new IllegalArgumentException("single-byte kind out of 0..255: " + kind);
                }
                single[kind >>> 6] |= 1L << kind;
            }
            return this;
        }

        /** Removes every single-byte kind. */
        public Builder noSingleByteKinds() {
            java.util.Arrays.fill(single, 0L);
            return this;
        }

        /** The kind that ends the list, or {@link OptionFormat#NO_KIND}. */
        public Builder endOfListKind(int kind) {
            this.endOfListKind = kind;
            return this;
        }

        /** Values are padded with zeros to a multiple of this (1, 2, 4 or 8); only when the length excludes the header. */
        public Builder valueAlignment(int valueAlignment) {
            this.valueAlignment = valueAlignment;
            return this;
        }

        /** How a builder pads the region. */
        public Builder padding(Padding padding) {
            this.padding = Objects.requireNonNull(padding, "padding");
            return this;
        }

        /** The single-byte kind for one byte of {@link Padding#PAD1_PADN} padding. */
        public Builder pad1Kind(int kind) {
            this.pad1Kind = kind;
            return this;
        }

        /** The kind for two or more bytes of {@link Padding#PAD1_PADN} padding. */
        public Builder padNKind(int kind) {
            this.padNKind = kind;
            return this;
        }

        /** Header plus region is a multiple of this: 1, 2, 4 or 8. */
        public Builder regionAlignment(int regionAlignment) {
            this.regionAlignment = regionAlignment;
            return this;
        }

        /** The most options a region may hold (at least 1). */
        public Builder maxOptions(int maxOptions) {
            this.maxOptions = maxOptions;
            return this;
        }

        /**
         * The format.
         *
         * @throws IllegalArgumentException if the rules contradict each other
         */
        public OptionFormat build() {
            if (placed()) {
                checkPlacement();
            } else {
                require(kindSize == 1 || kindSize == 2, "kindSize must be 1 or 2");
                require(lengthSize == 1 || lengthSize == 2, "lengthSize must be 1 or 2");
            }
            int kindOffset = resolvedKindOffset();
            int kindWidth = resolvedKindWidth();
            require(isPowerOfTwoUpTo8(lengthUnit), "lengthUnit must be 1, 2, 4 or 8");
            require(isPowerOfTwoUpTo8(valueAlignment), "valueAlignment must be 1, 2, 4 or 8");
            require(isPowerOfTwoUpTo8(regionAlignment), "regionAlignment must be 1, 2, 4 or 8");
            require(valueAlignment == 1 || !lengthIncludesHeader,
                    "valueAlignment applies only when the length excludes the header");
            require(maxOptions >= 1, "maxOptions must be at least 1");
            boolean anySingle = (single[0] | single[1] | single[2] | single[3]) != 0;
            require(!anySingle || (kindOffset == 0 && kindWidth == 8),
                    "single-byte kinds need a kind field that is the header's first byte");
            int maxKind = (1 << kindWidth) - 1;
            require(endOfListKind == NO_KIND || (endOfListKind >= 0 && endOfListKind <= maxKind),
                    "endOfListKind out of range");
            switch (padding) {
                case END_OF_LIST_THEN_ZEROS:
                    require(endOfListKind != NO_KIND, "END_OF_LIST_THEN_ZEROS needs an endOfListKind");
                    break;
                case PAD1_PADN:
                    require(pad1Kind >= 0 && pad1Kind <= 0xFF && (single[pad1Kind >>> 6] & (1L << pad1Kind)) != 0,
                            "PAD1_PADN needs a pad1Kind that is a single-byte kind");
                    require(padNKind >= 0 && padNKind <= maxKind, "PAD1_PADN needs a padNKind");
                    require(padNKind > 0xFF || (single[padNKind >>> 6] & (1L << padNKind)) == 0,
                            "padNKind must not be a single-byte kind");
                    require(padNKind != endOfListKind && pad1Kind != endOfListKind,
                            "padding kinds must not end the list");
                    require(lengthUnit == 1 && valueAlignment == 1,
                            "PAD1_PADN needs a length in bytes and no value alignment");
                    break;
                default:
                    break;
            }
            return new OptionFormat(this);
        }

        /** The checks of a header placed bit by bit: sizes, widths, overlap and byte order. */
        private void checkPlacement() {
            require(headerSize >= 1 && headerSize <= 8, "headerSize must be 1 to 8 bytes");
            require(kindBitOffset >= 0 && kindBitWidth >= 1 && kindBitWidth <= 24,
                    "the kind field must be 1 to 24 bits");
            require(lengthBitOffset >= 0 && lengthBitWidth >= 1 && lengthBitWidth <= 16,
                    "the length field must be 1 to 16 bits");
            require(kindBitOffset + kindBitWidth <= 8 * headerSize && lengthBitOffset + lengthBitWidth <= 8 * headerSize,
                    "the kind and length fields must lie within the header");
            require(kindBitOffset + kindBitWidth <= lengthBitOffset || lengthBitOffset + lengthBitWidth <= kindBitOffset,
                    "the kind and length fields must not overlap");
            require(((kindBitOffset + kindBitWidth + 7) >>> 3) - (kindBitOffset >>> 3) <= 4
                    && ((lengthBitOffset + lengthBitWidth + 7) >>> 3) - (lengthBitOffset >>> 3) <= 4,
                    "the kind and length fields must each span at most 4 bytes");
            require(byteOrder == ByteOrder.BIG_ENDIAN || (kindBitOffset % 8 == 0 && kindBitWidth % 8 == 0
                    && lengthBitOffset % 8 == 0 && lengthBitWidth % 8 == 0),
                    "little-endian kind and length fields must be whole bytes");
        }

        private static boolean isPowerOfTwoUpTo8(int n) {
            return n == 1 || n == 2 || n == 4 || n == 8;
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
