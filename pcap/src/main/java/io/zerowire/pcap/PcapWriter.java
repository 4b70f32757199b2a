package io.zerowire.pcap;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.pcap.layout.PcapFileHeader;
import io.zerowire.pcap.layout.PcapFileHeaderBuilder;
import io.zerowire.pcap.layout.PcapFileHeaderLayout;
import io.zerowire.pcap.layout.PcapRecordHeader;
import io.zerowire.pcap.layout.PcapRecordHeaderBuilder;
import io.zerowire.serialize.SerializeTarget;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a classic pcap file: what a program builds or forwards, recorded for tcpdump, Wireshark or
 * {@link CaptureReader}. The file header and every record header are written by the builders
 * generated from the pcap layouts; the packet bytes go to the stream straight from the caller's
 * array, and nothing is allocated per record.
 *
 * <pre>{@code
 * try (PcapWriter pcap = PcapWriter.builder(LinkType.ETHERNET).nanosecond(true).open(Path.of("out.pcap"))) {
 *     pcap.write(epochSecond, nanos, frame);                 // frame: a PacketBuffer, its body is written
 * }
 * }</pre>
 *
 * <p>Packets longer than the snap length are cut to it (the original length is kept). Not
 * thread-safe.
 */
public final class PcapWriter implements Closeable, Flushable {
    private static final int RECORD_HEADER = PcapRecordHeader.FIXED_LENGTH;
    private static final byte[] EMPTY = new byte[0];

    private final OutputStream out;
    private final ByteOrder order;
    private final boolean nanosecond;
    private final int snapLength;
    private final LinkType linkType;
    private final byte[] header = new byte[RECORD_HEADER];
    private final SerializeTarget target = new SerializeTarget();
    private final PacketBuffer slice = PacketBuffer.wrap(EMPTY);
    private final PcapRecordHeaderBuilder record = new PcapRecordHeaderBuilder();
    private long written;

    private PcapWriter(OutputStream out, Builder settings) throws IOException {
        this.out = out;
        this.order = settings.bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        record.byteOrder(order);
        this.nanosecond = settings.nanosecond;
        this.snapLength = settings.snapLength;
        this.linkType = settings.linkType;
        writeFileHeader(settings);
    }

    /** Settings for a file of packets of {@code linkType}: little-endian, microseconds, snap length 262144. */
    public static Builder builder(LinkType linkType) {
        return new Builder(linkType);
    }

    /** The settings of a pcap file; {@link #open} writes its header. */
    public static final class Builder {
        private final LinkType linkType;
        private boolean bigEndian;
        private boolean nanosecond;
        private int snapLength = 262_144;
        private int fcsLength = -1;

        private Builder(LinkType linkType) {
            this.linkType = Objects.requireNonNull(linkType, "linkType");
        }

        /** Big-endian (true) or little-endian (false, the default) headers. */
        public Builder bigEndian(boolean bigEndian) {
            this.bigEndian = bigEndian;
            return this;
        }

        /** Nanosecond timestamps (the {@code A1B23C4D} magic) instead of microseconds. */
        public Builder nanosecond(boolean nanosecond) {
            this.nanosecond = nanosecond;
            return this;
        }

        /** The snap length: longer packets are cut to it. */
        public Builder snapLength(int snapLength) {
            if (snapLength < 1) {
                throw new IllegalArgumentException("snap length must be positive: " + snapLength);
            }
            this.snapLength = snapLength;
            return this;
        }

        /** Declares that every packet ends with an FCS of this many bytes (an even number up to 30), or none with -1. */
        public Builder fcsLength(int bytes) {
            if (bytes != -1 && (bytes < 0 || bytes > 30 || bytes % 2 != 0)) {
                throw new IllegalArgumentException("an FCS length is an even number of bytes up to 30, or -1: " + bytes);
            }
            this.fcsLength = bytes;
            return this;
        }

        /** Creates (or truncates) {@code path} and writes the file header; the stream is buffered. */
        public PcapWriter open(Path path) throws IOException {
            OutputStream stream = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
            try {
                return new PcapWriter(stream, this);
            } catch (IOException | RuntimeException e) {
                stream.close();
                throw e;
            }
        }

        /** Writes the file header to {@code out}, which the writer then owns; pass a buffered stream. */
        public PcapWriter open(OutputStream out) throws IOException {
            return new PcapWriter(Objects.requireNonNull(out, "out"), this);
        }
    }

    private void writeFileHeader(Builder settings) throws IOException {
        byte[] bytes = new byte[PcapFileHeader.FIXED_LENGTH];
        target.set(bytes, 0, bytes.length, bytes.length, 0);
        slice.rewrap(EMPTY, 0, 0);
        long magic = nanosecond ? 0xA1B23C4DL : 0xA1B2C3D4L;
        boolean fcsPresent = settings.fcsLength >= 0;
        int fcsWords = fcsPresent ? settings.fcsLength / 2 : 0;
        new PcapFileHeaderBuilder().byteOrder(order).magic(magic).versionMinor(4).snapLength(snapLength)
                .linkTypeField(PcapFileHeaderLayout.linkTypeFieldOf(linkType, fcsPresent, fcsWords)).serialize(target, slice);
        out.write(bytes);
    }

    /** The link type of every packet in the file. */
    public LinkType linkType() {
        return linkType;
    }

    /** Records written so far. */
    public long recordsWritten() {
        return written;
    }

    /** Writes the body of {@code packet}, captured whole; the original length is its length. */
    public void write(long epochSecond, int nanos, PacketBuffer packet) throws IOException {
        write(epochSecond, nanos, packet.array(), packet.bodyStart(), packet.bodyLength(), packet.bodyLength());
    }

    /** Writes the body of {@code packet} as a packet of {@code originalLength} bytes on the wire. */
    public void write(long epochSecond, int nanos, PacketBuffer packet, long originalLength) throws IOException {
        write(epochSecond, nanos, packet.array(), packet.bodyStart(), packet.bodyLength(), originalLength);
    }

    /** Copies a record as read: its timestamp, its captured bytes and its original length. */
    public void write(Record record) throws IOException {
        write(record.epochSecond(), record.nanos(), record.packet(), record.originalLength());
    }

    /**
     * Writes one record.
     *
     * @param epochSecond seconds since 1970, 0 to 2<sup>32</sup>-1
     * @param nanos nanoseconds, 0 to 999,999,999 (cut to microseconds in a microsecond file)
     * @param data the packet's bytes {@code [offset, offset + length)}, cut to the snap length
     * @param originalLength bytes on the wire, 0 to 2<sup>32</sup>-1
     * @throws IllegalArgumentException if a value does not fit the format; nothing is written then
     */
    public void write(long epochSecond, int nanos, byte[] data, int offset, int length, long originalLength)
            throws IOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (nanos < 0 || nanos >= 1_000_000_000) {
            throw new IllegalArgumentException("nanos out of range: " + nanos);
        }
        int captured = Math.min(length, snapLength);
        long fraction = nanosecond ? nanos : nanos / 1000;
        slice.rewrap(data, offset, captured);
        target.set(header, 0, RECORD_HEADER, RECORD_HEADER, 0);
        // The builders check that each value fits its 32 bits before writing anything.
        record.timestampSeconds(epochSecond).timestampFraction(fraction).originalLength(originalLength)
                .serialize(target, slice);
        out.write(header, 0, RECORD_HEADER);
        out.write(data, offset, captured);
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
