package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import java.util.HexFormat;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Optional fields, on GRE (RFC 2784 and 2890): every combination of the C, K and S flags parses
 * and builds byte for byte like scapy's GRE, and a header cut short anywhere is a typed error. The
 * checksum is an optional {@code @Checksum} over header and body: verified by {@code wrap} when C is
 * set, computed by the builder's {@code withChecksum()}.
 */
class GreTest {
    private static final long KEY = 0x0102_0304L;
    private static final long SEQUENCE = 0x0A0B_0C0DL;
    private static final byte[] PAYLOAD = HexFormat.of().parseHex("deadbeef01");

    /**
     * Indexed by C << 2 | K << 1 | S, made with scapy 2.5 (scapy computes the checksum over header and payload):
     * <pre>
     * /usr/bin/python3 -c 'from scapy.all import *
     * for c in (0,1):
     *  for k in (0,1):
     *   for s in (0,1):
     *    print(bytes(GRE(chksum_present=c, key_present=k, seqnum_present=s, proto=0x0800,
     *        **({"key": 0x01020304} if k else {}), **({"sequence_number": 0xA0B0C0D} if s else {}))
     *        / Raw(b"\xde\xad\xbe\xef\x01")).hex())'
     * </pre>
     */
    private static final String[] SCAPY = {
        "00000800deadbeef01",
        "100008000a0b0c0ddeadbeef01",
        "2000080001020304deadbeef01",
        "30000800010203040a0b0c0ddeadbeef01",
        "80000800d9610000deadbeef01",
        "90000800b34900000a0b0c0ddeadbeef01",
        "a0000800b55b000001020304deadbeef01",
        "b00008008f430000010203040a0b0c0ddeadbeef01",
    };

    private static byte[] scapy(int flags) {
        return HexFormat.of().parseHex(SCAPY[flags]);
    }

    private static boolean c(int flags) {
        return (flags & 4) != 0;
    }

    private static boolean k(int flags) {
        return (flags & 2) != 0;
    }

    private static boolean s(int flags) {
        return (flags & 1) != 0;
    }

    @Property(tries = 8, generation = net.jqwik.api.GenerationMode.EXHAUSTIVE)
    void everyCombinationParsesLikeScapy(@ForAll @IntRange(max = 7) int flags) throws ParseException {
        byte[] bytes = scapy(flags);
        Gre view = Gre.parse(PacketBuffer.wrap(bytes));
        int expectedHeader = 4 + (c(flags) ? 4 : 0) + (k(flags) ? 4 : 0) + (s(flags) ? 4 : 0);
        assertThat(view.headerLength()).isEqualTo(expectedHeader);
        assertThat(view.bodyOffset()).isEqualTo(expectedHeader);
        assertThat(view.bodyLength()).isEqualTo(PAYLOAD.length);
        assertThat(view.protocolType()).isEqualTo(0x0800);
        assertThat(view.hasChecksum()).isEqualTo(c(flags));
        assertThat(view.hasReserved1()).isEqualTo(c(flags));
        assertThat(view.hasKey()).isEqualTo(k(flags));
        assertThat(view.hasSequenceNumber()).isEqualTo(s(flags));
        if (c(flags)) {
            assertThat(view.checksum()).isEqualTo(((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF));
            assertThat(view.reserved1()).isZero();
            // scapy's checksum covers header and payload (RFC 2784).
            assertThat(InternetChecksum.verify(bytes, 0, bytes.length)).isTrue();
        } else {
            assertThatThrownBy(view::checksum).isInstanceOf(IllegalStateException.class)
                    .hasMessage("this gre header has no checksum: checksumPresent is clear (see hasChecksum())");
        }
        if (k(flags)) {
            assertThat(view.key()).isEqualTo(KEY);
        } else {
            assertThatThrownBy(view::key).isInstanceOf(IllegalStateException.class);
        }
        if (s(flags)) {
            assertThat(view.sequenceNumber()).isEqualTo(SEQUENCE);
        } else {
            assertThatThrownBy(view::sequenceNumber).isInstanceOf(IllegalStateException.class);
        }
    }

    @Property(tries = 8, generation = net.jqwik.api.GenerationMode.EXHAUSTIVE)
    void everyCombinationBuildsScapysBytes(@ForAll @IntRange(max = 7) int flags) throws ParseException {
        byte[] expected = scapy(flags);
        GreBuilder builder = new GreBuilder().protocolType(0x0800);
        if (c(flags)) {
            builder.withChecksum(); // computed, as scapy does
        }
        if (k(flags)) {
            builder.key(KEY);
        }
        if (s(flags)) {
            builder.sequenceNumber(SEQUENCE);
        }
        assertThat(HexFormat.of().formatHex(Packets.build(PAYLOAD, builder))).isEqualTo(SCAPY[flags]);

        // copyFrom takes presence and values: every combination, from a builder that had all fields.
        GreBuilder copy = new GreBuilder().checksum(1).key(2).sequenceNumber(3)
                .copyFrom(Gre.parse(PacketBuffer.wrap(expected)));
        assertThat(HexFormat.of().formatHex(Packets.build(PAYLOAD, copy))).isEqualTo(SCAPY[flags]);
    }

    @Example
    void givingOneFieldOfAFlagWritesAllItsFields() throws ParseException {
        // The C flag promises checksum and reserved1: reserved1 goes out as zero.
        byte[] bytes = Packets.build(PAYLOAD, new GreBuilder().protocolType(0x0800).checksum(0xD961));
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(SCAPY[4]);
        // And the checksum it promises is computed: ~(0x8000 + 0x1234) = 0x6DCB.
        byte[] reservedOnly = Packets.build(new byte[0], new GreBuilder().reserved1(0x1234));
        assertThat(HexFormat.of().formatHex(reservedOnly)).isEqualTo("800000006dcb1234");
        byte[] cleared = Packets.build(new byte[0], new GreBuilder().key(7).clearKey());
        assertThat(HexFormat.of().formatHex(cleared)).isEqualTo("00000000");
    }

    @Example
    void anExplicitFlagOverridesTheDerivedOne() {
        // On purpose inconsistent: the key is written, the flag says there is none.
        byte[] keyWithoutFlag = Packets.build(new byte[0], new GreBuilder().key(0x1234).keyPresent(false));
        assertThat(HexFormat.of().formatHex(keyWithoutFlag)).isEqualTo("0000000000001234");
        // And the other way round: a flag without its key.
        byte[] flagWithoutKey = Packets.build(new byte[0], new GreBuilder().keyPresent(true));
        assertThat(HexFormat.of().formatHex(flagWithoutKey)).isEqualTo("20000000");
        assertThatThrownBy(() -> Gre.parse(PacketBuffer.wrap(flagWithoutKey)))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.field()).isEqualTo("key"));
    }

    @Example
    void setsPresentFieldsInPlaceAndRefusesAbsentOnes() throws ParseException {
        byte[] bytes = scapy(2);
        Gre view = Gre.parse(PacketBuffer.wrap(bytes));
        view.setKey(0xFFFF_FFFEL);
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("20000800fffffffedeadbeef01");
        assertThat(view.key()).isEqualTo(0xFFFF_FFFEL);
        assertThatThrownBy(() -> view.setSequenceNumber(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this gre header has no sequenceNumber: sequencePresent is clear (see hasSequenceNumber())");
        assertThatThrownBy(() -> view.setKey(1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("20000800fffffffedeadbeef01");
        assertThat(view.toString()).isEqualTo("gre[checksumPresent=false, routingPresent=false, keyPresent=true,"
                + " sequencePresent=false, reserved0=0, version=0, protocolType=2048, checksum=absent, reserved1=absent,"
                + " key=4294967294, sequenceNumber=absent]");
    }

    /** Every proper prefix of a C+K+S header is rejected naming the field it cuts, and leaves the buffer as it was. */
    @Property(tries = 16, generation = net.jqwik.api.GenerationMode.EXHAUSTIVE)
    void truncationAtEveryLengthIsATypedError(@ForAll @IntRange(max = 15) int length) {
        byte[] full = scapy(7);
        byte[] bytes = java.util.Arrays.copyOf(full, length);
        PacketBuffer buffer = Packets.placed(bytes, 3, 2, 0);
        int position = buffer.position();
        int start = buffer.bodyStart();
        int remaining = buffer.bodyLength();
        byte[] before = buffer.array().clone();
        String[] expectedField = {"", "", "", "", "checksum", "checksum", "reserved1", "reserved1",
            "key", "key", "key", "key", "sequenceNumber", "sequenceNumber", "sequenceNumber", "sequenceNumber"};
        int[] expectedOffset = {0, 0, 0, 0, 4, 4, 6, 6, 8, 8, 8, 8, 12, 12, 12, 12};
        assertThatThrownBy(() -> new Gre().wrap(buffer)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
            assertThat(e.field()).isEqualTo(expectedField[length]);
            assertThat(e.offset()).isEqualTo(position + expectedOffset[length]);
        });
        assertThat(buffer.position()).isEqualTo(position);
        assertThat(buffer.bodyStart()).isEqualTo(start);
        assertThat(buffer.bodyLength()).isEqualTo(remaining);
        assertThat(buffer.array()).isEqualTo(before);
    }

    @Property(tries = 300)
    void builtFieldsReadBack(@ForAll boolean checksum, @ForAll boolean key, @ForAll boolean sequence,
            @ForAll @IntRange(max = 0xFFFF) int checksumValue, @ForAll @IntRange(max = 0xFFFF) int reserved1,
            @ForAll @LongRange(max = 0xFFFF_FFFFL) long keyValue, @ForAll @LongRange(max = 0xFFFF_FFFFL) long sequenceValue,
            @ForAll @IntRange(max = 0xFFFF) int protocol, @ForAll @IntRange(max = 20) int payload) throws ParseException {
        GreBuilder builder = new GreBuilder().protocolType(protocol);
        if (checksum) {
            builder.checksum(checksumValue).reserved1(reserved1);
        }
        if (key) {
            builder.key(keyValue);
        }
        if (sequence) {
            builder.sequenceNumber(sequenceValue);
        }
        byte[] bytes = Packets.build(Packets.payload(payload), builder);
        // The checksum is given, not computed: it reads back as given, so it is not verified.
        Gre view = Gre.parseUnverified(PacketBuffer.wrap(bytes));
        assertThat(view.checksumPresent()).isEqualTo(checksum);
        assertThat(view.keyPresent()).isEqualTo(key);
        assertThat(view.sequencePresent()).isEqualTo(sequence);
        assertThat(view.headerLength()).isEqualTo(4 + (checksum ? 4 : 0) + (key ? 4 : 0) + (sequence ? 4 : 0));
        assertThat(view.bodyLength()).isEqualTo(payload);
        assertThat(view.protocolType()).isEqualTo(protocol);
        if (checksum) {
            assertThat(view.checksum()).isEqualTo(checksumValue);
            assertThat(view.reserved1()).isEqualTo(reserved1);
        }
        if (key) {
            assertThat(view.key()).isEqualTo(keyValue);
        }
        if (sequence) {
            assertThat(view.sequenceNumber()).isEqualTo(sequenceValue);
        }
        assertThat(java.util.Arrays.copyOfRange(bytes, view.bodyOffset(), bytes.length)).isEqualTo(Packets.payload(payload));
    }

    /**
     * GRE with C over IPv4/UDP, made with scapy 2.5, which computes the checksum (0x645c) over header and payload:
     * <pre>
     * /usr/bin/python3 -c 'from scapy.all import *
     * for k, s in ((0, 0), (1, 0), (1, 1)):
     *  print(bytes(GRE(chksum_present=1, key_present=k, seqnum_present=s, proto=0x0800,
     *      **({"key": 0x01020304} if k else {}), **({"sequence_number": 0xA0B0C0D} if s else {}))
     *      / IP(src="192.0.2.1", dst="198.51.100.2") / UDP(sport=1234, dport=5678) / Raw(b"zerowire gre")).hex())'
     * </pre>
     * Indexed C, C+K, C+K+S; {@link #INNER} is the IPv4/UDP packet they carry.
     */
    private static final String[] SCAPY_OVER_UDP = {
        "80000800645c0000%s",
        "a00008004056000001020304%s",
        "b00008001a3e0000010203040a0b0c0d%s",
    };
    private static final String INNER = "450000280001000040118e8dc0000201c633640204d2162e00148f1e7a65726f7769726520677265";

    private static byte[] overUdp(int index) {
        return HexFormat.of().parseHex(String.format(SCAPY_OVER_UDP[index], INNER));
    }

    @Example
    void scapysChecksumIsVerifiedAtParse() throws ParseException {
        byte[] bytes = overUdp(0);
        Gre view = Gre.parse(PacketBuffer.wrap(bytes));
        assertThat(view.hasChecksum()).isTrue();
        assertThat(view.checksum()).isEqualTo(0x645C);
        assertThat(view.checksumValid()).isTrue();
        assertThat(HexFormat.of().formatHex(bytes, view.bodyOffset(), bytes.length)).isEqualTo(INNER);
    }

    @Property(tries = 40)
    void aCorruptedPayloadByteFailsNamingTheChecksum(@ForAll @IntRange(min = 8, max = 47) int corrupted,
            @ForAll @IntRange(min = 1, max = 255) int flip) throws ParseException {
        byte[] bytes = overUdp(0);
        bytes[corrupted] ^= (byte) flip;
        PacketBuffer buffer = Packets.placed(bytes, 3, 2, 0);
        int position = buffer.position();
        int start = buffer.bodyStart();
        byte[] before = buffer.array().clone();
        assertThatThrownBy(() -> new Gre().wrap(buffer)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.kind()).isEqualTo(ParseErrorKind.CHECKSUM);
            assertThat(e.field()).isEqualTo("checksum");
            assertThat(e.offset()).isEqualTo(position + 4);
        });
        assertThat(buffer.position()).isEqualTo(position);
        assertThat(buffer.bodyStart()).isEqualTo(start);
        assertThat(buffer.array()).isEqualTo(before);
        // Unverified, it parses; checksumValid() then tells.
        Gre view = new Gre().wrapUnverified(buffer);
        assertThat(view.checksumValid()).isFalse();
    }

    @Example
    void withoutTheCFlagNothingIsVerifiedAndChecksumValidIsTrue() throws ParseException {
        byte[] bytes = scapy(2);
        bytes[bytes.length - 1] ^= 1;
        Gre view = Gre.parse(PacketBuffer.wrap(bytes));
        assertThat(view.hasChecksum()).isFalse();
        assertThat(view.checksumValid()).isTrue();
        view.setKey(0x0506_0708L); // no checksum to update: nothing else changes
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("2000080005060708deadbeef00");
    }

    @Property(tries = 3, generation = net.jqwik.api.GenerationMode.EXHAUSTIVE)
    void withChecksumBuildsScapysBytes(@ForAll @IntRange(max = 2) int index) {
        GreBuilder builder = new GreBuilder().protocolType(0x0800).withChecksum();
        if (index >= 1) {
            builder.key(KEY);
        }
        if (index == 2) {
            builder.sequenceNumber(SEQUENCE);
        }
        byte[] built = Packets.build(HexFormat.of().parseHex(INNER), builder);
        assertThat(built).isEqualTo(overUdp(index));
    }

    @Example
    void anExplicitChecksumIsWrittenAsGivenAndFailsVerification() throws ParseException {
        byte[] bytes = Packets.build(HexFormat.of().parseHex(INNER), new GreBuilder().protocolType(0x0800).checksum(0x1234));
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("8000080012340000" + INNER);
        assertThatThrownBy(() -> Gre.parse(PacketBuffer.wrap(bytes)))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.field()).isEqualTo("checksum"));
        assertThat(Gre.parseUnverified(PacketBuffer.wrap(bytes)).checksum()).isEqualTo(0x1234);
        // withChecksum() after an explicit value computes it again.
        byte[] computed = Packets.build(HexFormat.of().parseHex(INNER),
                new GreBuilder().protocolType(0x0800).checksum(0x1234).withChecksum());
        assertThat(computed).isEqualTo(overUdp(0));
    }

    /** Built with a computed checksum, the packet verifies at wrap, and keeps verifying through every in-place setter. */
    @Property(tries = 300)
    void aComputedChecksumVerifiesAndSettersKeepItRight(@ForAll boolean key, @ForAll boolean sequence,
            @ForAll @IntRange(max = 0xFFFF) int reserved1, @ForAll @LongRange(max = 0xFFFF_FFFFL) long keyValue,
            @ForAll @LongRange(max = 0xFFFF_FFFFL) long sequenceValue, @ForAll @IntRange(max = 0xFFFF) int protocol,
            @ForAll @IntRange(max = 41) int payload, @ForAll @IntRange(max = 0xFFFF) int newProtocol,
            @ForAll @IntRange(max = 0xFFFF) int newReserved1, @ForAll @LongRange(max = 0xFFFF_FFFFL) long newKey,
            @ForAll @LongRange(max = 0xFFFF_FFFFL) long newSequence) throws ParseException {
        GreBuilder builder = new GreBuilder().protocolType(protocol).withChecksum().reserved1(reserved1);
        if (key) {
            builder.key(keyValue);
        }
        if (sequence) {
            builder.sequenceNumber(sequenceValue);
        }
        byte[] bytes = Packets.build(Packets.payload(payload), builder);
        assertThat(InternetChecksum.verify(bytes, 0, bytes.length)).isTrue();
        Gre view = new Gre().wrap(PacketBuffer.wrap(bytes));
        assertThat(view.checksumValid()).isTrue();
        assertThat(view.reserved1()).isEqualTo(reserved1);

        view.setProtocolType(newProtocol).setReserved1(newReserved1);
        GreBuilder expected = new GreBuilder().protocolType(newProtocol).withChecksum().reserved1(newReserved1);
        if (key) {
            view.setKey(newKey);
            expected.key(newKey);
        }
        if (sequence) {
            view.setSequenceNumber(newSequence);
            expected.sequenceNumber(newSequence);
        }
        assertThat(view.checksumValid()).isTrue();
        // Every other byte as the builder writes it from scratch; the checksum word may differ only as -0 from +0.
        byte[] rebuilt = Packets.build(Packets.payload(payload), expected);
        assertThat(java.util.Arrays.copyOfRange(bytes, 6, bytes.length))
                .isEqualTo(java.util.Arrays.copyOfRange(rebuilt, 6, rebuilt.length));
        assertThat(java.util.Arrays.copyOf(bytes, 4)).isEqualTo(java.util.Arrays.copyOf(rebuilt, 4));
        assertThat(Gre.parse(PacketBuffer.wrap(bytes)).checksumValid()).isTrue();
    }
}
