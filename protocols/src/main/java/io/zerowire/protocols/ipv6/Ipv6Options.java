package io.zerowire.protocols.ipv6;

import io.zerowire.options.OptionFormat;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.options.OptionsIterator;
import java.util.Objects;

/**
 * The options of the Hop-by-Hop and Destination Options headers (RFC 8200 section 4.2): their
 * types, the action a node takes on a type it does not understand, allocation-free typed readers
 * over a validated {@link OptionsIterator}, and writers that keep each option at its alignment.
 *
 * <p>The two high bits of an option type say what a node that does not recognise it must do
 * ({@link #action}); the third says whether the option's data may change en route ({@link #mayChange}).
 * {@link Ipv6Packet} acts on them while parsing.
 *
 * <pre>{@code
 * OptionsIterator options = hopByHop.options();
 * while (options.next()) {
 *     if (options.kind() == Ipv6Options.ROUTER_ALERT) {
 *         int value = Ipv6Options.routerAlert(options);    // 0: MLD
 *     }
 * }
 *
 * OptionsBuilder hbh = new OptionsBuilder(Ipv6OptionFormat.FORMAT);
 * Ipv6Options.addRouterAlert(hbh, Ipv6Options.ROUTER_ALERT_MLD);   // padded to a multiple of 8 when written
 * }</pre>
 */
public final class Ipv6Options {
    /** Pad1 (0): one byte of padding, without a length. */
    public static final int PAD1 = 0;
    /** PadN (1): two or more bytes of padding. */
    public static final int PADN = 1;
    /** Router Alert (5, RFC 2711): routers should examine the packet; a 2-byte value. */
    public static final int ROUTER_ALERT = 5;
    /** Jumbo Payload (0xC2, RFC 2675): the packet's length beyond 65,535 bytes; a 4-byte value. */
    public static final int JUMBO_PAYLOAD = 0xC2;

    /** Router Alert value 0: the datagram contains a Multicast Listener Discovery message. */
    public static final int ROUTER_ALERT_MLD = 0;
    /** Router Alert value 1: the datagram contains an RSVP message. */
    public static final int ROUTER_ALERT_RSVP = 1;
    /** Router Alert value 2: the datagram contains an Active Networks message. */
    public static final int ROUTER_ALERT_ACTIVE_NETWORKS = 2;

    /** Action 0 for an unrecognised option: skip it and continue. */
    public static final int ACTION_SKIP = 0;
    /** Action 1: discard the packet silently. */
    public static final int ACTION_DISCARD = 1;
    /** Action 2: discard the packet and send a parameter problem (code 2), even to a multicast destination. */
    public static final int ACTION_DISCARD_AND_REPORT = 2;
    /** Action 3: discard the packet and send a parameter problem (code 2) unless the destination is multicast. */
    public static final int ACTION_DISCARD_AND_REPORT_UNLESS_MULTICAST = 3;

    /** The option format of both headers. */
    public static final OptionFormat FORMAT = Ipv6OptionFormat.FORMAT;

    /** Bytes before the option region of a Hop-by-Hop or Destination Options header (next header and length). */
    static final int REGION_START = 2;

    private static final byte[] ZEROS = new byte[8];

    private Ipv6Options() {}

    /** What a node that does not recognise option {@code type} must do: one of the {@code ACTION_} constants. */
    public static int action(int type) {
        return (type >>> 6) & 0x3;
    }

    /** Whether the data of option {@code type} may change on the way to the destination (its third bit). */
    public static boolean mayChange(int type) {
        return (type & 0x20) != 0;
    }

    /**
     * The Router Alert value of the current option (0 MLD, 1 RSVP, 2 Active Networks), or -1 if it
     * is not a Router Alert with a 2-byte value.
     */
    public static int routerAlert(OptionsIterator options) {
        if (options.kind() != ROUTER_ALERT || options.valueLength() != 2) {
            return -1;
        }
        return options.valueU16(0);
    }

    /**
     * The Jumbo Payload Length of the current option (bytes after the fixed IPv6 header), or -1 if
     * it is not a Jumbo Payload option with a 4-byte value.
     */
    public static long jumboPayloadLength(OptionsIterator options) {
        if (options.kind() != JUMBO_PAYLOAD || options.valueLength() != 4) {
            return -1;
        }
        return options.valueU32(0);
    }

    /**
     * Adds a Router Alert option, after Pad1/PadN padding that puts it at its 2n alignment (RFC 2711)
     * in a header whose options start two bytes in.
     *
     * @return {@code options}
     * @throws IllegalArgumentException if {@code value} does not fit in 16 bits or {@code options}
     *     is not in {@link #FORMAT}
     */
    public static OptionsBuilder addRouterAlert(OptionsBuilder options, int value) {
        checkFormat(options);
        if ((value & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("a Router Alert value is 16 bits, was " + value);
        }
        align(options, 2, 0);
        return options.addU16(ROUTER_ALERT, value);
    }

    /**
     * Adds a Jumbo Payload option, after Pad1/PadN padding that puts it at its 4n+2 alignment
     * (RFC 2675) in a header whose options start two bytes in. {@link Ipv6PacketBuilder} fills in
     * the length of a jumbogram it builds, so {@code length} may be a placeholder there.
     *
     * @param length the Jumbo Payload Length, 0 to 2^32 - 1
     * @return {@code options}
     * @throws IllegalArgumentException if {@code length} does not fit in 32 bits or {@code options}
     *     is not in {@link #FORMAT}
     */
    public static OptionsBuilder addJumboPayload(OptionsBuilder options, long length) {
        checkFormat(options);
        if ((length & ~0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("a Jumbo Payload Length is 32 bits, was " + length);
        }
        align(options, 4, 2);
        return options.addU32(JUMBO_PAYLOAD, length);
    }

    /**
     * Adds padding so that the next option starts at {@code multiple * n + remainder} bytes from the
     * start of its header: Pad1 for one byte, PadN for more (RFC 8200 section 4.2).
     */
    static void align(OptionsBuilder options, int multiple, int remainder) {
        int position = REGION_START + options.encodedLength();
        int pad = Math.floorMod(remainder - position, multiple);
        if (pad == 1) {
            options.addSingleByte(PAD1);
        } else if (pad > 1) {
            options.add(PADN, ZEROS, 0, pad - 2);
        }
    }

    private static void checkFormat(OptionsBuilder options) {
        Objects.requireNonNull(options, "options");
        if (options.format() != FORMAT) {
            throw new IllegalArgumentException("options in " + options.format().name()
                    + ", not the IPv6 extension header format");
        }
    }
}
