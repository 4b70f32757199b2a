package io.zerowire.processor.behaviour;

import static io.zerowire.processor.behaviour.Packets.DESTINATION;
import static io.zerowire.processor.behaviour.Packets.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.BufferView;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.processor.sample.Ipv4Header;
import io.zerowire.processor.sample.UdpHeaderV4;
import io.zerowire.processor.sample.UdpHeaderV4Builder;
import io.zerowire.processor.sample.UdpHeaderV6;
import io.zerowire.processor.sample.UdpHeaderV6Builder;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every parse check of the generated views rejects bad bytes with the right typed error: kind,
 * layer, field and the byte offset counted from the start of the buffer's region (so with bytes
 * already consumed in front, and the region itself not at the start of the array), and leaves the
 * buffer exactly as it was.
 */
class ParseRejectionsTest {
    private static final Ipv6Address SOURCE6 = Ipv6Address.parse("2001:db8::1");
    private static final Ipv6Address DESTINATION6 = Ipv6Address.parse("2620:fe::9");

    /** A parse call under test. */
    @FunctionalInterface
    interface Parse {
        Object parse(BufferView buffer) throws ParseException;
    }

    /**
     * Parses {@code packet} placed after {@code consumed} bytes and expects the given error; checks
     * the buffer is unchanged both when the view is called directly and through
     * {@link PacketBuffer#parse}.
     */
    private static ParseException rejects(byte[] packet, int lead, int consumed, int trailing, Parse parse,
            ParseErrorKind kind, String layer, String field, int fieldOffset) {
        for (boolean throughBuffer : new boolean[] {false, true}) {
            PacketBuffer buffer = Packets.placed(packet, lead, consumed, trailing);
            byte[] before = buffer.array().clone();
            int bodyStart = buffer.bodyStart();
            int bodyEnd = buffer.bodyEnd();
            ParseException error = null;
            try {
                if (throughBuffer) {
                    buffer.parse(parse::parse);
                } else {
                    parse.parse(buffer);
                }
            } catch (ParseException e) {
                error = e;
            } catch (RuntimeException e) {
                throw new AssertionError("not a ParseException: " + e, e);
            }
            if (error == null) {
                fail("accepted, expected %s %s.%s at %s: %s", kind, layer, field, consumed + fieldOffset,
                        ReferenceBits.hex(packet));
            }
            assertThat(error.kind()).as("kind of %s", error.getMessage()).isEqualTo(kind);
            assertThat(error.layer()).as("layer of %s", error.getMessage()).isEqualTo(layer);
            assertThat(error.field()).as("field of %s", error.getMessage()).isEqualTo(field);
            assertThat(error.offset()).as("offset of %s", error.getMessage()).isEqualTo(consumed + fieldOffset);
            assertThat(buffer.bodyStart()).as("body start after %s", error.getMessage()).isEqualTo(bodyStart);
            assertThat(buffer.bodyEnd()).as("body end after %s", error.getMessage()).isEqualTo(bodyEnd);
            assertThat(buffer.array()).as("bytes after %s", error.getMessage()).isEqualTo(before);
            if (!throughBuffer) {
                return error;
            }
        }
        throw new AssertionError("unreachable");
    }

    private static Object accepts(byte[] packet, int lead, int consumed, int trailing, Parse parse) throws ParseException {
        return parse.parse(Packets.placed(packet, lead, consumed, trailing));
    }

    // --- IPv4-like: constant, header length, total length, header checksum, options, short buffer ---

    @ParameterizedTest(name = "lead {0}, consumed {1}, trailing {2}")
    @CsvSource({"0, 0, 0", "0, 14, 0", "5, 3, 6", "2, 0, 1"})
    void ipv4Rejections(int lead, int consumed, int trailing) throws ParseException {
        byte[] valid = Packets.ipv4();
        assertThat(valid).hasSize(38);
        Ipv4Header ok = (Ipv4Header) accepts(valid, lead, consumed, trailing, Ipv4Header::parse);
        assertThat(ok.headerLength()).isEqualTo(28);
        assertThat(ok.bodyLength()).isEqualTo(10);
        // Parsing moves the header into the prefix and link-layer padding into the suffix; undoing gives back the
        // packet (the padding stays in the suffix for the link layer's own undo: ParseMetadata excludes padding).
        PacketBuffer buffer = Packets.placed(valid, lead, consumed, trailing);
        Ipv4Header parsed = buffer.parse(Ipv4Header::parse);
        assertThat(buffer.prefixLength()).isEqualTo(consumed + 28);
        assertThat(buffer.bodyLength()).isEqualTo(10);
        assertThat(buffer.suffixLength()).isEqualTo(trailing);
        assertThat(buffer.toByteArray()).isEqualTo(Arrays.copyOfRange(valid, 28, 38));
        assertThat(parsed.bodyOffset()).isEqualTo(buffer.bodyStart());
        assertThat(parsed.parseMetadata().headerLength()).isEqualTo(28);
        parsed.undoParse(buffer);
        assertThat(buffer.prefixLength()).isEqualTo(consumed);
        assertThat(buffer.bodyLength()).isEqualTo(38);
        assertThat(buffer.suffixLength()).isEqualTo(trailing);
        assertThat(buffer.toByteArray()).isEqualTo(valid);

        byte[] version = valid.clone();
        version[0] = (byte) 0x67; // version 6, IHL 7
        Packets.fixIpv4Checksum(version, 28);
        rejects(version, lead, consumed, trailing, Ipv4Header::parse, ParseErrorKind.MALFORMED, "ipv4", "version", 0);

        byte[] shortIhl = valid.clone();
        shortIhl[0] = 0x44; // 16 bytes, below the 20 fixed ones
        Packets.fixIpv4Checksum(shortIhl, 28);
        rejects(shortIhl, lead, consumed, trailing, Ipv4Header::parse, ParseErrorKind.MALFORMED, "ipv4", "ihl", 0);

        byte[] zeroIhl = valid.clone();
        zeroIhl[0] = 0x40;
        rejects(zeroIhl, lead, consumed, trailing, Ipv4Header::parse, ParseErrorKind.MALFORMED, "ipv4", "ihl", 0);

        if (trailing < 60 - 38) {
            byte[] longIhl = valid.clone();
            longIhl[0] = 0x4F; // 60 bytes, past the end of the buffer
            rejects(longIhl, lead, consumed, trailing, Ipv4Header::parse, ParseErrorKind.MALFORMED, "ipv4", "ihl", 0);
        }

        byte[] longTotal = valid.clone();
        longTotal[3] = (byte) (38 + trailing + 1);
        Packets.fixIpv4Checksum(longTotal, 28);
        rejects(longTotal, lead, consumed, trailing, Ipv4Header::parse, ParseErrorKind.MALFORMED, "ipv4", "totalLength", 2);

        byte[] shortTotal = valid.clone();
        shortTotal[3] = 27; // below the 28-byte header
        Packets.fixIpv4Checksum(shortTotal, 28);
        rejects(shortTotal, lead, consumed, trailing, Ipv4Header::parse, ParseErrorKind.MALFORMED, "ipv4", "totalLength", 2);

        byte[] badChecksum = valid.clone();
        badChecksum[11] ^= 0x01;
        rejects(badChecksum, lead, consumed, trailing, Ipv4Header::parse, ParseErrorKind.CHECKSUM, "ipv4",
                "headerChecksum", 10);
        Ipv4Header unverified = (Ipv4Header) accepts(badChecksum, lead, consumed, trailing, Ipv4Header::parseUnverified);
        assertThat(unverified.checksumValid()).isFalse();
        assertThat(unverified.headerChecksum()).isEqualTo(((valid[10] & 0xFF) << 8 | (valid[11] & 0xFF)) ^ 1);
        assertThat(unverified.ttl()).isEqualTo(64);

        byte[] badOption = valid.clone();
        badOption[22] = 1; // the Router Alert's length byte (at 21 + 1): below the 2-byte minimum
        Packets.fixIpv4Checksum(badOption, 28);
        rejects(badOption, lead, consumed, trailing, Ipv4Header::parse, ParseErrorKind.MALFORMED, "ipv4", "options", 21);

        for (int length = 0; length < Ipv4Header.FIXED_LENGTH; length++) {
            byte[] truncated = Arrays.copyOf(valid, length);
            rejects(truncated, lead, consumed, 0, Ipv4Header::parse, ParseErrorKind.MALFORMED, "ipv4", "", 0);
        }
        for (int length = Ipv4Header.FIXED_LENGTH; length < 28; length++) {
            byte[] truncated = Arrays.copyOf(valid, length);
            rejects(truncated, lead, consumed, 0, Ipv4Header::parse, ParseErrorKind.MALFORMED, "ipv4", "ihl", 0);
        }
        for (int length = 28; length < 38; length++) {
            byte[] truncated = Arrays.copyOf(valid, length);
            rejects(truncated, lead, consumed, 0, Ipv4Header::parse, ParseErrorKind.MALFORMED, "ipv4", "totalLength", 2);
        }
    }

    // --- A constant across a byte boundary, a header length with an offset, a payload length in units ---

    @ParameterizedTest(name = "lead {0}, consumed {1}, trailing {2}")
    @CsvSource({"0, 0, 0", "0, 14, 0", "5, 3, 6"})
    void guardedRejections(int lead, int consumed, int trailing) throws ParseException {
        byte[] valid = Packets.guarded();
        assertThat(valid).hasSize(22);
        Guarded ok = (Guarded) accepts(valid, lead, consumed, trailing, Guarded::parse);
        assertThat(ok.headerLength()).isEqualTo(16);
        assertThat(ok.bodyLength()).isEqualTo(6);
        assertThat(ok.magic()).isEqualTo(0xABC);

        for (int bit = 0; bit < 12; bit++) {
            byte[] magic = valid.clone();
            int at = 2 + (4 + bit) / 8;
            magic[at] ^= (byte) (0x80 >>> ((4 + bit) % 8));
            Packets.fixGuardedChecksum(magic);
            rejects(magic, lead, consumed, trailing, Guarded::parse, ParseErrorKind.MALFORMED, "guarded", "magic", 2);
        }
        byte[] reservedSet = valid.clone();
        reservedSet[2] |= (byte) 0xF0; // reserved bits are accepted whatever they hold
        Packets.fixGuardedChecksum(reservedSet);
        assertThat(((Guarded) accepts(reservedSet, lead, consumed, trailing, Guarded::parse)).reserved()).isEqualTo(0xF);

        byte[] shortHeader = valid.clone();
        shortHeader[4] = 0; // 0 * 8 + 8 = 8 bytes, below the 12 fixed ones
        Packets.fixGuardedChecksum(shortHeader);
        rejects(shortHeader, lead, consumed, trailing, Guarded::parse, ParseErrorKind.MALFORMED, "guarded", "extraWords", 4);

        byte[] longHeader = valid.clone();
        longHeader[4] = (byte) 0xFF; // 2048 bytes
        Packets.fixGuardedChecksum(longHeader);
        rejects(longHeader, lead, consumed, trailing, Guarded::parse, ParseErrorKind.MALFORMED, "guarded", "extraWords", 4);

        byte[] longPayload = valid.clone();
        int words = (6 + trailing) / 2 + 1; // one unit more than the buffer holds
        longPayload[7] = (byte) words;
        Packets.fixGuardedChecksum(longPayload);
        rejects(longPayload, lead, consumed, trailing, Guarded::parse, ParseErrorKind.MALFORMED, "guarded", "payloadWords", 5);

        byte[] hugePayload = valid.clone();
        hugePayload[5] = (byte) 0xFF; // 2 * 0xFF0003 bytes: no int overflow, just too long
        Packets.fixGuardedChecksum(hugePayload);
        rejects(hugePayload, lead, consumed, trailing, Guarded::parse, ParseErrorKind.MALFORMED, "guarded", "payloadWords", 5);

        byte[] badChecksum = valid.clone();
        badChecksum[21] ^= 0x40; // a body byte: the checksum covers the body too
        rejects(badChecksum, lead, consumed, trailing, Guarded::parse, ParseErrorKind.CHECKSUM, "guarded", "checksum", 8);
        Guarded unverified = (Guarded) accepts(badChecksum, lead, consumed, trailing, Guarded::parseUnverified);
        assertThat(unverified.checksumValid()).isFalse();

        byte[] badOption = valid.clone();
        badOption[13] = 3; // the option's value length: 3 bytes where the region has 2 left
        Packets.fixGuardedChecksum(badOption);
        rejects(badOption, lead, consumed, trailing, Guarded::parse, ParseErrorKind.MALFORMED, "guarded", "options", 12);

        for (int length = 0; length < Guarded.FIXED_LENGTH; length++) {
            rejects(Arrays.copyOf(valid, length), lead, consumed, 0, Guarded::parse, ParseErrorKind.MALFORMED,
                    "guarded", "", 0);
        }
    }

    // --- Little-endian: a 32-bit magic, a total length, a 4-bit header length in the low nibble ---

    @ParameterizedTest(name = "lead {0}, consumed {1}, trailing {2}")
    @CsvSource({"0, 0, 0", "0, 14, 0", "5, 3, 6"})
    void littleEndianRejections(int lead, int consumed, int trailing) throws ParseException {
        byte[] valid = Packets.littleGuarded();
        assertThat(valid).hasSize(27);
        assertThat(Arrays.copyOf(valid, 8)).containsExactly(0xD4, 0xC3, 0xB2, 0xA1, 27, 0, 0x95, 0x77);
        LittleGuarded ok = (LittleGuarded) accepts(valid, lead, consumed, trailing, LittleGuarded::parse);
        assertThat(ok.headerLength()).isEqualTo(20);
        assertThat(ok.bodyLength()).isEqualTo(7);
        assertThat(ok.flags()).isEqualTo(9);

        byte[] swapped = valid.clone();
        System.arraycopy(new byte[] {(byte) 0xA1, (byte) 0xB2, (byte) 0xC3, (byte) 0xD4}, 0, swapped, 0, 4);
        rejects(swapped, lead, consumed, trailing, LittleGuarded::parse, ParseErrorKind.MALFORMED, "little-guarded",
                "magic", 0);

        byte[] shortHeader = valid.clone();
        shortHeader[6] = (byte) 0x92; // flags 9, 2 words: 8 bytes
        rejects(shortHeader, lead, consumed, trailing, LittleGuarded::parse, ParseErrorKind.MALFORMED, "little-guarded",
                "words", 6);

        byte[] longHeader = valid.clone();
        longHeader[6] = (byte) 0x9F; // 60 bytes
        if (27 + trailing < 60) {
            rejects(longHeader, lead, consumed, trailing, LittleGuarded::parse, ParseErrorKind.MALFORMED,
                    "little-guarded", "words", 6);
        }

        byte[] longTotal = valid.clone();
        longTotal[4] = (byte) (27 + trailing + 1);
        rejects(longTotal, lead, consumed, trailing, LittleGuarded::parse, ParseErrorKind.MALFORMED, "little-guarded",
                "length", 4);

        byte[] shortTotal = valid.clone();
        shortTotal[4] = 19;
        rejects(shortTotal, lead, consumed, trailing, LittleGuarded::parse, ParseErrorKind.MALFORMED, "little-guarded",
                "length", 4);

        byte[] bigEndianTotal = valid.clone();
        bigEndianTotal[4] = 0;
        bigEndianTotal[5] = 27; // 27 * 256 read little-endian
        rejects(bigEndianTotal, lead, consumed, trailing, LittleGuarded::parse, ParseErrorKind.MALFORMED,
                "little-guarded", "length", 4);

        byte[] badOption = valid.clone();
        badOption[12 + 6] = 9; // the length of window scale (at 12 + 5): 9 bytes where 3 are left
        rejects(badOption, lead, consumed, trailing, LittleGuarded::parse, ParseErrorKind.MALFORMED, "little-guarded",
                "options", 12 + 5);

        for (int length = 0; length < LittleGuarded.FIXED_LENGTH; length++) {
            rejects(Arrays.copyOf(valid, length), lead, consumed, 0, LittleGuarded::parse, ParseErrorKind.MALFORMED,
                    "little-guarded", "", 0);
        }
    }

    // --- Pseudo-header checksums: TCP over IPv4, UDP over both versions ---

    @ParameterizedTest(name = "lead {0}, consumed {1}, trailing {2}")
    @CsvSource({"0, 0, 0", "0, 34, 0", "5, 3, 6"})
    void pseudoHeaderRejections(int lead, int consumed, int trailing) throws ParseException {
        // TCP has no length field: the IP layer trims the buffer to the segment, so no trailing bytes here.
        byte[] tcp = Packets.tcp();
        assertThat(tcp).hasSize(37);
        TcpLike ok = (TcpLike) accepts(tcp, lead, consumed, 0, b -> TcpLike.parse(b, SOURCE, DESTINATION));
        assertThat(ok.headerLength()).isEqualTo(32);
        assertThat(ok.bodyLength()).isEqualTo(5); // no length field: the body is the rest of the buffer

        rejects(tcp, lead, consumed, 0, b -> TcpLike.parse(b, SOURCE, Ipv4Address.of(209, 87, 249, 19)),
                ParseErrorKind.CHECKSUM, "tcp", "checksum", 16);
        accepts(tcp, lead, consumed, 0, b -> TcpLike.parseUnverified(b, SOURCE, Ipv4Address.of(209, 87, 249, 19)));

        byte[] shortOffset = tcp.clone();
        shortOffset[12] = 0x40;
        Packets.fixTcpChecksum(shortOffset, SOURCE, DESTINATION);
        rejects(shortOffset, lead, consumed, 0, b -> TcpLike.parse(b, SOURCE, DESTINATION),
                ParseErrorKind.MALFORMED, "tcp", "dataOffset", 12);
        byte[] longOffset = tcp.clone();
        longOffset[12] = (byte) 0xF0;
        rejects(longOffset, lead, consumed, 0, b -> TcpLike.parse(b, SOURCE, DESTINATION),
                ParseErrorKind.MALFORMED, "tcp", "dataOffset", 12);
        for (int length = 0; length < TcpLike.FIXED_LENGTH; length++) {
            rejects(Arrays.copyOf(tcp, length), lead, consumed, 0, b -> TcpLike.parse(b, SOURCE, DESTINATION),
                    ParseErrorKind.MALFORMED, "tcp", "", 0);
        }

        byte[] udp4 = Packets.build(Packets.payload(9), new UdpHeaderV4Builder().sourcePort(5353).destinationPort(53)
                .addresses(SOURCE, DESTINATION));
        byte[] udp6 = Packets.build(Packets.payload(9), new UdpHeaderV6Builder().sourcePort(5353).destinationPort(53)
                .addresses(SOURCE6, DESTINATION6));
        Parse v4 = b -> UdpHeaderV4.parse(b, SOURCE, DESTINATION);
        Parse v6 = b -> UdpHeaderV6.parse(b, SOURCE6, DESTINATION6);
        for (Object[] version : new Object[][] {{udp4, v4}, {udp6, v6}}) {
            byte[] valid = (byte[]) version[0];
            Parse parse = (Parse) version[1];
            accepts(valid, lead, consumed, trailing, parse);
            byte[] longLength = valid.clone();
            longLength[5] = (byte) (17 + trailing + 1);
            rejects(longLength, lead, consumed, trailing, parse, ParseErrorKind.MALFORMED, "udp", "length", 4);
            byte[] shortLength = valid.clone();
            shortLength[5] = 7;
            rejects(shortLength, lead, consumed, trailing, parse, ParseErrorKind.MALFORMED, "udp", "length", 4);
            byte[] badChecksum = valid.clone();
            badChecksum[16] ^= 0x10;
            rejects(badChecksum, lead, consumed, trailing, parse, ParseErrorKind.CHECKSUM, "udp", "checksum", 6);
            for (int length = 0; length < 8; length++) {
                rejects(Arrays.copyOf(valid, length), lead, consumed, 0, parse, ParseErrorKind.MALFORMED, "udp", "", 0);
            }
        }
        rejects(udp4, lead, consumed, trailing, b -> UdpHeaderV4.parse(b, DESTINATION, SOURCE.equals(DESTINATION)
                ? SOURCE : Ipv4Address.of(10, 0, 0, 1)), ParseErrorKind.CHECKSUM, "udp", "checksum", 6);
    }

    // --- A failed re-wrap leaves a reused view as it was ---

    @ParameterizedTest(name = "second packet: {0}")
    @CsvSource({"bad checksum", "bad option", "short"})
    void failedWrapLeavesTheViewUnchanged(String fault) throws ParseException {
        byte[] first = Packets.ipv4();
        byte[] second = Packets.build(Packets.payload(3), new io.zerowire.processor.sample.Ipv4HeaderBuilder()
                .ttl(1).options(new io.zerowire.options.OptionsBuilder(Ipv4OptionFormat.FORMAT)
                        .addU32(0x44, 0x0102_0304L).addSingleByte(1).addSingleByte(1)));
        switch (fault) {
            case "bad checksum":
                second[11] ^= 1;
                break;
            case "bad option":
                second[21] = 0;
                Packets.fixIpv4Checksum(second, 28);
                break;
            default:
                second = Arrays.copyOf(second, 10);
                break;
        }
        Ipv4Header view = new Ipv4Header();
        view.wrap(PacketBuffer.wrap(first));
        String before = view.toString();
        PacketBuffer secondBuffer = PacketBuffer.wrap(second);
        try {
            view.wrap(secondBuffer);
            fail("accepted %s", ReferenceBits.hex(second));
        } catch (ParseException expected) {
            // the view must still be the first packet's, options included
        }
        assertThat(view.toString()).isEqualTo(before);
        assertThat(view.ttl()).isEqualTo(64);
        assertThat(view.headerLength()).isEqualTo(28);
        assertThat(view.bodyLength()).isEqualTo(10);
        var options = view.options();
        assertThat(options.next()).isTrue();
        assertThat(options.kind()).isEqualTo(1);
        assertThat(options.next()).isTrue();
        assertThat(options.kind()).isEqualTo(0x94);
        assertThat(options.offset()).isEqualTo(21);
        assertThat(options.next()).isFalse();
        assertThat(view.checksumValid()).isTrue();
    }
}
