package io.zerowire.pcap;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.options.OptionFormat;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.pcap.layout.EnhancedPacketBlock;
import io.zerowire.pcap.layout.EnhancedPacketBlockBuilder;
import io.zerowire.pcap.layout.InterfaceDescriptionBlockBeBuilder;
import io.zerowire.pcap.layout.InterfaceDescriptionBlockLeBuilder;
import io.zerowire.pcap.layout.PcapngBlockTrailerBuilder;
import io.zerowire.pcap.layout.PcapngOptionBeFormat;
import io.zerowire.pcap.layout.PcapngOptionLeFormat;
import io.zerowire.pcap.layout.SectionHeaderBlockBeBuilder;
import io.zerowire.pcap.layout.SectionHeaderBlockLeBuilder;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.SerializeTarget;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes a pcapng file of one section: a section header block, then interface description blocks
 * as interfaces are added and an enhanced packet block per packet. Every block header and trailer
 * is written by the builders generated from the pcapng layouts; packet bytes go to the stream
 * straight from the caller's array, and nothing is allocated per packet.
 *
 * <pre>{@code
 * try (PcapngWriter out = PcapngWriter.builder().open(Path.of("out.pcapng"))) {
 *     int eth = out.addInterface(LinkType.ETHERNET);         // nanosecond timestamps
 *     out.write(eth, epochSecond, nanos, frame);
 * }
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class PcapngWriter implements Closeable, Flushable {
    /** The if_tsresol this writer uses unless told otherwise: nanoseconds. */
    public static final int DEFAULT_RESOLUTION = 9;

    private static final int EPB_FIXED = EnhancedPacketBlock.FIXED_LENGTH;
    private static final int TRAILER = 4;
    private static final byte[] EMPTY = new byte[0];
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};

    private final OutputStream out;
    private final boolean bigEndian;
    private final byte[] scratch = new byte[EPB_FIXED + 3 + TRAILER];
    private final SerializeTarget target = new SerializeTarget();
    private final PacketBuffer slice = PacketBuffer.wrap(EMPTY);
    private final EnhancedPacketBlockBuilder packet = new EnhancedPacketBlockBuilder();
    private final PcapngBlockTrailerBuilder trailer = new PcapngBlockTrailerBuilder();

    private int interfaceCount;
    private LinkType[] linkTypes = new LinkType[2];
    private long[] snapLengths = new long[2];
    private long[] units = new long[2];
    private long written;

    private PcapngWriter(OutputStream out, Builder settings) throws IOException {
        this.out = out;
        this.bigEndian = settings.bigEndian;
        ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        packet.byteOrder(order);
        trailer.byteOrder(order);
        writeSectionHeader(settings.userApplication);
    }

    /** Settings for a little-endian file. */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings of a pcapng file; {@link #open} writes its section header block. */
    public static final class Builder {
        private boolean bigEndian;
        private String userApplication;

        private Builder() {}

        /** A big-endian (true) or little-endian (false, the default) section. */
        public Builder bigEndian(boolean bigEndian) {
            this.bigEndian = bigEndian;
            return this;
        }

        /** The shb_userappl option: the application that wrote the file; none by default. */
        public Builder userApplication(String name) {
            this.userApplication = name;
            return this;
        }

        /** Creates (or truncates) {@code path} and writes the section header; the stream is buffered. */
        public PcapngWriter open(Path path) throws IOException {
            OutputStream stream = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
            try {
                return new PcapngWriter(stream, this);
            } catch (IOException | RuntimeException e) {
                stream.close();
                throw e;
            }
        }

        /** Writes the section header to {@code out}, which the writer then owns; pass a buffered stream. */
        public PcapngWriter open(OutputStream out) throws IOException {
            return new PcapngWriter(Objects.requireNonNull(out, "out"), this);
        }
    }

    private OptionFormat optionFormat() {
        return bigEndian ? PcapngOptionBeFormat.FORMAT : PcapngOptionLeFormat.FORMAT;
    }

    private void writeSectionHeader(String userApplication) throws IOException {
        OptionsBuilder options = new OptionsBuilder(optionFormat());
        if (userApplication != null) {
            options.add(4, userApplication.getBytes(StandardCharsets.UTF_8)).addEndOfList(); // shb_userappl
        }
        PacketBuilder builder = bigEndian
                ? new SectionHeaderBlockBeBuilder().sectionLength(-1).options(options)
                : new SectionHeaderBlockLeBuilder().sectionLength(-1).options(options);
        writeHeaderOnlyBlock(builder);
    }

    /** A block whose header (with options) is all of it but the trailer: section and interface headers. */
    private void writeHeaderOnlyBlock(PacketBuilder builder) throws IOException {
        int headerLength = builder.constraints().headerLength();
        byte[] block = new byte[headerLength + TRAILER];
        slice.rewrap(EMPTY, 0, 0);
        builder.serialize(target.set(block, 0, headerLength, headerLength, 0), slice);
        writeTrailer(block, headerLength, block.length);
        out.write(block);
    }

    private void writeTrailer(byte[] array, int at, long blockLength) {
        target.set(array, at, TRAILER, at + TRAILER, 0);
        slice.rewrap(EMPTY, 0, 0);
        trailer.trailingTotalLength(blockLength).serialize(target, slice);
    }

    /** Adds an interface with nanosecond timestamps and a snap length of 262144; returns its id. */
    public int addInterface(LinkType linkType) throws IOException {
        return addInterface(linkType, 262_144, DEFAULT_RESOLUTION, null);
    }

    /**
     * Writes an interface description block and returns the interface's id, for {@link #write}.
     *
     * @param snapLength the largest number of bytes kept per packet, 0 for no limit
     * @param resolution the timestamps' if_tsresol as a decimal exponent, 0 (seconds) to 9 (nanoseconds)
     * @param name the if_name option, or null
     */
    public int addInterface(LinkType linkType, long snapLength, int resolution, String name) throws IOException {
        Objects.requireNonNull(linkType, "linkType");
        if (resolution < 0 || resolution > 9) {
            throw new IllegalArgumentException("resolution must be a decimal exponent from 0 to 9: " + resolution);
        }
        OptionsBuilder options = new OptionsBuilder(optionFormat());
        if (name != null) {
            options.add(2, name.getBytes(StandardCharsets.UTF_8)); // if_name
        }
        if (resolution != 6) {
            options.addU8(CaptureReader.OPTION_TSRESOL, resolution);
        }
        if (options.count() > 0) {
            options.addEndOfList();
        }
        PacketBuilder builder = bigEndian
                ? new InterfaceDescriptionBlockBeBuilder().linkType(linkType).snapLength(snapLength).options(options)
                : new InterfaceDescriptionBlockLeBuilder().linkType(linkType).snapLength(snapLength).options(options);
        writeHeaderOnlyBlock(builder);
        int id = interfaceCount;
        if (id == linkTypes.length) {
            linkTypes = Arrays.copyOf(linkTypes, id * 2);
            snapLengths = Arrays.copyOf(snapLengths, id * 2);
            units = Arrays.copyOf(units, id * 2);
        }
        linkTypes[id] = linkType;
        snapLengths[id] = snapLength;
        units[id] = POWERS_OF_TEN[resolution];
        interfaceCount = id + 1;
        return id;
    }

    /** Interfaces added so far. */
    public int interfaceCount() {
        return interfaceCount;
    }

    /** The link type of interface {@code id}. */
    public LinkType linkType(int id) {
        Objects.checkIndex(id, interfaceCount);
        return linkTypes[id];
    }

    /** Packets written so far. */
    public long recordsWritten() {
        return written;
    }

    /** Writes the body of {@code packet}, captured whole, on interface {@code interfaceId}. */
    public void write(int interfaceId, long epochSecond, int nanos, PacketBuffer packet) throws IOException {
        write(interfaceId, epochSecond, nanos, packet.array(), packet.bodyStart(), packet.bodyLength(), packet.bodyLength());
    }

    /** Writes the body of {@code packet} as a packet of {@code originalLength} bytes on the wire. */
    public void write(int interfaceId, long epochSecond, int nanos, PacketBuffer packet, long originalLength)
            throws IOException {
        write(interfaceId, epochSecond, nanos, packet.array(), packet.bodyStart(), packet.bodyLength(), originalLength);
    }

    /** Copies a record as read (timestamp, captured bytes, original length) onto interface {@code interfaceId}. */
    public void write(int interfaceId, Record record) throws IOException {
        write(interfaceId, record.epochSecond(), record.nanos(), record.packet(), record.originalLength());
    }

    /**
     * Writes one enhanced packet block.
     *
     * @param interfaceId an id from {@link #addInterface}
     * @param epochSecond seconds since 1970, not negative
     * @param nanos 0 to 999,999,999, cut to the interface's resolution
     * @param data the packet's bytes {@code [offset, offset + length)}, cut to the interface's snap length
     * @param originalLength bytes on the wire, 0 to 2<sup>32</sup>-1
     * @throws IllegalArgumentException if a value does not fit the format; nothing is written then
     */
    public void write(int interfaceId, long epochSecond, int nanos, byte[] data, int offset, int length,
            long originalLength) throws IOException {
        Objects.checkIndex(interfaceId, interfaceCount);
        Objects.checkFromIndexSize(offset, length, data.length);
        if (nanos < 0 || nanos >= 1_000_000_000) {
            throw new IllegalArgumentException("nanos out of range: " + nanos);
        }
        if (epochSecond < 0) {
            throw new IllegalArgumentException("a pcapng timestamp cannot be before 1970: " + epochSecond);
        }
        long snapLength = snapLengths[interfaceId];
        int captured = snapLength != 0 && length > snapLength ? (int) snapLength : length;
        long unitsPerSecond = units[interfaceId];
        long timestamp;
        try {
            timestamp = Math.addExact(Math.multiplyExact(epochSecond, unitsPerSecond),
                    nanos / (1_000_000_000L / unitsPerSecond));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("timestamp " + epochSecond + " s does not fit in 64 bits of units", e);
        }
        int padding = -captured & 3;
        long blockLength = (long) EPB_FIXED + captured + padding + TRAILER;
        if (blockLength > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a packet of " + captured + " bytes does not fit in a block");
        }
        slice.rewrap(data, offset, captured);
        target.set(scratch, 0, EPB_FIXED, EPB_FIXED, 0);
        // The builders check that each value fits its bits before writing anything.
        packet.blockTotalLength(blockLength).interfaceId(interfaceId).timestampHigh(timestamp >>> 32)
                .timestampLow(timestamp & 0xFFFF_FFFFL).originalLength(originalLength).serialize(target, slice);
        out.write(scratch, 0, EPB_FIXED);
        out.write(data, offset, captured);
        int tail = EPB_FIXED;
        Arrays.fill(scratch, tail, tail + padding, (byte) 0);
        writeTrailer(scratch, tail + padding, blockLength);
        out.write(scratch, tail, padding + TRAILER);
        written++;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
