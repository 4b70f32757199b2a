package io.zerowire.options;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The encoding rules of one family of type-length-value option regions: everything that differs
 * between the option lists of IPv4, TCP, the IPv6 Hop-by-Hop and Destination Options headers, NDP
 * and pcapng, said once so that one allocation-free {@link OptionsIterator} and one
 * {@link OptionsBuilder} serve them all.
 *
 * <p>An option is a kind (1 or 2 bytes), a length field (1 or 2 bytes) and a value, in the format's
 * byte order. The rules:
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
 * <p>Instances are immutable and thread-safe. Use the constants for the Internet's formats, or
 * derive one with {@link #toBuilder()}:
 *
 * <pre>{@code
 * OptionFormat strictTcp = OptionFormat.TCP.toBuilder().name("tcp-strict").maxOptions(16).build();
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

    /** IPv4 options (RFC 791): 1-byte kind and length counting the whole option; EOL 0, NOP 1. */
    public static final OptionFormat IPV4 = builder()
            .name("ipv4")
            .lengthIncludesHeader(true)
            .singleByteKinds(0, 1)
            .endOfListKind(0)
            .padding(Padding.END_OF_LIST_THEN_ZEROS)
            .regionAlignment(4)
            .build();

    /** TCP options (RFC 9293): the same rules as IPv4; EOL 0, NOP 1. */
    public static final OptionFormat TCP = IPV4.toBuilder().name("tcp").build();

    /**
     * IPv6 Hop-by-Hop and Destination Options (RFC 8200, section 4.2): 1-byte type, 1-byte length
     * of the value only; Pad1 (0) is a single byte and PadN (1) pads two or more; the header is a
     * multiple of 8 bytes.
     */
    public static final OptionFormat IPV6_EXTENSION = builder()
            .name("ipv6-options")
            .lengthIncludesHeader(false)
            .singleByteKinds(0)
            .padding(Padding.PAD1_PADN)
            .pad1Kind(0)
            .padNKind(1)
            .regionAlignment(8)
            .build();

    /**
     * IPv6 Neighbor Discovery options (RFC 4861, section 4.6): 1-byte type, 1-byte length of the
     * whole option in units of 8 bytes. A length of 0 is malformed (it falls below the 2-byte
     * minimum); values are padded with zeros to the next multiple of 8.
     */
    public static final OptionFormat NDP = builder()
            .name("ndp")
            .lengthIncludesHeader(true)
            .lengthUnit(8)
            .padding(Padding.ZEROS)
            .regionAlignment(8)
            .build();

    /**
     * pcapng options in a big-endian section: 2-byte code, 2-byte value length, values padded to 4
     * bytes, {@code opt_endofopt} (code 0, length 0) ends the list.
     */
    public static final OptionFormat PCAPNG_BIG_ENDIAN = builder()
            .name("pcapng-options-be")
            .kindSize(2)
            .lengthSize(2)
            .byteOrder(ByteOrder.BIG_ENDIAN)
            .lengthIncludesHeader(false)
            .endOfListKind(0)
            .valueAlignment(4)
            .padding(Padding.ZEROS)
            .regionAlignment(4)
            .build();

    /** pcapng options in a little-endian section: as {@link #PCAPNG_BIG_ENDIAN}, little-endian. */
    public static final OptionFormat PCAPNG_LITTLE_ENDIAN = PCAPNG_BIG_ENDIAN.toBuilder()
            .name("pcapng-options-le")
            .byteOrder(ByteOrder.LITTLE_ENDIAN)
            .build();

    // Package-private and final so that the iterator's loops read them directly.
    final String name;
    final int kindSize;
    final int lengthSize;
    final int headerSize;
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
        this.kindSize = b.kindSize;
        this.lengthSize = b.lengthSize;
        this.headerSize = b.kindSize + b.lengthSize;
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
        this.maxKind = kindSize == 1 ? 0xFF : 0xFFFF;
        this.maxLengthField = lengthSize == 1 ? 0xFF : 0xFFFF;
        this.maxValueLength = lengthIncludesHeader
                ? maxLengthField * lengthUnit - headerSize
                : maxLengthField * lengthUnit;
        this.byteSized = kindSize == 1 && lengthSize == 1 && lengthUnit == 1 && (lengthIncludesHeader || valueAlignment == 1);
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
                .kindSize(kindSize)
                .lengthSize(lengthSize)
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

    /** The pcapng option format for a section of the given byte order (from its byte-order magic). */
    public static OptionFormat pcapng(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? PCAPNG_BIG_ENDIAN : PCAPNG_LITTLE_ENDIAN;
    }

    /** A short name for diagnostics, such as {@code "tcp"}. */
    public String name() {
        return name;
    }

    /** Bytes of the kind (type, code) field: 1 or 2. */
    public int kindSize() {
        return kindSize;
    }

    /** Bytes of the length field: 1 or 2. */
    public int lengthSize() {
        return lengthSize;
    }

    /** {@link #kindSize()} + {@link #lengthSize()}: the bytes before an option's value. */
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

        /** Bytes of the kind field, 1 or 2. */
        public Builder kindSize(int kindSize) {
            this.kindSize = kindSize;
            return this;
        }

        /** Bytes of the length field, 1 or 2. */
        public Builder lengthSize(int lengthSize) {
            this.lengthSize = lengthSize;
            return this;
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
            require(kindSize == 1 || kindSize == 2, "kindSize must be 1 or 2");
            require(lengthSize == 1 || lengthSize == 2, "lengthSize must be 1 or 2");
            require(isPowerOfTwoUpTo8(lengthUnit), "lengthUnit must be 1, 2, 4 or 8");
            require(isPowerOfTwoUpTo8(valueAlignment), "valueAlignment must be 1, 2, 4 or 8");
            require(isPowerOfTwoUpTo8(regionAlignment), "regionAlignment must be 1, 2, 4 or 8");
            require(valueAlignment == 1 || !lengthIncludesHeader,
                    "valueAlignment applies only when the length excludes the header");
            require(maxOptions >= 1, "maxOptions must be at least 1");
            boolean anySingle = (single[0] | single[1] | single[2] | single[3]) != 0;
            require(!anySingle || kindSize == 1, "single-byte kinds need a 1-byte kind field");
            int maxKind = kindSize == 1 ? 0xFF : 0xFFFF;
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
