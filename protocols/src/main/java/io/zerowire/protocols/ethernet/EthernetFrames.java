package io.zerowire.protocols.ethernet;

import io.zerowire.buffer.Bytes;
import io.zerowire.parse.BufferView;
import io.zerowire.parse.ParseException;

/**
 * Parsing rules of Ethernet II that a layout cannot say, around the generated {@link Ethernet} and
 * {@link VlanTag} views.
 *
 * <ul>
 *   <li>A type field of at most 1500 is an IEEE 802.3 length, not an EtherType: such a frame (LLC,
 *       SNAP, STP, ...) is rejected with an {@link io.zerowire.parse.ParseErrorKind#UNSUPPORTED
 *       UNSUPPORTED} {@link ParseException} on field {@code etherType}: it is a valid frame of a
 *       format this module does not parse, not a broken one.
 *   <li>{@link MinimumLength#CHECK} rejects a frame shorter than {@link #MIN_FRAME_LENGTH} bytes
 *       (without FCS) as {@code MALFORMED}; captures of a sending host often hold shorter frames, because
 *       the NIC pads after the capture point, so the default is {@link MinimumLength#IGNORE}.
 * </ul>
 *
 * Both checks run before the view is moved, so a failed parse leaves the buffer and the view as they were.
 *
 * <pre>{@code
 * Ethernet eth = EthernetFrames.wrap(new Ethernet(), buffer, MinimumLength.IGNORE);
 * EtherType type = eth.etherType();
 * VlanTag tag = new VlanTag();
 * while (type.isTag()) {
 *     type = EthernetFrames.wrapTag(tag, buffer).etherType();   // one tag at a time
 * }
 * }</pre>
 */
public final class EthernetFrames {
    /** The smallest Ethernet frame without its frame check sequence: 60 bytes. */
    public static final int MIN_FRAME_LENGTH = 60;

    /** Whether {@link #wrap} checks the 60-byte minimum frame length. */
    public enum MinimumLength {
        /** Accept short frames (what a capture on the sending host holds). */
        IGNORE,
        /** Reject frames shorter than {@link #MIN_FRAME_LENGTH} as {@code MALFORMED}. */
        CHECK
    }

    private EthernetFrames() {}

    /** Parses an Ethernet II header into a new view, without the minimum-length check. */
    public static Ethernet parse(BufferView buffer) throws ParseException {
        return wrap(new Ethernet(), buffer, MinimumLength.IGNORE);
    }

    /**
     * Points {@code view} at the Ethernet II header at the front of {@code buffer} and consumes it.
     *
     * @throws ParseException {@code MALFORMED} if shorter than the header (or than 60 bytes under
     *     {@link MinimumLength#CHECK}); {@code UNSUPPORTED} on field {@code etherType} for an 802.3 length
     */
    public static Ethernet wrap(Ethernet view, BufferView buffer, MinimumLength minimum) throws ParseException {
        int available = buffer.remaining();
        if (minimum == MinimumLength.CHECK && available < MIN_FRAME_LENGTH) {
            throw ParseException.malformed(Ethernet.LAYER, "", buffer.position(),
                    "frame of %d bytes is shorter than the 60-byte minimum", available);
        }
        if (available >= Ethernet.FIXED_LENGTH) {
            checkType(buffer, Ethernet.ETHER_TYPE_OFFSET, Ethernet.LAYER);
        }
        return view.wrap(buffer);
    }

    /**
     * Points {@code view} at the VLAN tag at the front of {@code buffer} (after a type for which
     * {@link EtherType#isTag()}) and consumes it.
     *
     * @throws ParseException {@code MALFORMED} if shorter than 4 bytes; {@code UNSUPPORTED} if the
     *     inner type is an 802.3 length
     */
    public static VlanTag wrapTag(VlanTag view, BufferView buffer) throws ParseException {
        if (buffer.remaining() >= VlanTag.FIXED_LENGTH) {
            checkType(buffer, VlanTag.ETHER_TYPE_OFFSET, VlanTag.LAYER);
        }
        return view.wrap(buffer);
    }

    private static void checkType(BufferView buffer, int offset, String layer) throws ParseException {
        int type = Bytes.u16(buffer.array(), buffer.bodyStart() + offset);
        if (type <= EtherType.MAX_LENGTH) {
            throw ParseException.unsupported(layer, "etherType", buffer.position() + offset,
                    "802.3 length %d, not an EtherType: only Ethernet II is supported", type);
        }
    }
}
