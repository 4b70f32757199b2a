package io.zerowire.protocols.tcp;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.buffer.ParseMetadata;
import io.zerowire.ip.Ip;
import io.zerowire.ip.IpAddress;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.BufferView;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpPacket;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ip.PseudoHeaderAddresses;
import io.zerowire.protocols.ipv4.Ipv4Packet;

/**
 * Parses the TCP segment in the payload of an IP packet of either version, with one code path: a
 * reusable parser holding one {@link TcpV4} and one {@link TcpV6} view, choosing between them by
 * {@link IpPacket#version()}. Steady-state parsing allocates nothing.
 *
 * <p>Before the header is read, the IP packet must carry TCP ({@link IpPacket#transportProtocol()})
 * and must not be a fragment ({@link IpPacket#isFragment()}): both are refused with a
 * {@link io.zerowire.parse.ParseErrorKind#NOT_EXPECTED NOT_EXPECTED} error, field {@code ""}. Then
 * the view checks the data offset (below 5, or past the body, is {@code MALFORMED} on field
 * {@code dataOffset}), the option list's lengths ({@code MALFORMED} on field {@code options}:
 * a truncated option, a length below 2 or running past the header) and the checksum over the
 * pseudo-header, whose destination is {@link IpPacket#pseudoHeaderDestination()}
 * ({@code CHECKSUM}). A known option of a length its RFC does not allow is kept, and
 * {@link TcpOptions}' readers report it absent; {@link TcpOptions#hasBadLength} finds it.
 *
 * <pre>{@code
 * TcpParser tcp = new TcpParser();                       // keep it across packets
 * TcpLayout<?> segment = tcp.wrap(buffer, ip);           // buffer body = the segment's data
 * if (segment.syn() && !segment.ack()) {
 *     OptionsIterator options = segment.options();
 *     int mss = options.find(TcpOptions.MSS) ? TcpOptions.mss(options) : 536;
 * }
 * }</pre>
 */
public final class TcpParser {
    private final TcpV4 v4 = new TcpV4();
    private final TcpV6 v6 = new TcpV6();
    private final PseudoHeaderAddresses addresses = new PseudoHeaderAddresses();
    /** The view of the last successful wrap; null before it. */
    private Tcp<?> current;

    /** A parser with no segment yet. */
    public TcpParser() {}

    /**
     * Parses the TCP header at the front of {@code body}, the payload of {@code ip}, verifying the
     * checksum, and consumes it: {@code body}'s body is then the segment's data.
     *
     * @param body the IP packet's payload (what remains after parsing the IP headers)
     * @param ip the IP packet it came in, for the protocol, the fragment flag and the pseudo-header
     * @return the view, typed by the IP version: a {@link TcpV4} or a {@link TcpV6}
     * @throws ParseException {@code NOT_EXPECTED} for a fragment or another protocol,
     *     {@code MALFORMED} for a bad data offset or option list, {@code CHECKSUM} for a checksum that
     *     does not verify; the buffer is then unchanged
     */
    public <I extends Ip> Tcp<? extends IpAddress<I>> wrap(BufferView body, IpPacket<I> ip) throws ParseException {
        return typed(wrap(body, ip, true));
    }

    /** Like {@link #wrap} without verifying the checksum (see {@link #checksumValid()}). */
    public <I extends Ip> Tcp<? extends IpAddress<I>> wrapUnverified(BufferView body, IpPacket<I> ip)
            throws ParseException {
        return typed(wrap(body, ip, false));
    }

    private Tcp<?> wrap(BufferView body, IpPacket<?> ip, boolean verify) throws ParseException {
        if (ip.isFragment()) {
            throw ParseException.notExpected(TcpV4.LAYER, "", body.position(),
                    "the IP packet is a fragment: it holds no whole TCP segment");
        }
        if (ip.transportProtocolValue() != IpProtocol.TCP.value()) {
            throw ParseException.notExpected(TcpV4.LAYER, "", body.position(),
                    "the IP packet carries protocol %d, not TCP", ip.transportProtocol().value());
        }
        // The one per-version step: the view whose pseudo-header matches the addresses' version,
        // given the addresses as raw bits so that nothing is allocated. IPv4 from this module hands
        // its bits over directly, which spares the generic hand-over on the most common path.
        if (ip instanceof Ipv4Packet packet) {
            int source = packet.header().sourceBits();
            int destination = packet.pseudoHeaderDestinationBits();
            current = verify ? v4.wrap(body, source, destination) : v4.wrapUnverified(body, source, destination);
            return current;
        }
        PseudoHeaderAddresses a = addresses.read(ip);
        if (a.isIpv4()) {
            current = verify ? v4.wrap(body, a.ipv4Source(), a.ipv4Destination())
                    : v4.wrapUnverified(body, a.ipv4Source(), a.ipv4Destination());
        } else {
            current = verify
                    ? v6.wrap(body, a.sourceHigh(), a.sourceLow(), a.destinationHigh(), a.destinationLow())
                    : v6.wrapUnverified(body, a.sourceHigh(), a.sourceLow(), a.destinationHigh(), a.destinationLow());
        }
        return current;
    }

    // TcpV4 is a Tcp<Ipv4Address>, and Ipv4Address an IpAddress<Ipv4>: the view chosen for
    // ip.version() == I is a Tcp<? extends IpAddress<I>>, which the compiler cannot see.
    @SuppressWarnings("unchecked")
    private static <I extends Ip> Tcp<? extends IpAddress<I>> typed(Tcp<?> view) {
        return (Tcp<? extends IpAddress<I>>) view;
    }

    /**
     * The view of the last successful {@code wrap}.
     *
     * @throws IllegalStateException before any
     */
    public Tcp<?> layout() {
        if (current == null) {
            throw new IllegalStateException("no segment parsed yet");
        }
        return current;
    }

    /** The last segment's options (validated by {@code wrap}): its view's reusable iterator, rewound. */
    public OptionsIterator options() {
        return layout().options();
    }

    /** Whether the last segment's checksum verifies over the bytes as they are now. */
    public boolean checksumValid() {
        return layout().checksumValid();
    }

    /** Bytes of the last segment's header, options included: {@code dataOffset * 4}. */
    public int headerLength() {
        return layout().dataOffset() * 4;
    }

    /** Array index of the last segment's data. */
    public int bodyOffset() {
        return layout().bodyOffset();
    }

    /** Bytes of the last segment's data. */
    public int bodyLength() {
        return layout().bodyLength();
    }

    /** What the last {@code wrap} consumed, for {@link PacketBuffer#undoParse(ParseMetadata)}. */
    public ParseMetadata parseMetadata() {
        return new ParseMetadata(headerLength(), bodyLength(), 0);
    }

    /** Gives back to {@code buffer} what the last {@code wrap} consumed, without allocating. */
    public void undoParse(PacketBuffer buffer) {
        buffer.undoParse(headerLength(), bodyLength(), 0);
    }

    @Override
    public String toString() {
        return current == null ? "tcp[none]" : current.toString();
    }
}
