package io.zerowire.protocols.arp;

import io.zerowire.buffer.Bytes;
import io.zerowire.parse.BufferView;
import io.zerowire.parse.ParseException;

/**
 * Parsing rules of ARP around the generated {@link Arp} view that a layout cannot say.
 *
 * <ul>
 *   <li>A packet for another hardware type, protocol type or address lengths is a valid ARP packet
 *       this module does not parse, reported as an {@code UNSUPPORTED} {@link ParseException} naming
 *       the field, before the view or buffer change (the view alone would call it {@code MALFORMED}).
 *   <li>The bytes after the 28 of an ARP packet are link padding and move into the buffer's suffix.
 * </ul>
 *
 * <pre>{@code
 * Arp arp = ArpPackets.wrap(new Arp(), buffer);      // after EthernetFrames.wrap(...) saw EtherType.ARP
 * if (arp.operation().equals(ArpOperation.REQUEST) && arp.targetProtocolAddress().equals(me)) {
 *     PacketBuffer reply = Serializer.of(new byte[0])
 *             .encapsulate(new ArpBuilder().operation(ArpOperation.REPLY)
 *                     .senderHardwareAddress(myMac).senderProtocolAddress(me)
 *                     .targetHardwareAddress(arp.senderHardwareAddress())
 *                     .targetProtocolAddress(arp.senderProtocolAddress()))
 *             .encapsulate(new EthernetBuilder().destination(arp.senderHardwareAddress())
 *                     .source(myMac).etherType(EtherType.ARP))  // padded to 60 bytes
 *             .serialize();
 * }
 * }</pre>
 */
public final class ArpPackets {
    /** Hardware type of Ethernet. */
    public static final int HARDWARE_TYPE_ETHERNET = 1;
    /** Protocol type of IPv4 (its EtherType). */
    public static final int PROTOCOL_TYPE_IPV4 = 0x0800;

    private ArpPackets() {}

    /** Parses an ARP-for-IPv4-over-Ethernet packet into a new view. */
    public static Arp parse(BufferView buffer) throws ParseException {
        return wrap(new Arp(), buffer);
    }

    /**
     * Points {@code view} at the ARP packet at the front of {@code buffer} and consumes its 28 bytes
     * into the prefix. Anything after them is link padding (ARP has no length field, and an Ethernet
     * frame carrying one is at least 60 bytes): it moves into the suffix, so the body is empty and a
     * reply built with {@code encapsulate} pads itself again; {@code view.undoParse(buffer)} gives
     * both back.
     *
     * @throws ParseException {@code MALFORMED} when shorter than 28 bytes, {@code UNSUPPORTED} for
     *     another hardware type, protocol type or address length
     */
    public static Arp wrap(Arp view, BufferView buffer) throws ParseException {
        if (buffer.remaining() >= 6) {
            byte[] a = buffer.array();
            int at = buffer.bodyStart();
            int position = buffer.position();
            int hardware = Bytes.u16(a, at);
            if (hardware != HARDWARE_TYPE_ETHERNET) {
                throw ParseException.unsupported(Arp.LAYER, "hardwareType", position,
                        "hardware type %d: only Ethernet (1) is supported", hardware);
            }
            int protocol = Bytes.u16(a, at + 2);
            if (protocol != PROTOCOL_TYPE_IPV4) {
                throw ParseException.unsupported(Arp.LAYER, "protocolType", position + 2,
                        "protocol type 0x%04x: only IPv4 (0x0800) is supported", protocol);
            }
            if ((a[at + 4] & 0xFF) != 6) {
                throw ParseException.unsupported(Arp.LAYER, "hardwareLength", position + 4,
                        "hardware address length %d: Ethernet's is 6", a[at + 4] & 0xFF);
            }
            if ((a[at + 5] & 0xFF) != 4) {
                throw ParseException.unsupported(Arp.LAYER, "protocolLength", position + 5,
                        "protocol address length %d: IPv4's is 4", a[at + 5] & 0xFF);
            }
        }
        view.wrap(buffer);
        // The view reports the padding as its body; it is not ARP's, so it goes to the suffix.
        buffer.takeBack(buffer.remaining());
        return view;
    }
}
