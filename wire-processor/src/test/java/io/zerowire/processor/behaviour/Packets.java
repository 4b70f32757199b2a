package io.zerowire.processor.behaviour;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.processor.sample.Ipv4HeaderBuilder;
import io.zerowire.processor.sample.Protocol;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.util.Arrays;

/** Valid packets of the layouts under test, and the small byte tools the tests share. */
final class Packets {
    static final Ipv4Address SOURCE = Ipv4Address.of(192, 168, 1, 11);
    static final Ipv4Address DESTINATION = Ipv4Address.of(209, 87, 249, 18);

    private Packets() {}

    /** {@code length} bytes 0, 1, 2, ... */
    static byte[] payload(int length) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (i * 7 + 3);
        }
        return payload;
    }

    /** The bytes of {@code payload} wrapped in {@code builder}. */
    static byte[] build(byte[] payload, PacketBuilder builder) {
        try {
            return Serializer.of(payload).encapsulate(builder).serialize().toByteArray();
        } catch (SizeLimitExceededException e) {
            throw new AssertionError(e);
        }
    }

    /** An IPv4 header with a NOP and a Router Alert option (28 bytes) over a 10-byte payload. */
    static byte[] ipv4() {
        return build(payload(10), new Ipv4HeaderBuilder()
                .dscp(46).ecn(1).identification(0x59CD).dontFragment(true).ttl(64).protocol(Protocol.UDP)
                .source(SOURCE).destination(DESTINATION)
                .options(new OptionsBuilder(Ipv4OptionFormat.FORMAT).addSingleByte(1).add(0x94, new byte[] {0, 0})));
    }

    /** A Guarded header: 12 fixed bytes, 4 bytes of options (16), over a 6-byte payload. */
    static byte[] guarded() {
        return build(payload(6), new GuardedBuilder().kind(0x1234).tail(0xBEEF)
                .options(new OptionsBuilder(Ipv6OptionFormat.FORMAT).add(0x3E, new byte[0])));
    }

    /** A LittleGuarded header: 12 fixed bytes, 8 bytes of options (20), over a 7-byte payload. */
    static byte[] littleGuarded() {
        return build(payload(7), new LittleGuardedBuilder().flags(9).spare(0x77).sequence(0xABCD).id(0x0102)
                .options(new OptionsBuilder(TcpOptionFormat.FORMAT).addU16(2, 1460).addSingleByte(1).addU8(3, 7)));
    }

    /** A TCP SYN over IPv4 from SOURCE to DESTINATION with MSS, NOP, window scale (32 bytes), over a 5-byte payload. */
    static byte[] tcp() {
        return build(payload(5), new TcpLikeBuilder().sourcePort(43966).destinationPort(80)
                .sequenceNumber(0xF00D_CAFEL).acknowledgmentNumber(0).flags(0x02).window(64240)
                .addresses(SOURCE, DESTINATION)
                .options(new OptionsBuilder(TcpOptionFormat.FORMAT).addU16(2, 1460).addSingleByte(1).addU8(3, 7)
                        .add(4, new byte[0])));
    }

    /** Rewrites the IPv4 header checksum over {@code headerLength} bytes, with the reference. */
    static void fixIpv4Checksum(byte[] packet, int headerLength) {
        packet[10] = 0;
        packet[11] = 0;
        int checksum = ReferenceChecksum.checksum(Arrays.copyOf(packet, headerLength));
        packet[10] = (byte) (checksum >>> 8);
        packet[11] = (byte) checksum;
    }

    /** Rewrites Guarded's header-and-body checksum, with the reference. */
    static void fixGuardedChecksum(byte[] packet) {
        packet[8] = 0;
        packet[9] = 0;
        int checksum = ReferenceChecksum.checksum(packet);
        packet[8] = (byte) (checksum >>> 8);
        packet[9] = (byte) checksum;
    }

    /** Rewrites the TCP checksum over the IPv4 pseudo-header, with the reference. */
    static void fixTcpChecksum(byte[] segment, Ipv4Address source, Ipv4Address destination) {
        segment[16] = 0;
        segment[17] = 0;
        int checksum = ReferenceChecksum.checksum(
                ReferenceChecksum.ipv4PseudoHeader(source, destination, 6, segment.length), segment);
        segment[16] = (byte) (checksum >>> 8);
        segment[17] = (byte) checksum;
    }

    /**
     * A buffer whose body is {@code packet}, after {@code consumed} bytes already parsed (in the
     * prefix, so error offsets count them) inside a region that starts {@code lead} bytes into the
     * array (which offsets do not count), with {@code trailing} bytes of link-layer padding.
     */
    static PacketBuffer placed(byte[] packet, int lead, int consumed, int trailing) {
        byte[] array = new byte[lead + consumed + packet.length + trailing + 3];
        Arrays.fill(array, (byte) 0x5A);
        System.arraycopy(packet, 0, array, lead + consumed, packet.length);
        PacketBuffer buffer = PacketBuffer.wrap(array, lead, consumed + packet.length + trailing);
        buffer.shrinkFront(consumed);
        return buffer;
    }
}
