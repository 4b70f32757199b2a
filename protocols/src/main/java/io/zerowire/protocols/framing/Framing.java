package io.zerowire.protocols.framing;

import io.zerowire.parse.BufferView;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ethernet.EtherType;

/**
 * What comes before the network layer in a captured record, by pcap link type: an Ethernet header,
 * nothing (raw IP), a Linux cooked capture header (v1 or v2) or a BSD loopback family word. Other
 * link types are not guessed: {@link #ofLinkType} returns null for them.
 *
 * <pre>{@code
 * Framing framing = Framing.ofLinkType(record.linkType().value());
 * }</pre>
 */
public enum Framing {
    /** Link type 1: an Ethernet II header, maybe with VLAN tags ({@code io.zerowire.protocols.ethernet}). */
    ETHERNET,
    /** Link type 101: the IP header first; its version nibble tells IPv4 from IPv6. */
    RAW_IP,
    /** Link type 228: an IPv4 header first. */
    RAW_IPV4,
    /** Link type 229: an IPv6 header first. */
    RAW_IPV6,
    /** Link type 113: a {@link LinuxSllLayout} header. */
    LINUX_SLL,
    /** Link type 276: a {@link LinuxSll2Layout} header. */
    LINUX_SLL2,
    /** Link type 0: a {@link LoopbackLayout} family word. */
    LOOPBACK;

    /** The framing of pcap link type {@code linkType}, or null for a link type Zerowire does not parse. */
    public static Framing ofLinkType(int linkType) {
        switch (linkType) {
            case 0:
                return LOOPBACK;
            case 1:
                return ETHERNET;
            case 101:
                return RAW_IP;
            case 228:
                return RAW_IPV4;
            case 229:
                return RAW_IPV6;
            case 113:
                return LINUX_SLL;
            case 276:
                return LINUX_SLL2;
            default:
                return null;
        }
    }

    /**
     * The EtherType of the raw IP packet at the front of {@code buffer} for a raw IP framing: from
     * its version nibble under {@link #RAW_IP}; under {@link #RAW_IPV4} and {@link #RAW_IPV6} the
     * link type decides and the nibble must agree.
     *
     * @throws ParseException {@code MALFORMED} if the buffer is empty or the version contradicts the
     *     link type, {@code UNSUPPORTED} for a version other than 4 and 6 under {@link #RAW_IP}
     * @throws IllegalStateException if this framing is not a raw IP one
     */
    public EtherType rawIpType(BufferView buffer) throws ParseException {
        String layer = this == RAW_IPV6 ? "ipv6" : "ipv4";
        if (buffer.remaining() < 1) {
            throw ParseException.malformed(layer, "version", buffer.position(), "empty packet");
        }
        int version = buffer.peekU8(0) >>> 4;
        switch (this) {
            case RAW_IP:
                if (version == 4) {
                    return EtherType.IPV4;
                }
                if (version == 6) {
                    return EtherType.IPV6;
                }
                throw ParseException.unsupported(layer, "version", buffer.position(), "IP version %d", version);
            case RAW_IPV4:
            case RAW_IPV6:
                int expected = this == RAW_IPV4 ? 4 : 6;
                if (version != expected) {
                    throw ParseException.malformed(layer, "version", buffer.position(),
                            "version %d in a raw IPv%d capture", version, expected);
                }
                return expected == 4 ? EtherType.IPV4 : EtherType.IPV6;
            default:
                throw new IllegalStateException(this + " is not a raw IP framing");
        }
    }

    /**
     * The EtherType of the packet after a loopback header whose family reads {@code family} in
     * little-endian order; a big-endian capture's family is recognised byte-swapped.
     *
     * @throws ParseException {@code UNSUPPORTED} for a family other than IPv4 and IPv6
     */
    public static EtherType loopbackType(long family, int position) throws ParseException {
        long value = family > 0xFFFF ? Integer.toUnsignedLong(Integer.reverseBytes((int) family)) : family;
        if (value == 2) {
            return EtherType.IPV4;
        }
        if (value == 24 || value == 28 || value == 30) {
            return EtherType.IPV6;
        }
        throw ParseException.unsupported("null", "family", position, "address family %d", value);
    }
}
