package io.zerowire.protocols.ipv4;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.buffer.ParseMetadata;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.BufferView;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpPacket;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ip.ParameterProblemException;
import io.zerowire.protocols.ip.PseudoHeaderAddresses;

/**
 * An IPv4 packet as the layers above see it: a reusable view over the generated {@link Ipv4}
 * header view, with the receive rules a layout cannot say.
 *
 * <ul>
 *   <li>Everything the {@link Ipv4} view checks: version 4, IHL of 5 to 15 words within the buffer,
 *       total length covering the header and within the buffer (the bytes after it, such as
 *       Ethernet padding or a frame check sequence, move into the buffer's suffix), a well-formed
 *       option list, and the header checksum ({@link #wrapUnverified} skips it).
 *   <li>A malformed option list is a {@link ParameterProblemException} (ICMP parameter problem code
 *       0) whose pointer is the faulty option's offset in the header, and which may be answered
 *       only when RFC 1122 section 3.2.2 allows it: the checksum verifies, the packet is not a
 *       non-initial fragment, its source is a single host and its destination neither multicast
 *       nor the limited broadcast. (Whether the packet is itself an ICMP error, and directed
 *       broadcasts, are for the caller to check.)
 *   <li>A total length of 0 is rejected with its own message ({@link #SEGMENTATION_OFFLOAD_LENGTH}).
 *       It is what TCP segmentation offload and Linux's BIG TCP leave in packets captured on the
 *       sending host, before the NIC or the kernel fills the length in; tshark then assumes the
 *       captured length. On the wire it is invalid (RFC 791: at least 20), and the length of the
 *       datagram is not in the packet, so it is not guessed.
 *   <li>A datagram with More Fragments or a non-zero fragment offset is a fragment
 *       ({@link #isFragment()}): its payload is not a whole transport packet.
 * </ul>
 *
 * <pre>{@code
 * Ipv4Packet ip = new Ipv4Packet();              // reuse for every packet
 * ip.wrap(buffer);                               // header -> prefix, padding -> suffix, body = payload
 * if (!ip.isFragment() && ip.transportProtocol().equals(IpProtocol.UDP)) {
 *     // UDP parses the body; its pseudo-header takes ip.source() and ip.pseudoHeaderDestination()
 * }
 * ip.header().setTtl(ip.hopLimit() - 1);          // forwarding: checksum updated in place (RFC 1624)
 * ip.undoParse(buffer);                           // the whole packet is the body again
 * }</pre>
 */
public final class Ipv4Packet implements IpPacket<io.zerowire.ip.Ipv4> {
    /** The detail of the error for a total length of 0 (see the class comment). */
    public static final String SEGMENTATION_OFFLOAD_LENGTH = "is 0, as segmentation offload (TSO, GSO, BIG TCP) "
            + "leaves it in a packet captured on the sending host: the datagram's length is not on the wire";

    /** Flags and fragment offset share the 16 bits after the identification. */
    private static final int FLAGS_AND_FRAGMENT_OFFSET = Ipv4.IDENTIFICATION_OFFSET + 2;
    private static final int FRAGMENT_OFFSET_MASK = 0x1FFF;
    /** Bytes per fragment offset unit. */
    private static final int FRAGMENT_UNIT = 8;

    private final Ipv4 header = new Ipv4();
    /** For {@link #pseudoHeaderDestination()}, apart from the view's, so a caller's walk over {@code header().options()} is left alone. */
    private final OptionsIterator routeSearch = new OptionsIterator();

    /** An empty packet view, for reuse: {@link #wrap} it before reading. */
    public Ipv4Packet() {}

    /** Parses the IPv4 packet at the front of {@code buffer} into a new view, verifying the checksum. */
    public static Ipv4Packet parse(BufferView buffer) throws ParseException {
        return new Ipv4Packet().wrap(buffer);
    }

    /** Like {@link #parse} without verifying the checksum. */
    public static Ipv4Packet parseUnverified(BufferView buffer) throws ParseException {
        return new Ipv4Packet().wrapUnverified(buffer);
    }

    /**
     * Points this view at the IPv4 packet at the front of {@code buffer}, validating it and its
     * header checksum: the header moves into the prefix, anything after the total length into the
     * suffix, and the body is the payload.
     *
     * @return this view
     * @throws ParameterProblemException for a malformed option list
     * @throws ParseException {@code MALFORMED} for another format error (field {@code version},
     *     {@code ihl}, {@code totalLength}), {@code CHECKSUM} for a bad header checksum; the buffer
     *     and this view are then unchanged
     */
    public Ipv4Packet wrap(BufferView buffer) throws ParseException {
        return wrap(buffer, true);
    }

    /** Like {@link #wrap} without verifying the header checksum ({@code header().checksumValid()} tells). */
    public Ipv4Packet wrapUnverified(BufferView buffer) throws ParseException {
        return wrap(buffer, false);
    }

    /**
     * Points this view at an IPv4 packet quoted in an ICMP error, which may be cut short: the header
     * must be whole, the total length may claim more than the buffer holds (the payload is then what
     * it holds), and the checksum is not verified. Errors are plain {@link ParseException}s: a quoted
     * packet is never answered.
     *
     * @return this view
     * @throws ParseException {@code MALFORMED} if the header is cut short or its fields are invalid
     */
    public Ipv4Packet wrapQuoted(BufferView buffer) throws ParseException {
        header.wrapQuoted(buffer);
        return this;
    }

    private Ipv4Packet wrap(BufferView buffer, boolean verifyChecksum) throws ParseException {
        byte[] array = buffer.array();
        int at = buffer.bodyStart();
        int position = buffer.position();
        try {
            if (verifyChecksum) {
                header.wrap(buffer);
            } else {
                header.wrapUnverified(buffer);
            }
        } catch (ParseException e) {
            if (e.kind() == ParseErrorKind.MALFORMED && e.field().equals("options")) {
                throw parameterProblem(e, array, at, position);
            }
            // Looked at only once the header is rejected, off the hot path: a total length of 0 fails
            // the header's "shorter than the header" check, and only after version and IHL passed.
            if (e.kind() == ParseErrorKind.MALFORMED && e.field().equals("totalLength")
                    && Bytes.u16(array, at + Ipv4.TOTAL_LENGTH_OFFSET) == 0) {
                throw ParseException.malformed(Ipv4.LAYER, "totalLength", position + Ipv4.TOTAL_LENGTH_OFFSET,
                        SEGMENTATION_OFFLOAD_LENGTH);
            }
            throw e;
        }
        return this;
    }

    /** The option error as a parameter problem; the header's fixed fields are there (the view checked them first). */
    private static ParameterProblemException parameterProblem(ParseException e, byte[] a, int at, int position) {
        int headerLength = (a[at] & 0xF) * 4;
        Ipv4Address source = Ipv4Address.read(a, at + Ipv4.SOURCE_OFFSET);
        Ipv4Address destination = Ipv4Address.read(a, at + Ipv4.DESTINATION_OFFSET);
        boolean initialFragment = (Bytes.u16(a, at + FLAGS_AND_FRAGMENT_OFFSET) & FRAGMENT_OFFSET_MASK) == 0;
        boolean singleHostSource = source.isSpecified() && !source.isLoopback() && !source.isMulticast()
                && (source.bits() >>> 28) != 0xF;   // nor class E, which holds the limited broadcast
        boolean mayRespond = InternetChecksum.verify(a, at, headerLength) && initialFragment && singleHostSource
                && !destination.isMulticast() && !destination.isLimitedBroadcast();
        return new ParameterProblemException(ParseErrorKind.MALFORMED, e.layer(), e.field(), e.offset(), e.detail(),
                ParameterProblemException.ERRONEOUS_HEADER_FIELD, e.offset() - position, mayRespond);
    }

    /** The generated header view: every field, in-place setters that keep the checksum, the options. */
    public Ipv4 header() {
        return header;
    }

    @Override
    public io.zerowire.ip.Ipv4 version() {
        return io.zerowire.ip.Ipv4.INSTANCE;
    }

    @Override
    public Ipv4Address source() {
        return header.source();
    }

    @Override
    public Ipv4Address destination() {
        return header.destination();
    }

    /**
     * The destination of the transport checksum's pseudo-header: the final destination, the last
     * address of a loose or strict source route that still has hops left
     * ({@link Ipv4Options#hasHopsLeft}), as the sender computed it before putting the first hop in
     * the header (RFC 791 source routing; the same rule as IPv6's, RFC 8200 section 8.1); otherwise
     * {@link #destination()}. Only the first source route option counts: RFC 791 allows one. This
     * is also the destination tshark shows ({@code ip.dst}, the header's being {@code ip.cur_rt}).
     */
    @Override
    public Ipv4Address pseudoHeaderDestination() {
        return Ipv4Address.of(pseudoHeaderDestinationBits());
    }

    /** The bits of {@link #pseudoHeaderDestination()}, without allocating. */
    public int pseudoHeaderDestinationBits() {
        if (header.headerLength() > Ipv4.FIXED_LENGTH) {
            routeSearch.resetValidated(header.array(), header.offset() + Ipv4.FIXED_LENGTH,
                    header.offset() + header.headerLength(), Ipv4.OPTION_FORMAT);
            while (routeSearch.next()) {
                if (Ipv4Options.isSourceRoute(routeSearch)) {
                    // RFC 791 allows one source route; a second one is not looked at.
                    return Ipv4Options.hasHopsLeft(routeSearch)
                            ? Ipv4Options.routeAddressBits(routeSearch, Ipv4Options.routeSlots(routeSearch) - 1)
                            : header.destinationBits();
                }
            }
        }
        return header.destinationBits();
    }

    @Override
    public void pseudoHeaderAddresses(PseudoHeaderAddresses into) {
        into.setIpv4(header.sourceBits(), pseudoHeaderDestinationBits());
    }

    @Override
    public IpProtocol transportProtocol() {
        return header.protocol();
    }

    /** The protocol number, without allocating for an unnamed one. */
    @Override
    public int transportProtocolValue() {
        return header.protocolValue();
    }

    /** The TTL. */
    @Override
    public int hopLimit() {
        return header.ttl();
    }

    /** More Fragments is set or the fragment offset is not zero. */
    @Override
    public boolean isFragment() {
        return Ipv4Layout.isFragment(header);
    }

    /** The fragment's data offset in the original datagram, in bytes. */
    public int fragmentOffsetBytes() {
        return header.fragmentOffset() * FRAGMENT_UNIT;
    }

    /** Bytes of the header, options included (IHL x 4). */
    @Override
    public int headerLength() {
        return header.headerLength();
    }

    /** Bytes of the payload: total length minus header length (link padding excluded). */
    @Override
    public int payloadLength() {
        return header.bodyLength();
    }

    /** Array index of the payload's first byte. */
    public int payloadOffset() {
        return header.bodyOffset();
    }

    /** What {@code wrap} consumed, for {@link PacketBuffer#undoParse(ParseMetadata)}. */
    public ParseMetadata parseMetadata() {
        return header.parseMetadata();
    }

    /** Gives back to {@code buffer} the header (and the payload, if it was consumed), without allocating. */
    public void undoParse(PacketBuffer buffer) {
        header.undoParse(buffer);
    }

    /** The header's fields, such as {@code ipv4[version=4, ...]}. */
    @Override
    public String toString() {
        return header.toString();
    }
}
