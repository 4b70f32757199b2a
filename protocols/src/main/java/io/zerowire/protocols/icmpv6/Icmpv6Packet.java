package io.zerowire.protocols.icmpv6;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.buffer.ParseMetadata;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.checksum.PseudoHeader;
import io.zerowire.ip.Ipv6;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.BufferView;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.icmpv6.mld.Mld;
import io.zerowire.protocols.icmpv6.mld.Mldv2;
import io.zerowire.protocols.icmpv6.mld.Mldv2Query;
import io.zerowire.protocols.icmpv6.mld.Mldv2Records;
import io.zerowire.protocols.icmpv6.mld.Mldv2Report;
import io.zerowire.protocols.icmpv6.mld.SourceAddresses;
import io.zerowire.protocols.icmpv6.ndp.NdpOptions;
import io.zerowire.protocols.icmpv6.ndp.NeighborAdvertisement;
import io.zerowire.protocols.icmpv6.ndp.NeighborSolicitation;
import io.zerowire.protocols.icmpv6.ndp.Redirect;
import io.zerowire.protocols.icmpv6.ndp.RouterAdvertisement;
import io.zerowire.protocols.icmpv6.ndp.RouterSolicitation;
import io.zerowire.protocols.ip.IpPacket;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ip.PseudoHeaderAddresses;
import java.util.Objects;

/**
 * The entry point for ICMPv6 (RFC 4443) with NDP (RFC 4861) and MLD (RFC 2710, RFC 3810): parses
 * the common header with the pseudo-header addresses, verifies the checksum, picks the message by
 * its type and points the message's view at the fields that follow. A reusable object: it holds one
 * view per message kind, so {@link #wrap} in a loop allocates nothing.
 *
 * <p>What the message layouts cannot say is checked here, before anything is consumed: the
 * message is long enough for its fixed fields; an MLD query is 24 bytes (MLDv1) or at least 28
 * (MLDv2), nothing in between; NDP options have non-zero lengths and lie inside the message; the
 * source list of an MLDv2 query and the records of an MLDv2 report fit the message and stay within
 * the bounds of {@link Mldv2}. Then the checksum. A failed parse leaves the buffer as it was.
 *
 * <p>After a successful parse the buffer's body is what follows the message's fixed fields: the
 * invoking packet of an error message (possibly cut short; parse it as a quoted IPv6 packet), the
 * data of an echo, the NDP options, the sources of an MLDv2 query, the records of an MLDv2 report,
 * or everything after the common header of another type. {@link #undoParse} gives it all back.
 *
 * <pre>{@code
 * Icmpv6Packet icmp = new Icmpv6Packet();                   // keep it across packets
 * icmp.wrap(buffer, ipv6);                                  // source and final destination from the IPv6 packet
 * switch (icmp.message()) {
 *     case ECHO_REQUEST -> reply(icmp.echo().identifier(), icmp.echo().sequenceNumber(), buffer);
 *     case NEIGHBOR_SOLICITATION -> {
 *         icmp.checkNdp(ipv6.hopLimit());                   // RFC 4861 section 7.1.1
 *         Ipv6Address target = icmp.neighborSolicitation().target();
 *         NdpOptions options = icmp.ndpOptions();
 *         if (options.find(NdpOptions.SOURCE_LINK_LAYER_ADDRESS)) { ... options.linkLayerAddress() ... }
 *     }
 *     case PACKET_TOO_BIG -> updatePathMtu(icmp.packetTooBig().mtu(), buffer); // body: the quoted packet
 *     default -> { }
 * }
 * }</pre>
 */
public final class Icmpv6Packet {
    /** Bytes of the common header: type, code, checksum. */
    public static final int HEADER_LENGTH = Icmpv6Header.FIXED_LENGTH;
    /** The IPv6 next header value of ICMPv6. */
    public static final int NEXT_HEADER = 58;
    /** The hop limit every NDP message is sent with and must arrive with (RFC 4861). */
    public static final int NDP_HOP_LIMIT = 255;
    /** The hop limit every MLD message is sent with and must arrive with (RFC 2710, RFC 3810). */
    public static final int MLD_HOP_LIMIT = 1;
    /** The layer named in the errors of {@link #checkNdp}. */
    public static final String NDP_LAYER = "ndp";

    private final Icmpv6Header header = new Icmpv6Header();
    private final DestinationUnreachable destinationUnreachable = new DestinationUnreachable();
    private final PacketTooBig packetTooBig = new PacketTooBig();
    private final TimeExceeded timeExceeded = new TimeExceeded();
    private final ParameterProblem parameterProblem = new ParameterProblem();
    private final Echo echo = new Echo();
    private final Mld mld = new Mld();
    private final Mldv2Query mldv2Query = new Mldv2Query();
    private final Mldv2Report mldv2Report = new Mldv2Report();
    private final RouterSolicitation routerSolicitation = new RouterSolicitation();
    private final RouterAdvertisement routerAdvertisement = new RouterAdvertisement();
    private final NeighborSolicitation neighborSolicitation = new NeighborSolicitation();
    private final NeighborAdvertisement neighborAdvertisement = new NeighborAdvertisement();
    private final Redirect redirect = new Redirect();
    private final NdpOptions ndpOptions = new NdpOptions();
    private final SourceAddresses querySources = new SourceAddresses();
    private final Mldv2Records records = new Mldv2Records();
    private final InternetChecksum checksum = new InternetChecksum();
    private final PseudoHeaderAddresses addresses = new PseudoHeaderAddresses();

    private Icmpv6Message message;
    private byte[] array;
    private int offset;
    private int position;
    private int length;
    private int fixedLength;
    private int count;
    // The pseudo-header addresses as their bits: wrapping from an Ipv6Packet allocates nothing.
    private long sourceHigh;
    private long sourceLow;
    private long destinationHigh;
    private long destinationLow;

    /** An empty packet, for reuse: {@link #wrap} it before reading. */
    public Icmpv6Packet() {}

    /** Parses the ICMPv6 message that {@code ip} carries, at the front of {@code buffer}, into a new object. */
    public static Icmpv6Packet parse(BufferView buffer, IpPacket<Ipv6> ip) throws ParseException {
        return new Icmpv6Packet().wrap(buffer, ip);
    }

    /** Parses the ICMPv6 message at the front of {@code buffer} into a new object. */
    public static Icmpv6Packet parse(BufferView buffer, Ipv6Address source, Ipv6Address destination)
            throws ParseException {
        return new Icmpv6Packet().wrap(buffer, source, destination);
    }

    /**
     * Points this object at the ICMPv6 message that {@code ip} carries: the buffer's body must be
     * exactly the IPv6 payload after the extension headers. The pseudo-header uses the packet's
     * source and {@link IpPacket#pseudoHeaderDestination() final destination}.
     *
     * @throws ParseException {@code NOT_EXPECTED} if {@code ip} does not carry ICMPv6,
     *     {@code UNSUPPORTED} if it is a fragment (reassemble first), and as {@link #wrap(BufferView,
     *     Ipv6Address, Ipv6Address)}
     */
    public Icmpv6Packet wrap(BufferView buffer, IpPacket<Ipv6> ip) throws ParseException {
        checkCarrier(buffer, ip);
        return wrap(buffer, ip, true);
    }

    /**
     * Points this object at the ICMPv6 message at the front of {@code buffer}, which holds exactly
     * the message, validating it and its checksum, and consumes the common header and the message's
     * fixed fields.
     *
     * @param source the IPv6 source address
     * @param destination the IPv6 destination for the pseudo-header (the final one of a routing header)
     * @throws ParseException {@code MALFORMED} if the message is shorter than its fixed fields, an MLD
     *     query has a length between the two versions, an NDP option has length 0 or runs past the
     *     end, or MLDv2 sources or records run past the end; {@code UNSUPPORTED} above the bounds of
     *     {@link Mldv2}; {@code CHECKSUM} if the checksum does not verify. The buffer and this object
     *     are then unchanged.
     */
    public Icmpv6Packet wrap(BufferView buffer, Ipv6Address source, Ipv6Address destination) throws ParseException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        return wrap(buffer, source.high(), source.low(), destination.high(), destination.low(), true);
    }

    /** As {@link #wrap(BufferView, IpPacket)}, without verifying the checksum (see {@link #checksumValid()}). */
    public Icmpv6Packet wrapUnverified(BufferView buffer, IpPacket<Ipv6> ip) throws ParseException {
        checkCarrier(buffer, ip);
        return wrap(buffer, ip, false);
    }

    /** As {@link #wrap(BufferView, Ipv6Address, Ipv6Address)}, without verifying the checksum. */
    public Icmpv6Packet wrapUnverified(BufferView buffer, Ipv6Address source, Ipv6Address destination)
            throws ParseException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        return wrap(buffer, source.high(), source.low(), destination.high(), destination.low(), false);
    }

    private static void checkCarrier(BufferView buffer, IpPacket<Ipv6> ip) throws ParseException {
        if (ip.transportProtocolValue() != NEXT_HEADER) {
            throw ParseException.notExpected(Icmpv6Header.LAYER, "", buffer.position(),
                    "the IPv6 packet carries protocol %d, not ICMPv6 (58)", ip.transportProtocol().value());
        }
        if (ip.isFragment()) {
            throw ParseException.unsupported(Icmpv6Header.LAYER, "", buffer.position(),
                    "the IPv6 packet is a fragment: reassemble it before parsing ICMPv6");
        }
    }

    /** Takes the pseudo-header from {@code ip}, as raw bits: nothing is allocated. */
    private Icmpv6Packet wrap(BufferView buffer, IpPacket<Ipv6> ip, boolean verify) throws ParseException {
        PseudoHeaderAddresses a = addresses.read(ip);
        return wrap(buffer, a.sourceHigh(), a.sourceLow(), a.destinationHigh(), a.destinationLow(), verify);
    }

    private Icmpv6Packet wrap(BufferView buffer, long sourceHigh, long sourceLow, long destinationHigh,
            long destinationLow, boolean verify) throws ParseException {
        byte[] a = buffer.array();
        int at = buffer.bodyStart();
        int available = buffer.remaining();
        int start = buffer.position();
        if (available < HEADER_LENGTH) {
            throw ParseException.malformed(Icmpv6Header.LAYER, "", start, "shorter than the 4-byte ICMPv6 header");
        }
        Icmpv6Message kind = Icmpv6Message.ofType(a[at + Icmpv6Header.TYPE_OFFSET]);
        if (kind == Icmpv6Message.MLD_QUERY && available > HEADER_LENGTH + Mld.FIXED_LENGTH) {
            // RFC 3810 section 8.1: 24 bytes is MLDv1, 28 or more MLDv2, anything between neither.
            if (available < HEADER_LENGTH + Mldv2Query.FIXED_LENGTH) {
                throw ParseException.malformed(Mldv2Query.LAYER, "", start, "an MLD query of %d bytes is neither MLDv1 (24 bytes) nor MLDv2 (28 bytes or more)", available);
            }
            kind = Icmpv6Message.MLDV2_QUERY;
        }
        int fixed = HEADER_LENGTH + kind.fixedLength();
        if (available < fixed) {
            throw ParseException.malformed(kind.layer(), "", start + HEADER_LENGTH, "a message of %d bytes is shorter than the %d bytes of its fixed fields",
                    available, fixed);
        }
        int end = at + available;
        int items = 0;
        if (kind.isNdp()) {
            items = NdpOptions.validate(a, at + fixed, end, start + fixed);
        } else if (kind == Icmpv6Message.MLDV2_QUERY) {
            items = Mldv2.validateQuerySources(a, at + HEADER_LENGTH, end, start + HEADER_LENGTH);
        } else if (kind == Icmpv6Message.MLDV2_REPORT) {
            items = Mldv2Records.validateReport(a, at + HEADER_LENGTH, end, start + HEADER_LENGTH);
        }
        // Only the checksum can still fail, and the header view checks it before consuming anything.
        if (verify) {
            header.wrap(buffer, sourceHigh, sourceLow, destinationHigh, destinationLow);
        } else {
            header.wrapUnverified(buffer, sourceHigh, sourceLow, destinationHigh, destinationLow);
        }
        wrapMessage(kind, buffer);
        this.message = kind;
        this.array = a;
        this.offset = at;
        this.position = start;
        this.length = available;
        this.fixedLength = fixed;
        this.count = items;
        this.sourceHigh = sourceHigh;
        this.sourceLow = sourceLow;
        this.destinationHigh = destinationHigh;
        this.destinationLow = destinationLow;
        return this;
    }

    /** Points the message's view at its fixed fields, whose length the caller has checked. */
    private void wrapMessage(Icmpv6Message kind, BufferView buffer) throws ParseException {
        switch (kind) {
            case DESTINATION_UNREACHABLE -> destinationUnreachable.wrap(buffer);
            case PACKET_TOO_BIG -> packetTooBig.wrap(buffer);
            case TIME_EXCEEDED -> timeExceeded.wrap(buffer);
            case PARAMETER_PROBLEM -> parameterProblem.wrap(buffer);
            case ECHO_REQUEST, ECHO_REPLY -> echo.wrap(buffer);
            case MLD_QUERY, MLD_REPORT, MLD_DONE -> mld.wrap(buffer);
            case MLDV2_QUERY -> mldv2Query.wrap(buffer);
            case MLDV2_REPORT -> mldv2Report.wrap(buffer);
            case ROUTER_SOLICITATION -> routerSolicitation.wrap(buffer);
            case ROUTER_ADVERTISEMENT -> routerAdvertisement.wrap(buffer);
            case NEIGHBOR_SOLICITATION -> neighborSolicitation.wrap(buffer);
            case NEIGHBOR_ADVERTISEMENT -> neighborAdvertisement.wrap(buffer);
            case REDIRECT -> redirect.wrap(buffer);
            case OTHER -> { }
        }
    }

    /** Which message this is. */
    public Icmpv6Message message() {
        return message;
    }

    /** The common header (type, code, checksum). */
    public Icmpv6Header header() {
        return header;
    }

    /** The ICMPv6 type. */
    public Icmpv6Type type() {
        return header.type();
    }

    /** The type number, without allocating for unknown types. */
    public int typeValue() {
        return header.typeValue();
    }

    /** The code. */
    public int code() {
        return header.code();
    }

    /** The checksum field. */
    public int checksum() {
        return header.checksum();
    }

    /** Whether the checksum verifies over the message as it is now, with the addresses given to {@code wrap}. */
    public boolean checksumValid() {
        return header.checksumValid();
    }

    /**
     * Recomputes the checksum in place, after editing the fields of a message view (whose setters
     * only know their own layout, not the checksum in the common header).
     */
    public Icmpv6Packet recomputeChecksum() {
        header.setChecksum(0);
        checksum.reset();
        PseudoHeader.addIpv6(checksum, sourceHigh, sourceLow, destinationHigh, destinationLow,
                NEXT_HEADER, length);
        header.setChecksum(checksum.add(array, offset, length).checksum());
        return this;
    }

    /** The source address given to {@code wrap} (a new object: the packet keeps its bits). */
    public Ipv6Address source() {
        return Ipv6Address.of(sourceHigh, sourceLow);
    }

    /** The pseudo-header destination given to {@code wrap} (a new object: the packet keeps its bits). */
    public Ipv6Address destination() {
        return Ipv6Address.of(destinationHigh, destinationLow);
    }

    /** The array holding the message. */
    public byte[] array() {
        return array;
    }

    /** Array index of the message's first byte (its type). */
    public int offset() {
        return offset;
    }

    /** Bytes of the whole message. */
    public int length() {
        return length;
    }

    /** Bytes of the common header and the message's fixed fields: what {@code wrap} consumed. */
    public int headerLength() {
        return fixedLength;
    }

    /** Array index of what follows the fixed fields (quoted packet, data, options, sources, records). */
    public int bodyOffset() {
        return offset + fixedLength;
    }

    /** Bytes after the fixed fields. */
    public int bodyLength() {
        return length - fixedLength;
    }

    /** What {@code wrap} consumed, for {@link PacketBuffer#undoParse(ParseMetadata)}. */
    public ParseMetadata parseMetadata() {
        return new ParseMetadata(fixedLength, length - fixedLength, 0);
    }

    /** Gives back to {@code buffer} what {@code wrap} consumed, without allocating. */
    public void undoParse(PacketBuffer buffer) {
        buffer.undoParse(fixedLength, length - fixedLength, 0);
    }

    private void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("not " + what + ": the message is " + message);
        }
    }

    /**
     * The fields of a Destination Unreachable message.
     *
     * @throws IllegalStateException for another message
     */
    public DestinationUnreachable destinationUnreachable() {
        require(message == Icmpv6Message.DESTINATION_UNREACHABLE, "a destination unreachable");
        return destinationUnreachable;
    }

    /**
     * The fields of a Packet Too Big message.
     *
     * @throws IllegalStateException for another message
     */
    public PacketTooBig packetTooBig() {
        require(message == Icmpv6Message.PACKET_TOO_BIG, "a packet too big");
        return packetTooBig;
    }

    /**
     * The fields of a Time Exceeded message.
     *
     * @throws IllegalStateException for another message
     */
    public TimeExceeded timeExceeded() {
        require(message == Icmpv6Message.TIME_EXCEEDED, "a time exceeded");
        return timeExceeded;
    }

    /**
     * The fields of a Parameter Problem message.
     *
     * @throws IllegalStateException for another message
     */
    public ParameterProblem parameterProblem() {
        require(message == Icmpv6Message.PARAMETER_PROBLEM, "a parameter problem");
        return parameterProblem;
    }

    /**
     * The fields of an Echo Request or Reply.
     *
     * @throws IllegalStateException for another message
     */
    public Echo echo() {
        require(message == Icmpv6Message.ECHO_REQUEST || message == Icmpv6Message.ECHO_REPLY, "an echo");
        return echo;
    }

    /**
     * Array index of the invoking packet quoted by an error message.
     *
     * @throws IllegalStateException for another message
     */
    public int quotedPacketOffset() {
        require(message.isError(), "an error message");
        return bodyOffset();
    }

    /**
     * Bytes of the quoted invoking packet (it may be cut short).
     *
     * @throws IllegalStateException for another message
     */
    public int quotedPacketLength() {
        require(message.isError(), "an error message");
        return bodyLength();
    }

    /**
     * The fields of an MLDv1 query, report or done.
     *
     * @throws IllegalStateException for another message
     */
    public Mld mld() {
        require(message == Icmpv6Message.MLD_QUERY || message == Icmpv6Message.MLD_REPORT
                || message == Icmpv6Message.MLD_DONE, "an MLDv1 message");
        return mld;
    }

    /**
     * The fixed fields of an MLDv2 query.
     *
     * @throws IllegalStateException for another message
     */
    public Mldv2Query mldv2Query() {
        require(message == Icmpv6Message.MLDV2_QUERY, "an MLDv2 query");
        return mldv2Query;
    }

    /**
     * The sources of an MLDv2 query (the same list object on every call).
     *
     * @throws IllegalStateException for another message
     */
    public SourceAddresses querySources() {
        require(message == Icmpv6Message.MLDV2_QUERY, "an MLDv2 query");
        return querySources.reset(array, bodyOffset(), count);
    }

    /**
     * The fixed fields of an MLDv2 report.
     *
     * @throws IllegalStateException for another message
     */
    public Mldv2Report mldv2Report() {
        require(message == Icmpv6Message.MLDV2_REPORT, "an MLDv2 report");
        return mldv2Report;
    }

    /**
     * The records of an MLDv2 report, positioned before the first.
     *
     * @throws IllegalStateException for another message
     */
    public Mldv2Records records() {
        require(message == Icmpv6Message.MLDV2_REPORT, "an MLDv2 report");
        return records.resetValidated(array, bodyOffset(), count);
    }

    /**
     * The fields of a Router Solicitation.
     *
     * @throws IllegalStateException for another message
     */
    public RouterSolicitation routerSolicitation() {
        require(message == Icmpv6Message.ROUTER_SOLICITATION, "a router solicitation");
        return routerSolicitation;
    }

    /**
     * The fields of a Router Advertisement.
     *
     * @throws IllegalStateException for another message
     */
    public RouterAdvertisement routerAdvertisement() {
        require(message == Icmpv6Message.ROUTER_ADVERTISEMENT, "a router advertisement");
        return routerAdvertisement;
    }

    /**
     * The fields of a Neighbor Solicitation.
     *
     * @throws IllegalStateException for another message
     */
    public NeighborSolicitation neighborSolicitation() {
        require(message == Icmpv6Message.NEIGHBOR_SOLICITATION, "a neighbor solicitation");
        return neighborSolicitation;
    }

    /**
     * The fields of a Neighbor Advertisement.
     *
     * @throws IllegalStateException for another message
     */
    public NeighborAdvertisement neighborAdvertisement() {
        require(message == Icmpv6Message.NEIGHBOR_ADVERTISEMENT, "a neighbor advertisement");
        return neighborAdvertisement;
    }

    /**
     * The fields of a Redirect.
     *
     * @throws IllegalStateException for another message
     */
    public Redirect redirect() {
        require(message == Icmpv6Message.REDIRECT, "a redirect");
        return redirect;
    }

    /**
     * The options of an NDP message, validated at parse, positioned before the first (the same
     * reader on every call).
     *
     * @throws IllegalStateException for a message that is not NDP
     */
    public NdpOptions ndpOptions() {
        require(message.isNdp(), "an NDP message");
        return ndpOptions.resetValidated(array, bodyOffset(), offset + length);
    }

    /** As {@link #checkNdp(int)} with the hop limit of {@code ip}. */
    public void checkNdp(IpPacket<Ipv6> ip) throws ParseException {
        checkNdp(ip.hopLimit());
    }

    /**
     * Applies the validity checks of RFC 4861 (sections 6.1.1, 6.1.2, 7.1.1, 7.1.2 and 8.1) that a
     * parse cannot, because they involve the IP header or the meaning of fields: the hop limit is
     * 255 (the message cannot have crossed a router), the code is 0, and, by message: a Router
     * Solicitation from {@code ::} carries no source link-layer address; a Router Advertisement comes
     * from a link-local address; a Neighbor Solicitation's target is not multicast and, from
     * {@code ::}, it goes to a solicited-node multicast address without a source link-layer address;
     * a Neighbor Advertisement's target is not multicast and one sent to a multicast address is not
     * solicited; a Redirect comes from a link-local address, its destination is not multicast and
     * its target is link-local or the destination itself. The parse has already checked the lengths
     * and that no option has length 0. Receivers silently discard messages that fail.
     *
     * @param hopLimit the hop limit of the IPv6 header that carried the message
     * @throws ParseException {@code MALFORMED}, layer {@value #NDP_LAYER}, naming the field that fails
     * @throws IllegalStateException if the message is not an NDP message
     */
    public void checkNdp(int hopLimit) throws ParseException {
        require(message.isNdp(), "an NDP message");
        if (hopLimit != NDP_HOP_LIMIT) {
            throw ndp("hopLimit", position, "hop limit " + hopLimit + ": NDP messages arrive with 255");
        }
        if (code() != 0) {
            throw ndp("code", position + Icmpv6Header.CODE_OFFSET, "code " + code() + ": NDP messages have code 0");
        }
        int fields = position + HEADER_LENGTH;
        Ipv6Address source = source();
        Ipv6Address destination = destination();
        switch (message) {
            case ROUTER_SOLICITATION -> {
                if (!source.isSpecified()) {
                    noSourceLinkLayerAddress("a router solicitation");
                }
            }
            case ROUTER_ADVERTISEMENT -> {
                if (!source.isLinkLocalUnicast()) {
                    throw ndp("source", position, "a router advertisement from " + source + ", not a link-local address");
                }
            }
            case NEIGHBOR_SOLICITATION -> {
                Ipv6Address target = neighborSolicitation.target();
                if (target.isMulticast()) {
                    throw ndp("target", fields + NeighborSolicitation.TARGET_OFFSET, "multicast target " + target);
                }
                if (!source.isSpecified()) {
                    if (!isSolicitedNodeMulticast(destination)) {
                        throw ndp("destination", position, "a solicitation from :: to " + destination
                                + ", not to a solicited-node multicast address");
                    }
                    noSourceLinkLayerAddress("a solicitation from ::");
                }
            }
            case NEIGHBOR_ADVERTISEMENT -> {
                Ipv6Address target = neighborAdvertisement.target();
                if (target.isMulticast()) {
                    throw ndp("target", fields + NeighborAdvertisement.TARGET_OFFSET, "multicast target " + target);
                }
                if (destination.isMulticast() && neighborAdvertisement.solicited()) {
                    throw ndp("solicited", fields, "a solicited advertisement to the multicast address " + destination);
                }
            }
            case REDIRECT -> {
                if (!source.isLinkLocalUnicast()) {
                    throw ndp("source", position, "a redirect from " + source + ", not a link-local address");
                }
                Ipv6Address redirected = redirect.destination();
                if (redirected.isMulticast()) {
                    throw ndp("destination", fields + Redirect.DESTINATION_OFFSET, "multicast destination " + redirected);
                }
                Ipv6Address target = redirect.target();
                if (!target.isLinkLocalUnicast() && !target.equals(redirected)) {
                    throw ndp("target", fields + Redirect.TARGET_OFFSET, "target " + target
                            + " is neither link-local nor the destination");
                }
            }
            default -> throw new AssertionError(message);
        }
    }

    private void noSourceLinkLayerAddress(String what) throws ParseException {
        NdpOptions options = ndpOptions();
        if (options.find(NdpOptions.SOURCE_LINK_LAYER_ADDRESS)) {
            throw ndp("options", position + (options.offset() - offset),
                    what + " carries a source link-layer address option");
        }
    }

    private static boolean isSolicitedNodeMulticast(Ipv6Address address) {
        // ff02::1:ff00:0/104 (RFC 4291 section 2.7.1)
        return address.high() == 0xFF02_0000_0000_0000L && (address.low() & 0xFFFF_FFFF_FF00_0000L) == 0x0000_0001_FF00_0000L;
    }

    private static ParseException ndp(String field, int offset, String detail) {
        return ParseException.malformed(NDP_LAYER, field, offset, detail);
    }

    /** As {@link #checkMld(int)} with the hop limit of {@code ip}. */
    public void checkMld(IpPacket<Ipv6> ip) throws ParseException {
        checkMld(ip.hopLimit());
    }

    /**
     * Applies the validity checks of RFC 2710 section 3 and RFC 3810 sections 5.1.14 and 5.2.13 that
     * a parse cannot: the hop limit is 1 and the source is link-local (a report or done may also come
     * from {@code ::}, RFC 3590). The Router Alert option is the IPv6 layer's to check.
     *
     * @param hopLimit the hop limit of the IPv6 header that carried the message
     * @throws ParseException {@code MALFORMED}, layer {@code mld}, naming the field that fails
     * @throws IllegalStateException if the message is not an MLD message
     */
    public void checkMld(int hopLimit) throws ParseException {
        require(message.isMld(), "an MLD message");
        if (hopLimit != MLD_HOP_LIMIT) {
            throw ParseException.malformed(Mld.LAYER, "hopLimit", position, "hop limit %d: MLD messages arrive with 1",
                    hopLimit);
        }
        boolean query = message == Icmpv6Message.MLD_QUERY || message == Icmpv6Message.MLDV2_QUERY;
        Ipv6Address source = source();
        if (!source.isLinkLocalUnicast() && (query || source.isSpecified())) {
            throw ParseException.malformed(Mld.LAYER, "source", position, query
                    ? "an MLD query from a source that is not link-local" : "an MLD message from a source that is not link-local");
        }
    }

    /** The common header, the message and its view, for debugging and dissection. */
    @Override
    public String toString() {
        if (message == null) {
            return "icmpv6[unparsed]";
        }
        StringBuilder text = new StringBuilder(header.toString()).append(' ').append(message);
        switch (message) {
            case DESTINATION_UNREACHABLE -> text.append(' ').append(destinationUnreachable);
            case PACKET_TOO_BIG -> text.append(' ').append(packetTooBig);
            case TIME_EXCEEDED -> text.append(' ').append(timeExceeded);
            case PARAMETER_PROBLEM -> text.append(' ').append(parameterProblem);
            case ECHO_REQUEST, ECHO_REPLY -> text.append(' ').append(echo);
            case MLD_QUERY, MLD_REPORT, MLD_DONE -> text.append(' ').append(mld);
            case MLDV2_QUERY -> text.append(' ').append(mldv2Query).append(" sources=").append(querySources());
            case MLDV2_REPORT -> text.append(' ').append(mldv2Report);
            case ROUTER_SOLICITATION -> text.append(' ').append(routerSolicitation);
            case ROUTER_ADVERTISEMENT -> text.append(' ').append(routerAdvertisement);
            case NEIGHBOR_SOLICITATION -> text.append(' ').append(neighborSolicitation);
            case NEIGHBOR_ADVERTISEMENT -> text.append(' ').append(neighborAdvertisement);
            case REDIRECT -> text.append(' ').append(redirect);
            case OTHER -> { }
        }
        if (message.isNdp()) {
            text.append(' ').append(ndpOptions());
        }
        return text.append(" body=").append(bodyLength()).toString();
    }
}
