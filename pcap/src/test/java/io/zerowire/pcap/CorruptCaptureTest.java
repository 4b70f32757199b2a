package io.zerowire.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zerowire.parse.ParseErrorKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthetic broken files: each gives a {@link CaptureFormatException} at the right offset, naming
 * the right structure and field, after delivering exactly the good records before the fault.
 */
class CorruptCaptureTest {
    @TempDir
    Path temp;

    /** Reads to the end or the error; returns the error, checking the records delivered before it. */
    private static CaptureFormatException failure(byte[] bytes, long goodRecords) {
        return failure(bytes, goodRecords, CaptureLimits.DEFAULT);
    }

    private static CaptureFormatException failure(byte[] bytes, long goodRecords, CaptureLimits limits) {
        long[] delivered = {0};
        CaptureFormatException e = catchThrowableOfType(CaptureFormatException.class, () -> {
            try (CaptureReader reader = CaptureReader.of(bytes, 0, bytes.length, limits)) {
                Record record = new Record();
                while (reader.next(record)) {
                    delivered[0]++;
                }
            }
        });
        assertThat(e).as("a typed error").isNotNull();
        assertThat(delivered[0]).as("good records delivered first").isEqualTo(goodRecords);
        assertThat(e.recordsDelivered()).isEqualTo(goodRecords);
        assertThat(e.getMessage()).contains("at file offset " + e.fileOffset());
        return e;
    }

    private static void expect(CaptureFormatException e, String layer, String field, long offset) {
        assertThat(e.layer()).as(e.getMessage()).isEqualTo(layer);
        assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
        assertThat(e.fileOffset()).as(e.getMessage()).isEqualTo(offset);
        assertThat(e.offset()).isEqualTo((int) offset);
    }

    private static CaptureBytes twoGoodPcapRecords() {
        return CaptureBytes.littleEndian().pcapHeader(false, 65535, 1)
                .pcapRecord(1, 0, CaptureBytes.packet(50, 1), 50)
                .pcapRecord(2, 0, CaptureBytes.packet(70, 2), 70);
    }

    private static final int AFTER_TWO = 24 + 16 + 50 + 16 + 70;

    // --- pcap ------------------------------------------------------------------------------

    @Test
    void emptyFile() {
        expect(failure(new byte[0], 0), "capture", "magic", 0);
    }

    @Test
    void unknownMagic() {
        CaptureFormatException e = failure(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
                20, 21, 22, 23, 24}, 0);
        expect(e, "capture", "magic", 0);
        assertThat(e.detail()).contains("0x01020304");
    }

    @Test
    void aGzipFileIsNamedAsSuch() throws Exception {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(twoGoodPcapRecords().bytes());
        }
        CaptureFormatException e = failure(gz.toByteArray(), 0);
        expect(e, "capture", "magic", 0);
        assertThat(e.reason()).isEqualTo(CaptureFormatException.Reason.COMPRESSED);
        assertThat(e.compression()).isEqualTo("gzip");
        assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
        assertThat(e.detail()).startsWith("the file is compressed with gzip (magic number 0x1F8B0800)")
                .doesNotContain("unknown magic");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
        "gzip, 1F8B0800", "zstd, 28B52FFD", "xz, FD377A58", "bzip2, 425A6839", "bzip2, 425A6831", "lz4, 04224D18"})
    void compressedFilesAreRecognizedByTheirMagic(String name, String magic) {
        byte[] bytes = Arrays.copyOf(java.util.HexFormat.of().parseHex(magic), 64);
        CaptureFormatException e = failure(bytes, 0);
        assertThat(e.reason()).isEqualTo(CaptureFormatException.Reason.COMPRESSED);
        assertThat(e.compression()).isEqualTo(name);
        assertThat(e.detail()).contains("compressed with " + name);
        // The same files from a stream say the same.
        CaptureFormatException streamed = catchThrowableOfType(CaptureFormatException.class,
                () -> CaptureReader.read(new java.io.ByteArrayInputStream(bytes)));
        assertThat(streamed.getMessage()).isEqualTo(e.getMessage());
    }

    @Test
    void nearMissesOfACompressionMagicAreUnknownMagic() {
        for (String magic : new String[] {"1F8A0800", "425A6830", "425A683A", "28B52FFE"}) {
            CaptureFormatException e = failure(Arrays.copyOf(java.util.HexFormat.of().parseHex(magic), 64), 0);
            assertThat(e.reason()).as(magic).isEqualTo(CaptureFormatException.Reason.CONTENTS);
            assertThat(e.compression()).isEmpty();
            assertThat(e.detail()).contains("unknown magic number");
        }
    }

    @Test
    void truncatedMagic() {
        expect(failure(new byte[] {(byte) 0xD4, (byte) 0xC3}, 0), "capture", "magic", 0);
    }

    @Test
    void truncatedFileHeader() {
        byte[] header = CaptureBytes.littleEndian().pcapHeader(false, 65535, 1).bytes();
        expect(failure(Arrays.copyOf(header, 20), 0), "pcap", "", 0);
    }

    @Test
    void unsupportedMajorVersion() {
        byte[] header = CaptureBytes.bigEndian().u32(0xA1B2C3D4L).u16(1).u16(0).u32(0).u32(0).u32(100).u32(1).bytes();
        CaptureFormatException e = failure(header, 0);
        expect(e, "pcap", "versionMajor", 4);
        assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
    }

    @Test
    void truncatedRecordHeader() {
        byte[] bytes = twoGoodPcapRecords().u32(3).u32(0).u16(0).bytes(); // 10 of 16 header bytes
        expect(failure(bytes, 2), "pcap.record", "", AFTER_TWO);
    }

    @Test
    void truncatedRecordData() {
        byte[] bytes = twoGoodPcapRecords().pcapRecordClaiming(3, 0, 100, new byte[40], 100).bytes();
        CaptureFormatException e = failure(bytes, 2);
        expect(e, "pcap.record", "includedLength", AFTER_TWO + 8);
        assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
        assertThat(e.detail()).contains("past the end of the file");
    }

    @Test
    void hugeIncludedLengthAtTheEnd() {
        byte[] bytes = twoGoodPcapRecords().pcapRecordClaiming(3, 0, 0xFFFF_FFF0L, new byte[8], 60).bytes();
        expect(failure(bytes, 2), "pcap.record", "includedLength", AFTER_TWO + 8);
    }

    @Test
    void includedLengthOverTheLimitIsRefusedEvenWhenTheFileHasTheBytes() throws Exception {
        // 300,000 bytes really follow, but no record may be larger than the 262,144-byte limit.
        byte[] bytes = twoGoodPcapRecords().pcapRecordClaiming(3, 0, 300_000, new byte[300_000], 300_000).bytes();
        CaptureFormatException e = failure(bytes, 2);
        expect(e, "pcap.record", "includedLength", AFTER_TWO + 8);
        assertThat(e.detail()).contains("exceeds the limit of 262144");
        // The same file with a higher limit reads.
        try (CaptureReader reader = CaptureReader.of(bytes, 0, bytes.length, CaptureLimits.DEFAULT.withMaxPacketLength(400_000))) {
            Record record = new Record();
            int count = 0;
            while (reader.next(record)) {
                count++;
            }
            assertThat(count).isEqualTo(3);
            assertThat(record.capturedLength()).isEqualTo(300_000);
        }
        // And the mapped reader says the same as the array reader.
        Path path = temp.resolve("huge.pcap");
        Files.write(path, bytes);
        CaptureFormatException mapped = catchThrowableOfType(CaptureFormatException.class, () -> {
            try (CaptureReader reader = CaptureReader.open(path)) {
                Record record = new Record();
                while (reader.next(record)) {
                    // drain
                }
            }
        });
        assertThat(mapped.fileOffset()).isEqualTo(e.fileOffset());
        assertThat(mapped.detail()).isEqualTo(e.detail());
    }

    @Test
    void theErrorIsSticky() throws Exception {
        byte[] bytes = twoGoodPcapRecords().u32(3).bytes();
        try (CaptureReader reader = CaptureReader.of(bytes)) {
            Record record = new Record();
            assertThat(reader.next(record)).isTrue();
            assertThat(reader.next(record)).isTrue();
            CaptureFormatException first = catchThrowableOfType(CaptureFormatException.class, () -> reader.next(record));
            CaptureFormatException again = catchThrowableOfType(CaptureFormatException.class, () -> reader.next(record));
            assertThat(again).isSameAs(first);
        }
    }

    // --- pcapng ----------------------------------------------------------------------------

    private static CaptureBytes twoGoodPcapngRecords(boolean big) {
        return (big ? CaptureBytes.bigEndian() : CaptureBytes.littleEndian()).shb().idb(1, 0)
                .epb(0, 1, CaptureBytes.packet(50, 1), 50).epb(0, 2, CaptureBytes.packet(70, 2), 70);
    }

    /** SHB 28 + IDB 20 + EPB (32 + 52) + EPB (32 + 72). */
    private static final int NG_AFTER_TWO = 28 + 20 + 84 + 104;

    @Test
    void blockLengthBelowTheMinimum() {
        byte[] bytes = twoGoodPcapngRecords(false).u32(6).u32(8).u32(8).bytes();
        expect(failure(bytes, 2), "pcapng.block", "blockTotalLength", NG_AFTER_TWO + 4);
    }

    @Test
    void blockLengthNotAMultipleOfFour() {
        byte[] bytes = twoGoodPcapngRecords(true).u32(6).u32(30).zeros(22).bytes();
        CaptureFormatException e = failure(bytes, 2);
        expect(e, "pcapng.block", "blockTotalLength", NG_AFTER_TWO + 4);
        assertThat(e.detail()).contains("multiple of 4");
    }

    @Test
    void blockLongerThanTheFile() {
        byte[] bytes = twoGoodPcapngRecords(false).u32(6).u32(1 << 20).zeros(100).bytes();
        CaptureFormatException e = failure(bytes, 2);
        expect(e, "pcapng.block", "blockTotalLength", NG_AFTER_TWO + 4);
        assertThat(e.detail()).contains("past the end of the file");
    }

    @Test
    void blockLongerThanTheLimit() {
        CaptureBytes file = twoGoodPcapngRecords(false).epb(0, 3, new byte[2000], 2000);
        CaptureFormatException e = failure(file.bytes(), 2, CaptureLimits.DEFAULT.withMaxBlockLength(1024));
        expect(e, "pcapng.block", "blockTotalLength", NG_AFTER_TWO + 4);
        assertThat(e.detail()).contains("exceeds the limit of 1024");
    }

    @Test
    void trailerMismatch() {
        byte[] bytes = twoGoodPcapngRecords(false).epb(0, 3, new byte[8], 8).bytes();
        int lastTrailer = bytes.length - 4;
        bytes[lastTrailer] = 44; // 40 in the header
        CaptureFormatException e = failure(bytes, 2);
        expect(e, "pcapng.block", "trailingTotalLength", lastTrailer);
    }

    @Test
    void trailerMismatchOfASkippedBlock() {
        byte[] bytes = twoGoodPcapngRecords(true).block(0x12345678L, new byte[8]).bytes();
        bytes[bytes.length - 1] = 99;
        expect(failure(bytes, 2), "pcapng.block", "trailingTotalLength", bytes.length - 4);
    }

    @Test
    void truncatedBlockHeader() {
        byte[] bytes = twoGoodPcapngRecords(false).u32(6).u16(0).bytes();
        expect(failure(bytes, 2), "pcapng.block", "", NG_AFTER_TWO);
    }

    @Test
    void truncatedPacketBlock() {
        byte[] whole = twoGoodPcapngRecords(false).epb(0, 3, new byte[100], 100).bytes();
        expect(failure(Arrays.copyOf(whole, whole.length - 10), 2), "pcapng.block", "blockTotalLength", NG_AFTER_TWO + 4);
    }

    @Test
    void unknownByteOrderMagic() {
        byte[] bytes = CaptureBytes.littleEndian().u32(0x0A0D0D0AL).u32(28).u32(0x11223344L).zeros(16).bytes();
        CaptureFormatException e = failure(bytes, 0);
        expect(e, "pcapng.shb", "byteOrderMagic", 8);
    }

    @Test
    void unknownByteOrderMagicInALaterSection() {
        byte[] bytes = twoGoodPcapngRecords(false).u32(0x0A0D0D0AL).u32(28).u32(0x11223344L).zeros(16).bytes();
        expect(failure(bytes, 2), "pcapng.shb", "byteOrderMagic", NG_AFTER_TWO + 8);
    }

    @Test
    void unsupportedSectionVersions() {
        byte[] major = CaptureBytes.littleEndian().block(0x0A0D0D0AL,
                CaptureBytes.littleEndian().u32(0x1A2B3C4DL).u16(2).u16(0).u64(-1).bytes()).bytes();
        CaptureFormatException e = failure(major, 0);
        expect(e, "pcapng.shb", "majorVersion", 12);
        assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
        byte[] minor = CaptureBytes.bigEndian().block(0x0A0D0D0AL,
                CaptureBytes.bigEndian().u32(0x1A2B3C4DL).u16(1).u16(1).u64(-1).bytes()).bytes();
        expect(failure(minor, 0), "pcapng.shb", "minorVersion", 14);
    }

    @Test
    void sectionHeaderTooShortForItsFields() {
        byte[] bytes = CaptureBytes.littleEndian().block(0x0A0D0D0AL, CaptureBytes.littleEndian().u32(0x1A2B3C4DL).bytes()).bytes();
        CaptureFormatException e = failure(bytes, 0);
        expect(e, "pcapng.shb", "", 0);
        assertThat(e.detail()).contains("24-byte fixed header");
    }

    @Test
    void capturedLengthBeyondTheBlock() {
        CaptureBytes file = twoGoodPcapngRecords(false);
        // An EPB of 48 bytes whose captured length says 100.
        file.u32(6).u32(48).u32(0).u32(0).u32(3).u32(100).u32(100).zeros(16).u32(48);
        CaptureFormatException e = failure(file.bytes(), 2);
        expect(e, "pcapng.epb", "capturedLength", NG_AFTER_TWO + 20);
    }

    @Test
    void capturedLengthWithoutRoomForItsPadding() {
        CaptureBytes file = twoGoodPcapngRecords(false);
        // 13 bytes of data need 16 with padding; the block has room for 13 only, then its trailer.
        file.u32(6).u32(48).u32(0).u32(0).u32(3).u32(13).u32(13).zeros(13).zeros(3).u32(48);
        // That is a 48-byte block: 28 + 16 + 4, which fits; make it 44 (no room for padding) instead.
        byte[] bytes = twoGoodPcapngRecords(false).u32(6).u32(44).u32(0).u32(0).u32(3).u32(13).u32(13).zeros(12)
                .u32(44).bytes();
        assertThat(file.size()).isEqualTo(NG_AFTER_TWO + 48);
        expect(failure(bytes, 2), "pcapng.epb", "capturedLength", NG_AFTER_TWO + 20);
    }

    @Test
    void interfaceIdOutOfRange() {
        byte[] bytes = twoGoodPcapngRecords(true).epb(1, 3, new byte[4], 4).bytes();
        expect(failure(bytes, 2), "pcapng.epb", "interfaceId", NG_AFTER_TWO + 8);
    }

    @Test
    void packetOverTheLimit() {
        byte[] bytes = twoGoodPcapngRecords(false).epb(0, 3, new byte[3000], 3000).bytes();
        expect(failure(bytes, 2, CaptureLimits.DEFAULT.withMaxPacketLength(2000)), "pcapng.epb", "capturedLength",
                NG_AFTER_TWO + 20);
    }

    @Test
    void malformedPacketOptions() {
        CaptureBytes file = twoGoodPcapngRecords(false);
        byte[] options = file.body().u16(1).u16(200).u32(0).bytes(); // a comment claiming 200 bytes in 4
        byte[] bytes = file.epb(0, 3, new byte[4], 4, options).bytes();
        expect(failure(bytes, 2), "pcapng.epb", "options", NG_AFTER_TWO + 28 + 4);
    }

    @Test
    void malformedInterfaceOptions() {
        CaptureBytes file = CaptureBytes.bigEndian().shb();
        byte[] bytes = file.idb(1, 0, file.body().u16(9).u16(9).u32(0).bytes()).bytes();
        expect(failure(bytes, 0), "pcapng.idb", "options", 28 + 16);
    }

    @Test
    void timestampResolutionTooFine() {
        CaptureBytes file = CaptureBytes.littleEndian().shb();
        byte[] bytes = file.idb(1, 0, file.tsresol(20)).epb(0, 1, new byte[1], 1).bytes();
        CaptureFormatException e = failure(bytes, 0);
        expect(e, "pcapng.idb", "options", 28 + 16);
        assertThat(e.kind()).isEqualTo(ParseErrorKind.UNSUPPORTED);
    }

    @Test
    void simplePacketBlockBeforeAnyInterface() {
        byte[] bytes = CaptureBytes.littleEndian().shb().spb(4, new byte[4]).bytes();
        expect(failure(bytes, 0), "pcapng.spb", "", 28);
    }

    @Test
    void simplePacketBlockTooShortForItsPacket() {
        byte[] bytes = CaptureBytes.littleEndian().shb().idb(1, 0).spb(100, new byte[40]).bytes();
        expect(failure(bytes, 0), "pcapng.spb", "originalLength", 28 + 20 + 8);
    }

    @Test
    void tooManyInterfaces() {
        CaptureBytes file = CaptureBytes.littleEndian().shb();
        for (int i = 0; i < 5; i++) {
            file.idb(1, 0);
        }
        expect(failure(file.bytes(), 0, new CaptureLimits(262_144, 1 << 20, 4)), "pcapng.idb", "", 28 + 4 * 20);
    }
}
