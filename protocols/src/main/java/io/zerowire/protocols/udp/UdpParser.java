package io.zerowire.protocols.udp;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.buffer.ParseMetadata;
import io.zerowire.ip.Ip;
import io.zerowire.ip.IpAddress;
import io.zerowire.parse.BufferView;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpPacket;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ip.PseudoHeaderAddresses;
import io.zerowire.protocols.ipv4.Ipv4Packet;

/**
 * Parses the UDP datagram in the payload of an IP packet of either version, with one code path:
 * a reusable parser holding one {@link UdpV4} and one {@link UdpV6} view, choosing between them by
 * {@link IpPacket#version()}. Steady-state parsing allocates nothing.
 *
 * <p>Before the header is read, the IP packet must carry UDP ({@link IpPacket#transportProtocol()})
 * and must not be a fragment ({@link IpPacket#isFragment()}): a fragment holds no whole datagram,
 * so its checksum cannot be verified. Both are refused with a
 * {@link io.zerowire.parse.ParseErrorKind#NOT_EXPECTED NOT_EXPECTED} error, field {@code ""}. Then
 * the view checks the header and {@code length} (which must cover the header and fit the body;
 * bytes after it are trimmed into the suffix) and the checksum over the pseudo-header, whose
 * destination is {@link IpPacket#pseudoHeaderDestination()}. The checksum rules:
 * <ul>
 *   <li>over IPv4, a zero checksum means the sender computed none (RFC 768): accepted, not
 *       verified, {@link #hasChecksum()} false;
 *   <li>over IPv6, a zero checksum is refused by {@link #wrap} with a
 *       {@link io.zerowire.parse.ParseErrorKind#CHECKSUM CHECKSUM} error on field {@code checksum}
 *       (RFC 8200 section 8.1: receivers discard it), the same kind as a checksum that does not
 *       verify; after {@link #wrapUnverified}, {@link #checksumValid()} is false for it.
 * </ul>
 *
 * <pre>{@code
 * UdpParser udp = new UdpParser();                      // keep it across packets
 * IpPacket<?> ip = ...;                                 // the parsed IPv4 or IPv6 header; buffer body = its payload
 * UdpLayout<?> datagram = udp.wrap(buffer, ip);         // buffer body = the UDP payload
 * if (datagram.destinationPort() == 53) {
 *     answer(buffer, datagram.sourcePort());
 * }
 * }</pre>
 */
public final class UdpParser {
    private final UdpV4 v4 = new UdpV4();
    private final UdpV6 v6 = new UdpV6();
    private final PseudoHeaderAddresses addresses = new PseudoHeaderAddresses();
    /** The view of the last successful wrap; null before it. */
    private Udp<?> current;

    /** A parser with no datagram yet. */
    public UdpParser() {}

    /**
     * Parses the UDP header at the front of {@code body}, the payload of {@code ip}, verifying the
     * checksum, and consumes it: {@code body}'s body is then the UDP payload.
     *
     * @param body the IP packet's payload (what remains after parsing the IP headers)
     * @param ip the IP packet it came in, for the protocol, the fragment flag and the pseudo-header
     * @return the view, typed by the IP version: a {@link UdpV4} or a {@link UdpV6}
     * @throws ParseException {@code NOT_EXPECTED} for a fragment or another protocol,
     *     {@code MALFORMED} for a bad header or length, {@code CHECKSUM} for a checksum that does not
     *     verify (or zero over IPv6); the buffer is then unchanged
     */
    public <I extends Ip> Udp<? extends IpAddress<I>> wrap(BufferView body, IpPacket<I> ip) throws ParseException {
        return typed(wrap(body, ip, true));
    }

    /** Like {@link #wrap} without verifying the checksum (see {@link #checksumValid()}). */
    public <I extends Ip> Udp<? extends IpAddress<I>> wrapUnverified(BufferView body, IpPacket<I> ip)
            throws ParseException {
        return typed(wrap(body, ip, false));
    }

    private Udp<?> wrap(BufferView body, IpPacket<?> ip, boolean verify) throws ParseException {
        if (ip.isFragment()) {
            throw ParseException.notExpected(UdpV4.LAYER, "", body.position(),
                    "the IP packet is a fragment: it holds no whole UDP datagram");
        }
        if (ip.transportProtocolValue() != IpProtocol.UDP.value()) {
            throw ParseException.notExpected(UdpV4.LAYER, "", body.position(),
                    "the IP packet carries protocol %d, not UDP", ip.transportProtocol().value());
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

    // UdpV4 is a Udp<Ipv4Address>, and Ipv4Address an IpAddress<Ipv4>: the view chosen for
    // ip.version() == I is a Udp<? extends IpAddress<I>>, which the compiler cannot see.
    @SuppressWarnings("unchecked")
    private static <I extends Ip> Udp<? extends IpAddress<I>> typed(Udp<?> view) {
        return (Udp<? extends IpAddress<I>>) view;
    }

    /**
     * The view of the last successful {@code wrap}.
     *
     * @throws IllegalStateException before any
     */
    public Udp<?> layout() {
        if (current == null) {
            throw new IllegalStateException("no datagram parsed yet");
        }
        return current;
    }

    /** Whether the last datagram carries a checksum: false only for a zero checksum over IPv4. */
    public boolean hasChecksum() {
        return layout().checksum() != 0 || current == v6;
    }

    /**
     * Whether the last datagram's checksum verifies over the bytes as they are now: true for a
     * datagram without one ({@link #hasChecksum()} false), false for a zero checksum over IPv6.
     */
    public boolean checksumValid() {
        if (layout() == v4) {
            return v4.checksumValid();
        }
        // A zero field may still sum right (when the true checksum is 0xFFFF); it is illegal anyway.
        return v6.checksum() != 0 && v6.checksumValid();
    }

    /** Bytes of the UDP header: {@value UdpV4#FIXED_LENGTH}. */
    public int headerLength() {
        return UdpV4.FIXED_LENGTH;
    }

    /** Array index of the last datagram's payload. */
    public int bodyOffset() {
        return layout().bodyOffset();
    }

    /** Bytes of the last datagram's payload: {@code length - 8}. */
    public int bodyLength() {
        return layout().length() - UdpV4.FIXED_LENGTH;
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
        return current == null ? "udp[none]" : current.toString();
    }
}
