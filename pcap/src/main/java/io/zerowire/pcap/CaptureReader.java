package io.zerowire.pcap;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.pcap.layout.CaptureMagic;
import io.zerowire.pcap.layout.EnhancedPacketBlock;
import io.zerowire.pcap.layout.InterfaceDescriptionBlockBe;
import io.zerowire.pcap.layout.InterfaceDescriptionBlockLe;
import io.zerowire.pcap.layout.PacketBlock;
import io.zerowire.pcap.layout.PcapFileHeader;
import io.zerowire.pcap.layout.PcapRecordHeader;
import io.zerowire.pcap.layout.PcapRecordPrefix;
import io.zerowire.pcap.layout.PcapngBlockHeader;
import io.zerowire.pcap.layout.PcapngBlockTrailer;
import io.zerowire.pcap.layout.PcapngOptionBeFormat;
import io.zerowire.pcap.layout.PcapngOptionLeFormat;
import io.zerowire.pcap.layout.PcapngSectionStart;
import io.zerowire.pcap.layout.SectionHeaderBlockBe;
import io.zerowire.pcap.layout.SectionHeaderBlockLe;
import io.zerowire.pcap.layout.SimplePacketBlock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads the packets of a pcap or pcapng capture, one reusable {@link Record} at a time, without
 * copying packet bytes and without allocating per record.
 *
 * <pre>{@code
 * try (CaptureReader reader = CaptureReader.open(Path.of("trace.pcapng"))) {
 *     Record record = new Record();
 *     while (reader.next(record)) {
 *         PacketBuffer frame = record.packet();          // body = the captured bytes, in place
 *         ...
 *     }
 * } catch (CaptureFormatException e) {
 *     // truncated or corrupt: every good record before the fault has been delivered
 * }
 * }</pre>
 *
 * <p><b>Formats.</b> The format is detected from the first four bytes. Classic pcap in either byte
 * order with microsecond or nanosecond timestamps; pcapng with any number of sections, each in its
 * own byte order, and interfaces, each with its link type, snap length and timestamp resolution
 * ({@code if_tsresol}, decimal or binary) and offset ({@code if_tsoffset}); enhanced, simple and
 * the obsolete packet blocks become records; name resolution, interface statistics, custom,
 * decryption-secrets and unknown blocks are skipped by their length (their trailers are still
 * checked). Every header is parsed by a view generated from the layouts in
 * {@code io.zerowire.pcap.layout}.
 *
 * <p><b>Memory.</b> {@link #open(Path)} memory-maps a regular file and reads it through one reused
 * heap window, into which the mapped bytes are copied in bulk; records are parsed and handed out in
 * place inside that window (a {@code PacketBuffer} needs an array, which a mapping does not have).
 * Any other file (a FIFO, {@code /dev/stdin} fed by a pipe, a character device) is read as a
 * stream, like {@link #read(InputStream)}: through the same kind of window, filled by
 * {@code read} calls, waiting for a slow writer, each record delivered as soon as its last byte
 * has arrived, the end of the stream ending the capture. {@link #of(byte[])} reads an array in
 * place, with no copy at all. A record's bytes stay valid until the next call to {@link #next}.
 *
 * <p><b>Errors.</b> Bad input only ever raises {@link CaptureFormatException} (a
 * {@code ParseException}) with the file offset of the fault, and only after every good record
 * before it was delivered; the error is sticky (every later {@code next} raises it again). A record
 * or block claiming more bytes than the file has, or than the {@link CaptureLimits}, is an error,
 * never an allocation of that size. The reader never guesses: a link type it does not name is
 * reported by number ({@link LinkType#isKnown()}). A file that shrinks while it is mapped (log
 * rotation) is the same typed error, of {@link CaptureFormatException.Reason#FILE_SHRANK}, never the
 * JVM's {@code InternalError} for a mapped page that is gone; a compressed file (gzip, zstd, xz,
 * bzip2, lz4) is refused as {@link CaptureFormatException.Reason#COMPRESSED}. Reading a stream can
 * also fail with an {@link UncheckedIOException}, the stream's own I/O error.
 *
 * <p>Not thread-safe.
 */
public final class CaptureReader implements AutoCloseable {
    private static final long PCAP_MICRO_BIG = 0xA1B2C3D4L;
    private static final long PCAP_NANO_BIG = 0xA1B23C4DL;
    private static final long PCAP_MICRO_LITTLE = 0xD4C3B2A1L;
    private static final long PCAP_NANO_LITTLE = 0x4D3CB2A1L;

    static final long SECTION_HEADER_BLOCK = 0x0A0D0D0AL;
    static final long INTERFACE_DESCRIPTION_BLOCK = 1;
    static final long PACKET_BLOCK = 2;
    static final long SIMPLE_PACKET_BLOCK = 3;
    static final long ENHANCED_PACKET_BLOCK = 6;

    static final int OPTION_TSRESOL = 9;
    static final int OPTION_FCSLEN = 13;
    static final int OPTION_TSOFFSET = 14;

    private static final int PCAP_FILE_HEADER = 24;
    private static final int PCAP_RECORD_HEADER = 16;
    private static final int PACKET_BLOCK_FIXED = 28;
    private static final int SIMPLE_BLOCK_FIXED = 12;
    private static final int MIN_BLOCK = 12;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final byte[] EMPTY = new byte[0];

    private final CaptureSource source;
    private final CaptureLimits limits;
    private final CaptureFormat format;
    private final PacketBuffer scratch = PacketBuffer.wrap(EMPTY);

    // Views, one per structure (each reads either byte order), re-wrapped for every record: nothing
    // is allocated. The two blocks with options are still one layout per byte order.
    private final CaptureMagic magicView = new CaptureMagic();
    private final PcapFileHeader fileHeader = new PcapFileHeader();
    private final PcapRecordHeader recordHeader = new PcapRecordHeader();
    private final PcapRecordPrefix prefix = new PcapRecordPrefix();
    private final PcapngBlockHeader blockHeader = new PcapngBlockHeader();
    private final PcapngBlockTrailer trailer = new PcapngBlockTrailer();
    private final PcapngSectionStart sectionStart = new PcapngSectionStart();
    private final SectionHeaderBlockLe sectionLe = new SectionHeaderBlockLe();
    private final SectionHeaderBlockBe sectionBe = new SectionHeaderBlockBe();
    private final InterfaceDescriptionBlockLe interfaceLe = new InterfaceDescriptionBlockLe();
    private final InterfaceDescriptionBlockBe interfaceBe = new InterfaceDescriptionBlockBe();
    private final EnhancedPacketBlock enhanced = new EnhancedPacketBlock();
    private final SimplePacketBlock simple = new SimplePacketBlock();
    private final PacketBlock obsolete = new PacketBlock();

    /** Byte order of the pcap file or of the current pcapng section. */
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private ByteOrder pendingOrder = ByteOrder.LITTLE_ENDIAN;
    private boolean nanosecondPcap;
    private int pcapFcsLength = -1;

    private long position;
    private long delivered;
    private CaptureFormatException failure;
    private boolean closed;

    private int sections;
    private int interfaceCount;
    private LinkType[] ifLinkType = new LinkType[2];
    private long[] ifSnapLength = new long[2];
    /** Timestamp units per second, for a decimal resolution. */
    private long[] ifUnits = new long[2];
    /** The exponent of a binary resolution (units are 2^-n seconds), or -1 for a decimal one. */
    private int[] ifBinaryExponent = new int[2];
    private long[] ifOffsetSeconds = new long[2];
    private int[] ifFcsLength = new int[2];

    private CaptureReader(CaptureSource source, CaptureLimits limits) throws CaptureFormatException {
        this.source = source;
        this.limits = limits;
        try {
            this.format = readFileHeader();
        } catch (CaptureSource.FileShrankException e) {
            throw shrank(e);
        }
    }

    /**
     * Opens a capture file with the {@linkplain CaptureLimits#DEFAULT default limits}, and reads its
     * file header (pcap) or first section header (pcapng). A regular file is memory-mapped; any other
     * kind (a FIFO, {@code /dev/stdin} fed by a pipe, a character device) is read as a stream, as by
     * {@link #read(InputStream)}; opening a FIFO waits for its writer, as {@code open(2)} does.
     *
     * @throws IOException if the file cannot be opened or mapped
     * @throws CaptureFormatException if it is not a pcap or pcapng file, or its header is bad
     */
    public static CaptureReader open(Path path) throws IOException, CaptureFormatException {
        return open(path, CaptureLimits.DEFAULT);
    }

    /** {@link #open(Path)} with other limits. */
    public static CaptureReader open(Path path, CaptureLimits limits) throws IOException, CaptureFormatException {
        return open(path, limits, CaptureSource.MappedSource.DEFAULT_WINDOW, CaptureSource.MappedSource.DEFAULT_SEGMENT);
    }

    /** For tests: a small window and small mappings exercise refills and segment boundaries. */
    static CaptureReader open(Path path, CaptureLimits limits, int window, int segmentSize)
            throws IOException, CaptureFormatException {
        Objects.requireNonNull(limits, "limits");
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (attributes.isOther()) {
            // A FIFO, a device, a socket: mapping one would see its size, 0, and call it empty.
            return read(Files.newInputStream(path), limits, CaptureSource.StreamSource.DEFAULT_WINDOW);
        }
        CaptureSource source = CaptureSource.MappedSource.open(path, window, segmentSize, maxWindow(limits));
        try {
            return new CaptureReader(source, limits);
        } catch (CaptureFormatException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /**
     * Reads a capture from a stream (standard input, a pipe, a socket) with the
     * {@linkplain CaptureLimits#DEFAULT default limits}, and reads its file header or first section
     * header, waiting for the bytes as long as the stream does.
     *
     * <p>The stream is read through one reused window, the same way as a mapped file: no per-record
     * allocation once running, the window growing only for a structure larger than it, never past
     * the limits; a record is delivered as soon as its last byte has arrived, so the writer may be
     * slow; the end of the stream ends the capture ({@link #next} returns false there, or raises the
     * typed error if the stream ends inside a record). {@code in.read(byte[], int, int)} should
     * return what is there rather than wait for the whole length, as the JDK's streams over files,
     * pipes and sockets do. Closing the reader closes the stream.
     *
     * @throws CaptureFormatException if it is not a pcap or pcapng capture, or its header is bad
     * @throws UncheckedIOException if reading the stream fails (also from {@link #next})
     */
    public static CaptureReader read(InputStream in) throws CaptureFormatException {
        return read(in, CaptureLimits.DEFAULT);
    }

    /** {@link #read(InputStream)} with other limits. */
    public static CaptureReader read(InputStream in, CaptureLimits limits) throws CaptureFormatException {
        return read(in, limits, CaptureSource.StreamSource.DEFAULT_WINDOW);
    }

    /** For tests: a small initial window exercises its compaction and growth. */
    static CaptureReader read(InputStream in, CaptureLimits limits, int window) throws CaptureFormatException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(limits, "limits");
        CaptureSource source = new CaptureSource.StreamSource(in, window, maxWindow(limits));
        try {
            return new CaptureReader(source, limits);
        } catch (CaptureFormatException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** Reads a capture held in an array, in place: records are views over {@code bytes}. */
    public static CaptureReader of(byte[] bytes) throws CaptureFormatException {
        return of(bytes, 0, bytes.length, CaptureLimits.DEFAULT);
    }

    /** Reads the capture in {@code bytes[offset, offset + length)} in place; file offsets count from {@code offset}. */
    public static CaptureReader of(byte[] bytes, int offset, int length, CaptureLimits limits)
            throws CaptureFormatException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return new CaptureReader(new CaptureSource.ArraySource(bytes, offset, length), Objects.requireNonNull(limits));
    }

    private static int maxWindow(CaptureLimits limits) {
        return Math.max(limits.maxBlockLength(), PCAP_RECORD_HEADER + limits.maxPacketLength());
    }

    /** The file's format. */
    public CaptureFormat format() {
        return format;
    }

    /** The limits this reader holds the file to. */
    public CaptureLimits limits() {
        return limits;
    }

    /** Bytes in the file (as it was when opened); for a stream, -1 until its end has been read. */
    public long size() {
        return source.size;
    }

    /** The file offset of the next record (pcap) or block (pcapng). */
    public long position() {
        return position;
    }

    /** How many records {@link #next} has delivered. */
    public long recordsDelivered() {
        return delivered;
    }

    /** Whether the pcap file or the current pcapng section is big-endian. */
    public boolean bigEndian() {
        return order == ByteOrder.BIG_ENDIAN;
    }

    /** For pcap: whether the timestamps are in nanoseconds (the {@code A1B23C4D} magic); false for pcapng. */
    public boolean nanosecondPcap() {
        return nanosecondPcap;
    }

    /**
     * For pcap: the bytes of frame check sequence at the end of every packet, from the upper bits of
     * the link-type field, or -1 when the file does not say (its FCS-present bit is clear) or is pcapng.
     */
    public int pcapFcsLength() {
        return pcapFcsLength;
    }

    /** pcapng sections read so far (1 for pcap). */
    public int sectionCount() {
        return sections;
    }

    /** Interfaces of the current pcapng section read so far; 1 for pcap (the file header). */
    public int interfaceCount() {
        return interfaceCount;
    }

    /**
     * The link type of interface {@code id} of the current section (pcap: id 0, the file's link type).
     *
     * @throws IndexOutOfBoundsException if {@code id} is not below {@link #interfaceCount()}
     */
    public LinkType interfaceLinkType(int id) {
        Objects.checkIndex(id, interfaceCount);
        return ifLinkType[id];
    }

    /**
     * The snap length of interface {@code id} of the current section (pcap: the file's); 0 means none.
     *
     * @throws IndexOutOfBoundsException if {@code id} is not below {@link #interfaceCount()}
     */
    public long interfaceSnapLength(int id) {
        Objects.checkIndex(id, interfaceCount);
        return ifSnapLength[id];
    }

    /**
     * The FCS length in bytes of interface {@code id} ({@code if_fcslen}, or the pcap header's FCS
     * bits), or -1 when the file does not say.
     *
     * @throws IndexOutOfBoundsException if {@code id} is not below {@link #interfaceCount()}
     */
    public int interfaceFcsLength(int id) {
        Objects.checkIndex(id, interfaceCount);
        return ifFcsLength[id];
    }

    /**
     * Fills {@code record} with the next packet.
     *
     * @return true if a record was read, false at a clean end of the file
     * @throws CaptureFormatException if the file is truncated or corrupt at this point, or shrank
     *     while it was read; the record's contents are then unspecified, and every later call throws
     *     the same exception
     * @throws UncheckedIOException if reading a stream fails
     * @throws IllegalStateException if the reader is closed
     */
    public boolean next(Record record) throws CaptureFormatException {
        Objects.requireNonNull(record, "record");
        if (closed) {
            throw new IllegalStateException("the reader is closed");
        }
        if (failure != null) {
            throw failure;
        }
        try {
            return format == CaptureFormat.PCAP ? nextPcap(record) : nextPcapng(record);
        } catch (CaptureFormatException e) {
            failure = e;
            throw e;
        } catch (CaptureSource.FileShrankException e) {
            failure = shrank(e);
            throw failure;
        }
    }

    /** The typed error for a file that shrank under the reader, at the record or block it was reading. */
    private CaptureFormatException shrank(CaptureSource.FileShrankException e) {
        return new CaptureFormatException(ParseErrorKind.MALFORMED, CaptureMagic.LAYER, "", position, e.getMessage(),
                delivered, CaptureFormatException.Reason.FILE_SHRANK, "");
    }

    /**
     * Releases the file (its mapping goes when the garbage collector reclaims it: Java 17 cannot
     * unmap explicitly), or closes the stream.
     */
    @Override
    public void close() {
        closed = true;
        source.close();
    }

    // --- file header -----------------------------------------------------------------------

    private CaptureFormat readFileHeader() throws CaptureFormatException {
        int available = source.ensure(0, 4);
        if (available < 4) {
            throw error(ParseErrorKind.MALFORMED, CaptureMagic.LAYER, "magic", 0, available == 0
                    ? "the file is empty" : "the file is shorter than a magic number (" + available + " bytes)");
        }
        long magic;
        try {
            magic = magicView.wrap(at(scratch, 0, 4)).magic();
        } catch (ParseException e) {
            throw translate(e, 0);
        }
        if (magic == SECTION_HEADER_BLOCK) {
            position = 0;
            if (!readSectionHeaderFirst()) {
                throw error(ParseErrorKind.MALFORMED, "pcapng.shb", "", 0, "no section header block");
            }
            return CaptureFormat.PCAPNG;
        }
        if (magic == PCAP_MICRO_BIG || magic == PCAP_NANO_BIG || magic == PCAP_MICRO_LITTLE || magic == PCAP_NANO_LITTLE) {
            order = magic == PCAP_MICRO_BIG || magic == PCAP_NANO_BIG ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            nanosecondPcap = magic == PCAP_NANO_BIG || magic == PCAP_NANO_LITTLE;
            readPcapHeader();
            return CaptureFormat.PCAP;
        }
        String compression = compression(magic);
        if (compression != null) {
            throw new CaptureFormatException(ParseErrorKind.UNSUPPORTED, CaptureMagic.LAYER, "magic", 0,
                    String.format("the file is compressed with %s (magic number 0x%08X), not a pcap or pcapng capture:"
                            + " decompress it first", compression, magic),
                    delivered, CaptureFormatException.Reason.COMPRESSED, compression);
        }
        throw error(ParseErrorKind.MALFORMED, CaptureMagic.LAYER, "magic", 0,
                String.format("unknown magic number 0x%08X: neither pcap nor pcapng", magic));
    }

    /**
     * The compression format whose magic number starts the file, or null: gzip (1F 8B), zstd
     * (28 B5 2F FD), xz (FD 37 7A 58, of FD '7zXZ' 00), bzip2 ('BZh' and a block size '1' to '9'),
     * lz4 frames (04 22 4D 18). None of them can start a pcap or pcapng file.
     */
    static String compression(long magic) {
        if ((magic >>> 16) == 0x1F8BL) {
            return "gzip";
        } else if (magic == 0x28B52FFDL) {
            return "zstd";
        } else if (magic == 0xFD377A58L) {
            return "xz";
        } else if ((magic >>> 8) == 0x425A68L && (magic & 0xFF) >= '1' && (magic & 0xFF) <= '9') {
            return "bzip2";
        } else if (magic == 0x04224D18L) {
            return "lz4";
        }
        return null;
    }

    private void readPcapHeader() throws CaptureFormatException {
        int available = source.ensure(0, PCAP_FILE_HEADER);
        if (available < PCAP_FILE_HEADER) {
            throw error(ParseErrorKind.MALFORMED, PcapFileHeader.LAYER, "", 0,
                    "the file header is truncated: " + available + " of 24 bytes");
        }
        PacketBuffer header = at(scratch, 0, PCAP_FILE_HEADER);
        LinkType linkType;
        long snapLength;
        boolean fcsPresent;
        int fcsWords;
        try {
            fileHeader.wrap(header, order);
            linkType = fileHeader.linkType();
            snapLength = fileHeader.snapLength();
            fcsPresent = fileHeader.fcsPresent();
            fcsWords = fileHeader.fcsLength();
        } catch (ParseException e) {
            throw translate(e, 0, e.field().equals("versionMajor") ? ParseErrorKind.UNSUPPORTED : e.kind());
        }
        pcapFcsLength = fcsPresent ? 2 * fcsWords : -1;
        sections = 1;
        interfaceCount = 0;
        addInterface(linkType, snapLength, 1_000_000L, -1, 0, pcapFcsLength);
        position = PCAP_FILE_HEADER;
    }

    // --- pcap records ----------------------------------------------------------------------

    private boolean nextPcap(Record record) throws CaptureFormatException {
        long at = position;
        int available = source.ensure(at, PCAP_RECORD_HEADER);
        if (available == 0) {
            return false;
        }
        if (available < PCAP_RECORD_HEADER) {
            throw error(ParseErrorKind.MALFORMED, PcapRecordHeader.LAYER, "", at,
                    "the record header is truncated: " + available + " of 16 bytes");
        }
        // The captured length first, from the header alone: checked against the limit, then against
        // the file (a stream reads that many bytes, never more), before the record's view parses it.
        long claimed;
        try {
            PacketBuffer header = at(scratch, at, PCAP_RECORD_HEADER);
            claimed = prefix.wrap(header, order).includedLength();
        } catch (ParseException e) {
            throw translate(e, at);
        }
        if (claimed > limits.maxPacketLength()) {
            throw error(ParseErrorKind.MALFORMED, PcapRecordHeader.LAYER, "includedLength", at + 8,
                    "the captured length " + claimed + " exceeds the limit of " + limits.maxPacketLength() + " bytes");
        }
        available = source.available(at, PCAP_RECORD_HEADER + (int) claimed);
        if (available < PCAP_RECORD_HEADER + claimed) {
            throw error(ParseErrorKind.MALFORMED, PcapRecordHeader.LAYER, "includedLength", at + 8,
                    "the captured packet of " + claimed + " bytes runs past the end of the file ("
                            + (available - PCAP_RECORD_HEADER) + " bytes left)");
        }
        source.ensure(at, available);
        PacketBuffer packet = record.packet;
        packet.rewrap(source.array(), source.index(at), available);
        long included;
        long original;
        long seconds;
        long fraction;
        try {
            recordHeader.wrap(packet, order);
            included = recordHeader.includedLength();
            original = recordHeader.originalLength();
            seconds = recordHeader.timestampSeconds();
            fraction = recordHeader.timestampFraction();
        } catch (ParseException e) {
            throw translate(e, at);
        }
        int captured = (int) included;
        packet.rewrap(source.array(), source.index(at), PCAP_RECORD_HEADER + captured).shrinkFront(PCAP_RECORD_HEADER);
        record.timestampRepresentable = true; // 32-bit seconds: always within an Instant's range
        if (nanosecondPcap) {
            record.epochSecond = seconds + fraction / NANOS_PER_SECOND;
            record.nanos = (int) (fraction % NANOS_PER_SECOND);
        } else {
            record.epochSecond = seconds + fraction / 1_000_000L;
            record.nanos = (int) (fraction % 1_000_000L) * 1000;
        }
        clearOptions(record);
        record.hasTimestamp = true;
        record.interfaceId = 0;
        record.linkType = ifLinkType[0];
        record.capturedLength = captured;
        record.originalLength = original;
        record.format = CaptureFormat.PCAP;
        deliver(record, at, at + PCAP_RECORD_HEADER + captured);
        return true;
    }

    private void deliver(Record record, long at, long next) {
        record.fileOffset = at;
        record.index = delivered++;
        position = next;
    }

    private static void clearOptions(Record record) {
        try {
            record.options.reset(EMPTY, 0, 0, PcapngOptionLeFormat.FORMAT, "pcap.record", 0);
        } catch (ParseException e) {
            throw new AssertionError("an empty option region is always valid", e);
        }
    }

    // --- pcapng blocks ---------------------------------------------------------------------

    /** Reads the first block, which the magic number says is a section header block. */
    private boolean readSectionHeaderFirst() throws CaptureFormatException {
        return nextBlock(null);
    }

    private boolean nextPcapng(Record record) throws CaptureFormatException {
        return nextBlock(record);
    }

    /**
     * Reads blocks until one is a packet (then fills {@code record} and returns true) or the file
     * ends (false). With a null record, reads exactly one block, the file's first.
     */
    private boolean nextBlock(Record record) throws CaptureFormatException {
        while (true) {
            long at = position;
            int available = source.ensure(at, MIN_BLOCK);
            if (available == 0) {
                return false;
            }
            if (available < 8) {
                throw error(ParseErrorKind.MALFORMED, PcapngBlockHeader.LAYER, "", at,
                        "the block header is truncated: " + available + " of 8 bytes");
            }
            long type;
            long length;
            try {
                PacketBuffer header = at(scratch, at, 8);
                blockHeader.wrap(header, order);
                type = blockHeader.blockType();
                length = blockHeader.blockTotalLength();
            } catch (ParseException e) {
                throw translate(e, at);
            }
            if (type == SECTION_HEADER_BLOCK) {
                length = probeSection(at, available);
            }
            checkBlockLength(at, length);
            int blockLength = (int) length;
            if (type == SECTION_HEADER_BLOCK) {
                readSectionHeader(at, blockLength);
            } else if (record == null) {
                throw error(ParseErrorKind.MALFORMED, "pcapng.shb", "blockType", at,
                        "the file does not start with a section header block");
            } else if (type == INTERFACE_DESCRIPTION_BLOCK) {
                readInterfaceDescription(at, blockLength);
            } else if (type == ENHANCED_PACKET_BLOCK || type == PACKET_BLOCK) {
                readPacketBlock(record, at, blockLength, type == ENHANCED_PACKET_BLOCK);
                return true;
            } else if (type == SIMPLE_PACKET_BLOCK) {
                readSimplePacketBlock(record, at, blockLength);
                return true;
            } else {
                checkTrailer(at, blockLength); // any other block is skipped by its length
            }
            position = at + blockLength;
            if (record == null) {
                return true;
            }
        }
    }

    /**
     * Learns a new section's byte order from its byte-order magic; returns the block's length in that
     * order. {@code available}: the bytes at {@code at}, up to 12.
     */
    private long probeSection(long at, int available) throws CaptureFormatException {
        if (available < MIN_BLOCK) {
            throw error(ParseErrorKind.MALFORMED, PcapngSectionStart.LAYER, "", at,
                    "the section header block is truncated: " + available + " bytes");
        }
        try {
            sectionStart.wrap(at(scratch, at, MIN_BLOCK));
        } catch (ParseException e) {
            if (e.field().equals("byteOrderMagic")) {
                throw error(ParseErrorKind.MALFORMED, PcapngSectionStart.LAYER, "byteOrderMagic", at + 8,
                        "unknown byte-order magic: neither 0x1A2B3C4D nor 0x4D3C2B1A");
            }
            throw translate(e, at);
        }
        pendingOrder = sectionStart.byteOrder();
        return sectionStart.blockTotalLength();
    }

    /**
     * What the layout language cannot say about a block's length: a multiple of 4, and the limits;
     * then whether the file has the block (a stream reads it, now that its length is known to be
     * within the limits).
     */
    private void checkBlockLength(long at, long length) throws CaptureFormatException {
        String problem = null;
        if (length < MIN_BLOCK) {
            problem = "the block length " + length + " is below the 12-byte minimum";
        } else if ((length & 3) != 0) {
            problem = "the block length " + length + " is not a multiple of 4";
        } else if (length > limits.maxBlockLength()) {
            problem = "the block length " + length + " exceeds the limit of " + limits.maxBlockLength() + " bytes";
        } else {
            int available = source.available(at, (int) length);
            if (available < length) {
                problem = "the block of " + length + " bytes runs past the end of the file (" + available + " bytes left)";
            }
        }
        if (problem != null) {
            throw error(ParseErrorKind.MALFORMED, PcapngBlockHeader.LAYER, "blockTotalLength", at + 4, problem);
        }
    }

    private void checkTrailer(long at, int length) throws CaptureFormatException {
        long trailerAt = at + length - 4;
        source.ensure(trailerAt, 4);
        long trailing;
        try {
            PacketBuffer trailer = at(scratch, trailerAt, 4);
            trailing = this.trailer.wrap(trailer, order).trailingTotalLength();
        } catch (ParseException e) {
            throw translate(e, trailerAt);
        }
        if (trailing != length) {
            throw error(ParseErrorKind.MALFORMED, PcapngBlockTrailer.LAYER, "trailingTotalLength", trailerAt,
                    "the trailing length " + trailing + " does not match the block's total length " + length);
        }
    }

    private void readSectionHeader(long at, int length) throws CaptureFormatException {
        source.ensure(at, length);
        PacketBuffer block = at(scratch, at, length);
        int minor;
        try {
            if (pendingOrder == ByteOrder.BIG_ENDIAN) {
                minor = sectionBe.wrap(block).minorVersion();
            } else {
                minor = sectionLe.wrap(block).minorVersion();
            }
        } catch (ParseException e) {
            throw translate(e, at, e.field().equals("majorVersion") ? ParseErrorKind.UNSUPPORTED : e.kind());
        }
        if (minor != 0 && minor != 2) {
            // Version 1.2 is written by some tools and means the same as 1.0; Wireshark reads both only.
            throw error(ParseErrorKind.UNSUPPORTED, SectionHeaderBlockLe.LAYER, "minorVersion", at + 14,
                    "unsupported pcapng version 1." + minor);
        }
        order = pendingOrder;
        checkTrailer(at, length);
        sections++;
        interfaceCount = 0;
    }

    private void readInterfaceDescription(long at, int length) throws CaptureFormatException {
        if (interfaceCount == limits.maxInterfaces()) {
            throw error(ParseErrorKind.MALFORMED, InterfaceDescriptionBlockLe.LAYER, "", at,
                    "more than " + limits.maxInterfaces() + " interfaces in one section");
        }
        source.ensure(at, length);
        PacketBuffer block = at(scratch, at, length);
        LinkType linkType;
        long snapLength;
        OptionsIterator options;
        try {
            if (order == ByteOrder.BIG_ENDIAN) {
                interfaceBe.wrap(block);
                linkType = interfaceBe.linkType();
                snapLength = interfaceBe.snapLength();
                options = interfaceBe.options();
            } else {
                interfaceLe.wrap(block);
                linkType = interfaceLe.linkType();
                snapLength = interfaceLe.snapLength();
                options = interfaceLe.options();
            }
        } catch (ParseException e) {
            throw translate(e, at);
        }
        long units = 1_000_000L;
        int binaryExponent = -1;
        long offsetSeconds = 0;
        int fcsLength = -1;
        while (options.next()) {
            int kind = options.kind();
            if (kind == OPTION_TSRESOL && options.valueLength() == 1) {
                int resolution = options.valueU8(0);
                int exponent = resolution & 0x7F;
                long optionAt = at + (options.offset() - block.regionStart());
                if ((resolution & 0x80) != 0) {
                    if (exponent > 63) {
                        throw error(ParseErrorKind.UNSUPPORTED, InterfaceDescriptionBlockLe.LAYER, "options", optionAt,
                                "if_tsresol 2^-" + exponent + " is finer than 2^-63 seconds");
                    }
                    binaryExponent = exponent;
                } else {
                    if (exponent > 19) {
                        throw error(ParseErrorKind.UNSUPPORTED, InterfaceDescriptionBlockLe.LAYER, "options", optionAt,
                                "if_tsresol 10^-" + exponent + " is finer than 10^-19 seconds");
                    }
                    units = POWERS_OF_TEN[exponent];
                    binaryExponent = -1;
                }
            } else if (kind == OPTION_TSOFFSET && options.valueLength() == 8) {
                offsetSeconds = options.valueI64(0);
            } else if (kind == OPTION_FCSLEN && options.valueLength() == 1) {
                fcsLength = options.valueU8(0);
            }
        }
        checkTrailer(at, length);
        addInterface(linkType, snapLength, units, binaryExponent, offsetSeconds, fcsLength);
    }

    private static final long[] POWERS_OF_TEN = new long[20];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10; // 10^19 overflows a signed long; it is read unsigned
        }
    }

    private void addInterface(LinkType linkType, long snapLength, long units, int binaryExponent, long offsetSeconds,
            int fcsLength) {
        int id = interfaceCount;
        if (id == ifLinkType.length) {
            int grown = Math.min(Math.max(4, id * 2), limits.maxInterfaces());
            ifLinkType = Arrays.copyOf(ifLinkType, grown);
            ifSnapLength = Arrays.copyOf(ifSnapLength, grown);
            ifUnits = Arrays.copyOf(ifUnits, grown);
            ifBinaryExponent = Arrays.copyOf(ifBinaryExponent, grown);
            ifOffsetSeconds = Arrays.copyOf(ifOffsetSeconds, grown);
            ifFcsLength = Arrays.copyOf(ifFcsLength, grown);
        }
        ifLinkType[id] = linkType;
        ifSnapLength[id] = snapLength;
        ifUnits[id] = units;
        ifBinaryExponent[id] = binaryExponent;
        ifOffsetSeconds[id] = offsetSeconds;
        ifFcsLength[id] = fcsLength;
        interfaceCount = id + 1;
    }

    /** An enhanced packet block, or the obsolete packet block, which has the same shape. */
    private void readPacketBlock(Record record, long at, int length, boolean enhanced) throws CaptureFormatException {
        String layer = enhanced ? EnhancedPacketBlock.LAYER : PacketBlock.LAYER;
        source.ensure(at, length);
        PacketBuffer packet = record.packet;
        packet.rewrap(source.array(), source.index(at), length - 4); // the view sees the block without its trailer
        long interfaceId;
        long high;
        long low;
        long captured;
        long original;
        try {
            if (enhanced) {
                this.enhanced.wrap(packet, order);
                interfaceId = this.enhanced.interfaceId();
                high = this.enhanced.timestampHigh();
                low = this.enhanced.timestampLow();
                captured = this.enhanced.capturedLength();
                original = this.enhanced.originalLength();
            } else {
                obsolete.wrap(packet, order);
                interfaceId = obsolete.interfaceId();
                high = obsolete.timestampHigh();
                low = obsolete.timestampLow();
                captured = obsolete.capturedLength();
                original = obsolete.originalLength();
            }
        } catch (ParseException e) {
            if (e.field().equals("capturedLength")) {
                throw error(ParseErrorKind.MALFORMED, layer, "capturedLength", at + e.offset(),
                        "the block of " + length + " bytes is too short for its captured length");
            }
            throw translate(e, at);
        }
        // The packet data is padded to 32 bits before the options: the language has no padded region.
        if (PACKET_BLOCK_FIXED + padded(captured) > length - 4) {
            throw error(ParseErrorKind.MALFORMED, layer, "capturedLength", at + 20,
                    "the block of " + length + " bytes is too short for " + captured + " bytes of packet data and padding");
        }
        if (interfaceId >= interfaceCount) {
            throw error(ParseErrorKind.MALFORMED, layer, "interfaceId", at + 8,
                    "interface " + interfaceId + " is not among the section's " + interfaceCount + " interfaces");
        }
        if (captured > limits.maxPacketLength()) {
            throw error(ParseErrorKind.MALFORMED, layer, "capturedLength", at + 20,
                    "the captured length " + captured + " exceeds the limit of " + limits.maxPacketLength() + " bytes");
        }
        int start = source.index(at);
        int optionsStart = PACKET_BLOCK_FIXED + (int) padded(captured);
        try {
            record.options.reset(source.array(), start + optionsStart, start + length - 4,
                    order == ByteOrder.BIG_ENDIAN ? PcapngOptionBeFormat.FORMAT : PcapngOptionLeFormat.FORMAT,
                    layer, optionsStart);
        } catch (ParseException e) {
            throw translate(e, at);
        }
        checkTrailer(at, length);
        int id = (int) interfaceId;
        setTimestamp(record, id, (high << 32) | low);
        packet.rewrap(source.array(), start, length).shrinkFront(PACKET_BLOCK_FIXED).shrinkBackTo((int) captured);
        record.hasTimestamp = true;
        record.interfaceId = id;
        record.linkType = ifLinkType[id];
        record.capturedLength = (int) captured;
        record.originalLength = original;
        record.format = CaptureFormat.PCAPNG;
        deliver(record, at, at + length);
    }

    private void readSimplePacketBlock(Record record, long at, int length) throws CaptureFormatException {
        String layer = SimplePacketBlock.LAYER;
        source.ensure(at, length);
        PacketBuffer packet = record.packet;
        packet.rewrap(source.array(), source.index(at), length - 4);
        long original;
        try {
            original = simple.wrap(packet, order).originalLength();
        } catch (ParseException e) {
            throw translate(e, at);
        }
        if (interfaceCount == 0) {
            throw error(ParseErrorKind.MALFORMED, layer, "", at, "a simple packet block before any interface description block");
        }
        // The captured length is not stored: the original length cut to interface 0's snap length (0: none).
        long snapLength = ifSnapLength[0];
        long captured = snapLength != 0 && original > snapLength ? snapLength : original;
        if (SIMPLE_BLOCK_FIXED + padded(captured) > length - 4) {
            throw error(ParseErrorKind.MALFORMED, layer, "originalLength", at + 8,
                    "the block of " + length + " bytes is too short for " + captured + " bytes of packet data and padding");
        }
        if (captured > limits.maxPacketLength()) {
            throw error(ParseErrorKind.MALFORMED, layer, "originalLength", at + 8,
                    "the captured length " + captured + " exceeds the limit of " + limits.maxPacketLength() + " bytes");
        }
        checkTrailer(at, length);
        packet.rewrap(source.array(), source.index(at), length).shrinkFront(SIMPLE_BLOCK_FIXED).shrinkBackTo((int) captured);
        clearOptions(record);
        record.epochSecond = 0;
        record.nanos = 0;
        record.timestampRepresentable = true;
        record.hasTimestamp = false;
        record.interfaceId = 0;
        record.linkType = ifLinkType[0];
        record.capturedLength = (int) captured;
        record.originalLength = original;
        record.format = CaptureFormat.PCAPNG;
        deliver(record, at, at + length);
    }

    private static long padded(long length) {
        return (length + 3) & ~3L;
    }

    /** The range of an {@link Instant}, to which a pcapng timestamp's seconds are saturated. */
    private static final long MIN_SECOND = Instant.MIN.getEpochSecond();
    private static final long MAX_SECOND = Instant.MAX.getEpochSecond();

    /**
     * Converts a 64-bit pcapng timestamp in the interface's units to seconds and nanoseconds, plus
     * the interface's offset. The count is unsigned and the offset signed, so the sum is computed
     * without wrapping; a time outside an {@link Instant}'s range (coarse units with a huge count,
     * a huge offset) saturates at that range's nearest end, marked not representable.
     */
    private void setTimestamp(Record record, int id, long timestamp) {
        int exponent = ifBinaryExponent[id];
        long seconds;
        long nanos;
        if (exponent >= 0) {
            seconds = timestamp >>> exponent;
            long fraction = exponent == 0 ? 0 : timestamp & ((1L << exponent) - 1);
            // fraction * 10^9 / 2^exponent, exactly, in 128 bits: fraction < 2^63.
            long productHigh = Math.multiplyHigh(fraction, NANOS_PER_SECOND);
            long productLow = fraction * NANOS_PER_SECOND;
            nanos = exponent == 0 ? 0 : (productLow >>> exponent) | (productHigh << (64 - exponent));
        } else {
            long units = ifUnits[id];
            seconds = Long.divideUnsigned(timestamp, units);
            long fraction = Long.remainderUnsigned(timestamp, units);
            // Decimal units are powers of ten, so one of the two divides exactly.
            nanos = Long.compareUnsigned(units, NANOS_PER_SECOND) <= 0
                    ? fraction * (NANOS_PER_SECOND / units)
                    : Long.divideUnsigned(fraction, Long.divideUnsigned(units, NANOS_PER_SECOND));
        }
        long offset = ifOffsetSeconds[id];
        long sum = seconds + offset;
        // seconds is unsigned: at 2^63 or more it reads negative here. The true sum is in [-2^63, 2^64 + 2^63).
        boolean aboveLong = seconds < 0 ? !(offset < 0 && sum >= 0) : offset > 0 && sum < 0;
        if (aboveLong || sum > MAX_SECOND) {
            record.epochSecond = MAX_SECOND;
            record.nanos = 999_999_999;
            record.timestampRepresentable = false;
        } else if (sum < MIN_SECOND) {
            record.epochSecond = MIN_SECOND;
            record.nanos = 0;
            record.timestampRepresentable = false;
        } else {
            record.epochSecond = sum;
            record.nanos = (int) nanos;
            record.timestampRepresentable = true;
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    /** Points {@code buffer} at {@code length} bytes of the file from {@code offset}, which are in the window. */
    private PacketBuffer at(PacketBuffer buffer, long offset, int length) {
        return buffer.rewrap(source.array(), source.index(offset), length);
    }

    private CaptureFormatException error(ParseErrorKind kind, String layer, String field, long offset, String detail) {
        return new CaptureFormatException(kind, layer, field, offset, detail, delivered);
    }

    /** A view's error, whose offset counts from {@code base}, as a file error. */
    private CaptureFormatException translate(ParseException e, long base) {
        return translate(e, base, e.kind());
    }

    private CaptureFormatException translate(ParseException e, long base, ParseErrorKind kind) {
        return new CaptureFormatException(kind, e.layer(), e.field(), base + e.offset(), e.detail(), delivered);
    }
}
