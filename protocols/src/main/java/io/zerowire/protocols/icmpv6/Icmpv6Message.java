package io.zerowire.protocols.icmpv6;

import io.zerowire.protocols.icmpv6.mld.Mld;
import io.zerowire.protocols.icmpv6.mld.Mldv2Query;
import io.zerowire.protocols.icmpv6.mld.Mldv2Report;
import io.zerowire.protocols.icmpv6.ndp.NeighborAdvertisement;
import io.zerowire.protocols.icmpv6.ndp.NeighborSolicitation;
import io.zerowire.protocols.icmpv6.ndp.Redirect;
import io.zerowire.protocols.icmpv6.ndp.RouterAdvertisement;
import io.zerowire.protocols.icmpv6.ndp.RouterSolicitation;

/**
 * The messages {@link Icmpv6Packet} tells apart, each with the layout of the fields after the
 * common header. The ICMPv6 type decides, except for type 130, where the length tells an MLDv1
 * query (24 bytes) from an MLDv2 query (28 bytes or more), as RFC 3810 section 8.1 says.
 */
public enum Icmpv6Message {
    /** Type 1, {@link DestinationUnreachableLayout}; the body is the invoking packet. */
    DESTINATION_UNREACHABLE(1, DestinationUnreachable.FIXED_LENGTH, DestinationUnreachable.LAYER),
    /** Type 2, {@link PacketTooBigLayout}; the body is the invoking packet. */
    PACKET_TOO_BIG(2, PacketTooBig.FIXED_LENGTH, PacketTooBig.LAYER),
    /** Type 3, {@link TimeExceededLayout}; the body is the invoking packet. */
    TIME_EXCEEDED(3, TimeExceeded.FIXED_LENGTH, TimeExceeded.LAYER),
    /** Type 4, {@link ParameterProblemLayout}; the body is the invoking packet. */
    PARAMETER_PROBLEM(4, ParameterProblem.FIXED_LENGTH, ParameterProblem.LAYER),
    /** Type 128, {@link EchoLayout}; the body is the data. */
    ECHO_REQUEST(128, Echo.FIXED_LENGTH, Echo.LAYER),
    /** Type 129, {@link EchoLayout}; the body is the data. */
    ECHO_REPLY(129, Echo.FIXED_LENGTH, Echo.LAYER),
    /** Type 130 in 24 bytes: an MLDv1 query, {@link io.zerowire.protocols.icmpv6.mld.MldLayout}. */
    MLD_QUERY(130, Mld.FIXED_LENGTH, Mld.LAYER),
    /** Type 130 in 28 bytes or more: an MLDv2 query; the body holds the sources. */
    MLDV2_QUERY(130, Mldv2Query.FIXED_LENGTH, Mldv2Query.LAYER),
    /** Type 131, an MLDv1 report, {@link io.zerowire.protocols.icmpv6.mld.MldLayout}. */
    MLD_REPORT(131, Mld.FIXED_LENGTH, Mld.LAYER),
    /** Type 132, an MLDv1 done, {@link io.zerowire.protocols.icmpv6.mld.MldLayout}. */
    MLD_DONE(132, Mld.FIXED_LENGTH, Mld.LAYER),
    /** Type 133; the body holds the NDP options. */
    ROUTER_SOLICITATION(133, RouterSolicitation.FIXED_LENGTH, RouterSolicitation.LAYER),
    /** Type 134; the body holds the NDP options. */
    ROUTER_ADVERTISEMENT(134, RouterAdvertisement.FIXED_LENGTH, RouterAdvertisement.LAYER),
    /** Type 135; the body holds the NDP options. */
    NEIGHBOR_SOLICITATION(135, NeighborSolicitation.FIXED_LENGTH, NeighborSolicitation.LAYER),
    /** Type 136; the body holds the NDP options. */
    NEIGHBOR_ADVERTISEMENT(136, NeighborAdvertisement.FIXED_LENGTH, NeighborAdvertisement.LAYER),
    /** Type 137; the body holds the NDP options. */
    REDIRECT(137, Redirect.FIXED_LENGTH, Redirect.LAYER),
    /** Type 143; the body holds the multicast address records. */
    MLDV2_REPORT(143, Mldv2Report.FIXED_LENGTH, Mldv2Report.LAYER),
    /** Any other type: only the common header is parsed, the body is the rest. */
    OTHER(-1, 0, Icmpv6Header.LAYER);

    private static final Icmpv6Message[] BY_TYPE = new Icmpv6Message[256];

    static {
        java.util.Arrays.fill(BY_TYPE, OTHER);
        for (Icmpv6Message m : values()) {
            if (m.type >= 0 && m != MLDV2_QUERY) {
                BY_TYPE[m.type] = m;
            }
        }
    }

    private final int type;
    private final int fixedLength;
    private final String layer;

    Icmpv6Message(int type, int fixedLength, String layer) {
        this.type = type;
        this.fixedLength = fixedLength;
        this.layer = layer;
    }

    /** The message for a type number, with MLD queries as {@link #MLD_QUERY} (the length decides). */
    static Icmpv6Message ofType(int type) {
        return BY_TYPE[type & 0xFF];
    }

    /** The ICMPv6 type number, or -1 for {@link #OTHER}. */
    public int type() {
        return type;
    }

    /** Bytes of the message's fixed fields after the 4-byte common header. */
    public int fixedLength() {
        return fixedLength;
    }

    /** The layer name of the message's layout, as parse errors name it. */
    public String layer() {
        return layer;
    }

    /** Whether it is an error message that quotes the invoking packet (types 1 to 4). */
    public boolean isError() {
        return type >= 1 && type <= 4;
    }

    /** Whether it is an NDP message (types 133 to 137), whose body holds NDP options. */
    public boolean isNdp() {
        return type >= 133 && type <= 137;
    }

    /** Whether it is an MLD message of either version (types 130 to 132 and 143). */
    public boolean isMld() {
        return (type >= 130 && type <= 132) || type == 143;
    }
}
