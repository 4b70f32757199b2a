package io.zerowire.pcap;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.options.OptionsIterator;
import java.time.Instant;

/**
 * One captured packet, filled in place by {@link CaptureReader#next(Record)}: keep one instance and
 * pass it to every call, and reading a capture allocates nothing per record.
 *
 * <p>{@link #packet()} is a view, not a copy: its body is the captured bytes, its prefix the record
 * or block header before them and its suffix whatever follows them in the record (pcapng padding,
 * options and trailer). The bytes live in the reader's buffer (or in the array given to
 * {@link CaptureReader#of(byte[])}), so they are valid until the next call to {@code next}; copy
 * them ({@link PacketBuffer#toByteArray()}) to keep them longer. Parsing them with generated views,
 * editing them in place, or serializing a reply into the prefix is fine: the reader never reads a
 * record's bytes again.
 *
 * <p>Every accessor is total: none throws, whatever the file held. A timestamp beyond the range of
 * an {@link Instant} (a pcapng interface with coarse units and a huge 64-bit count, or a huge
 * {@code if_tsoffset}) is saturated at that range's nearest end and marked by
 * {@link #timestampRepresentable()}.
 *
 * <p>Not thread-safe, like the reader.
 */
public final class Record {
    private static final byte[] EMPTY = new byte[0];
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    final PacketBuffer packet = PacketBuffer.wrap(EMPTY);
    final OptionsIterator options = new OptionsIterator();

    long index = -1;
    long fileOffset = -1;
    int interfaceId;
    LinkType linkType = LinkType.ETHERNET;
    int capturedLength;
    long originalLength;
    long epochSecond;
    int nanos;
    boolean timestampRepresentable = true;
    boolean hasTimestamp;
    CaptureFormat format = CaptureFormat.PCAP;

    /** An empty record, to be filled by {@link CaptureReader#next(Record)}. */
    public Record() {}

    /** The captured bytes as the body of a buffer over the reader's bytes; see the class comment. */
    public PacketBuffer packet() {
        return packet;
    }

    /** Bytes captured: the length of {@link #packet()}'s body. */
    public int capturedLength() {
        return capturedLength;
    }

    /** Bytes the packet had on the wire, as the file says; usually at least {@link #capturedLength()}. */
    public long originalLength() {
        return originalLength;
    }

    /** The link type of the packet's first header. */
    public LinkType linkType() {
        return linkType;
    }

    /** The pcapng interface the packet was captured on, counted from 0 within its section; 0 for pcap. */
    public int interfaceId() {
        return interfaceId;
    }

    /** The record's number in the file, from 0. */
    public long index() {
        return index;
    }

    /** The byte offset of the record (pcap) or block (pcapng) in the file. */
    public long fileOffset() {
        return fileOffset;
    }

    /** The format of the file the record came from. */
    public CaptureFormat format() {
        return format;
    }

    /**
     * Whether the file gives the packet a timestamp; false only for pcapng simple packet blocks,
     * whose timestamp reads as the epoch.
     */
    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    /**
     * Whole seconds of the timestamp since 1970-01-01T00:00:00Z, within an {@link Instant}'s range
     * ({@code Instant.MIN.getEpochSecond()} to {@code Instant.MAX.getEpochSecond()}, about a billion
     * years either way): saturated there when the file's timestamp lies beyond it.
     */
    public long epochSecond() {
        return epochSecond;
    }

    /** Nanoseconds after {@link #epochSecond()}, 0 to 999,999,999. */
    public int nanos() {
        return nanos;
    }

    /**
     * The timestamp in nanoseconds since the epoch, saturated at {@link Long#MIN_VALUE} and
     * {@link Long#MAX_VALUE} for timestamps beyond the years 1677 to 2262.
     */
    public long timestampNanos() {
        long high = Math.multiplyHigh(epochSecond, NANOS_PER_SECOND);
        long low = epochSecond * NANOS_PER_SECOND;
        if (high != (low >> 63)) {
            return epochSecond < 0 ? Long.MIN_VALUE : Long.MAX_VALUE; // the product needs more than 64 bits
        }
        long sum = low + nanos;
        return sum < low ? Long.MAX_VALUE : sum;
    }

    /**
     * Whether the file's timestamp fits an {@link Instant}: false when it lies beyond about a billion
     * years from 1970 (tshark shows such a time as "Not representable"). {@link #epochSecond()},
     * {@link #nanos()} and {@link #timestamp()} then hold the nearest end of {@code Instant}'s range
     * ({@link Instant#MIN} or {@link Instant#MAX}), and {@link #timestampNanos()} saturates as always.
     */
    public boolean timestampRepresentable() {
        return timestampRepresentable;
    }

    /**
     * The timestamp as an {@link Instant}; allocates, unlike the other accessors. Never throws: a
     * timestamp beyond {@code Instant}'s range is {@link Instant#MIN} or {@link Instant#MAX} (see
     * {@link #timestampRepresentable()}).
     */
    public Instant timestamp() {
        if (epochSecond > Instant.MAX.getEpochSecond()) {
            return Instant.MAX;
        } else if (epochSecond < Instant.MIN.getEpochSecond()) {
            return Instant.MIN;
        }
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /**
     * The options of a pcapng enhanced or obsolete packet block (epb_flags (2), epb_hash (3),
     * comments (1), ...), validated, rewound; empty for pcap records and simple packet blocks.
     */
    public OptionsIterator options() {
        options.rewind();
        return options;
    }

    @Override
    public String toString() {
        return "Record[index=" + index + ", offset=" + fileOffset + ", interface=" + interfaceId + ", linkType="
                + linkType + ", captured=" + capturedLength + ", original=" + originalLength + ", time="
                + epochSecond + "." + String.format("%09d", nanos) + "]";
    }
}
