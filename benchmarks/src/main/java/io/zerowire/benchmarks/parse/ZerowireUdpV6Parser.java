package io.zerowire.benchmarks.parse;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ipv6.FragmentHeader;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.udp.UdpLayout;
import io.zerowire.protocols.udp.UdpParser;

/** Zerowire over Ethernet / IPv6 / extension headers / UDP: reused buffer and views ({@link Ipv6Packet}, {@link UdpParser}). */
public final class ZerowireUdpV6Parser implements FrameParser<UdpFields> {
    private final byte[][] frames;
    private final PacketBuffer buffer = PacketBuffer.wrap(new byte[0]);
    private final Ethernet ethernet = new Ethernet();
    private final Ipv6Packet ip = new Ipv6Packet();
    private final UdpParser udp = new UdpParser();

    public ZerowireUdpV6Parser(byte[][] frames) {
        this.frames = frames;
    }

    @Override
    public String name() {
        return "zerowire";
    }

    @Override
    public boolean parse(int index, boolean verify, UdpFields out) {
        try {
            return parse(frames[index], verify, out);
        } catch (ParseException e) {
            return false;
        }
    }

    public boolean parse(byte[] frame, boolean verify, UdpFields out) throws ParseException {
        PacketBuffer b = buffer.rewrap(frame, 0, frame.length);
        Ethernet eth = EthernetFrames.wrap(ethernet, b, EthernetFrames.MinimumLength.IGNORE);
        if (eth.etherTypeValue() != EtherType.IPV6.value()) {
            return false;
        }
        Ipv6Packet packet = ip.wrap(b);
        UdpLayout<?> datagram = verify ? udp.wrap(b, packet) : udp.wrapUnverified(b, packet);
        FragmentHeader fragment = packet.fragmentHeader();
        byte[] a = packet.array();
        int source = packet.sourceOffset();
        int destination = packet.destinationOffset();
        out.destinationMac = eth.destinationBits();
        out.sourceMac = eth.sourceBits();
        out.sourceHigh = Bytes.i64(a, source);
        out.sourceLow = Bytes.i64(a, source + 8);
        out.destinationHigh = Bytes.i64(a, destination);
        out.destinationLow = Bytes.i64(a, destination + 8);
        out.hopLimit = packet.hopLimit();
        out.fragmentId = fragment == null ? -1 : fragment.identification();
        out.sourcePort = datagram.sourcePort();
        out.destinationPort = datagram.destinationPort();
        out.length = datagram.length();
        return true;
    }
}
