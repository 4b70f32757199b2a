package io.zerowire.benchmarks.parse;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.EthernetFrames;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.tcp.TcpLayout;
import io.zerowire.protocols.tcp.TcpParser;

/**
 * Zerowire as a user would write it: one reused buffer and one reused view per layer
 * ({@link EthernetFrames}, {@link Ipv4Packet}, {@link TcpParser}), re-wrapped for every frame.
 */
public final class ZerowireTcpParser implements FrameParser<TcpFields> {
    private final byte[][] frames;
    private final PacketBuffer buffer = PacketBuffer.wrap(new byte[0]);
    private final Ethernet ethernet = new Ethernet();
    private final Ipv4Packet ip = new Ipv4Packet();
    private final TcpParser tcp = new TcpParser();

    public ZerowireTcpParser(byte[][] frames) {
        this.frames = frames;
    }

    @Override
    public String name() {
        return "zerowire";
    }

    @Override
    public boolean parse(int index, boolean verify, TcpFields out) {
        try {
            return parse(frames[index], verify, out);
        } catch (ParseException e) {
            return false;
        }
    }

    /** Parses {@code frame}; false if it is not IPv4 over Ethernet, a ParseException if it is malformed. */
    public boolean parse(byte[] frame, boolean verify, TcpFields out) throws ParseException {
        PacketBuffer b = buffer.rewrap(frame, 0, frame.length);
        Ethernet eth = EthernetFrames.wrap(ethernet, b, EthernetFrames.MinimumLength.IGNORE);
        if (eth.etherTypeValue() != EtherType.IPV4.value()) {
            return false;
        }
        Ipv4 header = (verify ? ip.wrap(b) : ip.wrapUnverified(b)).header();
        TcpLayout<?> segment = verify ? tcp.wrap(b, ip) : tcp.wrapUnverified(b, ip);
        out.destinationMac = eth.destinationBits();
        out.sourceMac = eth.sourceBits();
        out.sourceIp = header.sourceBits();
        out.destinationIp = header.destinationBits();
        out.sourcePort = segment.sourcePort();
        out.destinationPort = segment.destinationPort();
        out.sequence = segment.sequenceNumber();
        out.acknowledgment = segment.acknowledgmentNumber();
        out.flags = (segment.cwr() ? 0x80 : 0) | (segment.ece() ? 0x40 : 0) | (segment.urg() ? 0x20 : 0)
                | (segment.ack() ? 0x10 : 0) | (segment.psh() ? 0x08 : 0) | (segment.rst() ? 0x04 : 0)
                | (segment.syn() ? 0x02 : 0) | (segment.fin() ? 0x01 : 0);
        out.window = segment.window();
        return true;
    }
}
