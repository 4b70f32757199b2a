package io.zerowire.protocols.ipv6;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.buffer.ParseMetadata;
import io.zerowire.ip.Ipv6;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.BufferView;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.IpPacket;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ip.ParameterProblemException;
import io.zerowire.protocols.ip.PseudoHeaderAddresses;
import java.util.Objects;

/**
 * An IPv6 packet (RFC 8200) with its extension header chain, parsed down to the upper-layer
 * payload: a reusable view, so that a parse loop allocates nothing.
 *
 * <p>{@link #wrap} parses the fixed header through the generated {@link Ipv6Header} view, checks the
 * payload length against the buffer (link padding after the packet goes into the buffer's suffix),
 * then walks the extension headers, each through its generated view, and acts on them as RFC 8200
 * asks of a destination. It consumes every header, so that the buffer's body is the upper-layer
 * payload; if anything is wrong it throws and leaves the buffer, and this view, as they were.
 *
 * <h2>The walk</h2>
 * <ul>
 *   <li><b>Hop-by-Hop Options</b> (0), only right after the fixed header; anywhere else it is a
 *       {@link ParameterProblemException} code 1 (unrecognized next header) pointing at the next
 *       header field that names it.
 *   <li><b>Options</b> of Hop-by-Hop and Destination Options headers: Pad1 and PadN everywhere,
 *       Router Alert and Jumbo Payload in the Hop-by-Hop header, are understood. Any other option
 *       acts by the two high bits of its type (RFC 8200 section 4.2): 00 skip; 01 discard
 *       ({@code mayRespond() == false}); 10 discard and report; 11 discard and report unless the
 *       destination is multicast. A report is code 2 pointing at the option's type byte.
 *   <li><b>Jumbograms</b> (RFC 2675): a payload length of 0 with a Hop-by-Hop header takes the
 *       packet's length from the Jumbo Payload option, which must then be present, exceed 65,535
 *       and fit the buffer; a Jumbo Payload option with a non-zero payload length, a second one, or
 *       a Fragment header in a jumbogram are code 0 problems at the places RFC 2675 names.
 *   <li><b>Routing</b> (43): type 0 (RFC 2460 section 4.4, read for dissection although RFC 5095
 *       deprecates it) and the Segment Routing Header (type 4, RFC 8754) are parsed, and with
 *       segments left they are checked as their RFCs ask (code 0 at the header extension length or
 *       segments left). Any other type with segments left is a code 0 problem pointing at the
 *       routing type (RFC 8200 section 4.4); with none left it is skipped. The last address of a
 *       type 0 header, or entry 0 of a segment list, becomes the {@linkplain #pseudoHeaderDestination()
 *       pseudo-header destination} when segments are left.
 *   <li><b>Fragment</b> (44): a real fragment (offset or M set) ends the walk; its next header is
 *       the {@linkplain #transportProtocol() transport protocol}, {@link #isFragment()} is true and
 *       the payload is the fragment's data. A fragment with M set must carry a multiple of 8 bytes
 *       (code 0 at the payload length) and must not reassemble beyond 65,535 bytes (code 0 at the
 *       fragment offset). An atomic fragment (offset 0, M clear, RFC 6946) is a whole packet: the
 *       walk continues.
 *   <li><b>Destination Options</b> (60), any number of times.
 *   <li><b>Unsupported extension headers</b>: the other registered ones that this walk cannot
 *       step over — Mobility (135), HIP (139), Shim6 (140) and the experimental 253 and 254 — are
 *       code 1 problems pointing at the next header field that names them.
 *   <li>Every other value ends the walk as the upper-layer protocol: TCP, UDP, ICMPv6, No Next
 *       Header (59), ESP (50) and AH (51), which IPsec processes, tunnelled IPv4 and IPv6, and
 *       protocols this module does not know.
 *   <li>At most {@value #MAX_EXTENSION_HEADERS} extension headers: one more is an
 *       {@code UNSUPPORTED} {@link ParseException} on the next header field naming it, so a hostile
 *       chain of thousands of empty headers costs a bounded walk.
 * </ul>
 *
 * <p>{@link #wrapQuoted} reads the invoking packet that an ICMPv6 error quotes, which may be cut short,
 * for its structure only: none of the rules above that ask a destination to act applies to it.
 *
 * <p>Parameter problems carry the ICMPv6 code and the pointer from the start of the IPv6 header;
 * their {@code kind()} is {@code MALFORMED} for an erroneous field and {@code UNSUPPORTED} for an
 * unrecognized next header, option or routing type. Structural errors that RFC 8200 does not ask
 * to report (a header running past the payload, a malformed option list) are plain
 * {@code MALFORMED} parse errors from the generated views.
 *
 * <pre>{@code
 * Ipv6Packet ip = new Ipv6Packet();                  // keep it, wrap it for every packet
 * try {
 *     ip.wrap(buffer);                               // buffer's body is now the upper-layer payload
 *     if (!ip.isFragment() && ip.transportProtocol().equals(IpProtocol.UDP)) {
 *         UdpV6 udp = UdpV6.parse(buffer, ip.source(), ip.pseudoHeaderDestination());
 *     }
 *     HopByHopOptions hbh = ip.hopByHopOptions();   // null without one
 *     int alert = ip.routerAlert();                  // 0 for MLD, -1 without a Router Alert
 * } catch (ParameterProblemException e) {
 *     if (e.mayRespond()) {
 *         sendParameterProblem(e.code(), e.pointer());
 *     }
 * }
 * }</pre>
 */
public final class Ipv6Packet implements IpPacket<Ipv6> {
    /** The most extension headers {@link #wrap} walks. */
    public static final int MAX_EXTENSION_HEADERS = io.zerowire.protocols.ParseLimits.EXTENSION_HEADERS;

    /** Next header Hop-by-Hop Options (0). */
    public static final int HOP_BY_HOP = 0;
    /** Next header Routing (43). */
    public static final int ROUTING = 43;
    /** Next header Fragment (44). */
    public static final int FRAGMENT = 44;
    /** Next header Destination Options (60). */
    public static final int DESTINATION_OPTIONS = 60;
    /** Next header Mobility (135, RFC 6275): an extension header this walk does not step over. */
    public static final int MOBILITY = 135;
    /** Next header Host Identity Protocol (139, RFC 7401): not stepped over. */
    public static final int HIP = 139;
    /** Next header Shim6 (140, RFC 5533): not stepped over. */
    public static final int SHIM6 = 140;
    /** Next header 253, for experimentation (RFC 3692): not stepped over. */
    public static final int EXPERIMENTAL_253 = 253;
    /** Next header 254, for experimentation (RFC 3692): not stepped over. */
    public static final int EXPERIMENTAL_254 = 254;

    /** The layer name in parse errors. */
    public static final String LAYER = Ipv6Header.LAYER;

    /**
     * Byte offset of the 13-bit fragment offset field in a Fragment header: the processor generates
     * offset constants for whole-byte fields only, and this one starts mid-word.
     */
    private static final int FRAGMENT_OFFSET_FIELD = 2;

    private final ChainCursor cursor = new ChainCursor();
    // Two chains: the walk fills the spare one and the views swap on success, so a failed wrap
    // leaves the views of the last good packet untouched.
    private final Chain[] chains = {new Chain(), new Chain()};
    /** Index of the current chain: flipping an int spares the reference stores (GC write barriers) of a swap. */
    private int currentIndex;

    /** An empty view, for reuse: {@link #wrap} it before reading. */
    public Ipv6Packet() {}

    /**
     * Parses the packet at the front of {@code buffer} into a new view.
     *
     * @throws ParseException as {@link #wrap}
     */
    public static Ipv6Packet parse(BufferView buffer) throws ParseException {
        return new Ipv6Packet().wrap(buffer);
    }

    /**
     * Whether {@code nextHeader} is an extension header that {@link #wrap} steps over: Hop-by-Hop,
     * Routing, Fragment or Destination Options.
     */
    public static boolean isExtensionHeader(int nextHeader) {
        return nextHeader == HOP_BY_HOP || nextHeader == ROUTING || nextHeader == FRAGMENT
                || nextHeader == DESTINATION_OPTIONS;
    }

    /**
     * Whether {@code nextHeader} is a registered extension header that {@link #wrap} rejects as an
     * unrecognized next header: Mobility, HIP, Shim6, 253 and 254.
     */
    public static boolean isUnsupportedExtensionHeader(int nextHeader) {
        return nextHeader == MOBILITY || nextHeader == HIP || nextHeader == SHIM6 || nextHeader == EXPERIMENTAL_253
                || nextHeader == EXPERIMENTAL_254;
    }

    /**
     * Points this view at the IPv6 packet at the front of {@code buffer}, validates it and its
     * extension header chain, and consumes every header (and any link padding after the packet),
     * so that the buffer's body is the upper-layer payload.
     *
     * @return this view
     * @throws ParameterProblemException for the problems RFC 8200, RFC 2675, RFC 2460 (type 0) and
     *     RFC 8754 ask a destination to report (see the class documentation)
     * @throws ParseException for anything else that is not a valid packet: too short, version not 6,
     *     a length that runs past the buffer, a malformed option list, too many extension headers;
     *     the buffer and this view are then unchanged
     */
    public Ipv6Packet wrap(BufferView buffer) throws ParseException {
        return wrap(buffer, false);
    }

    /**
     * Parses the packet quoted by an ICMPv6 error message into a new view; see {@link #wrapQuoted}.
     *
     * @throws ParseException as {@link #wrapQuoted}
     */
    public static Ipv6Packet parseQuoted(BufferView buffer) throws ParseException {
        return new Ipv6Packet().wrapQuoted(buffer);
    }

    /**
     * Points this view at the invoking packet that an ICMPv6 error message quotes (RFC 4443 section
     * 2.4), which may be cut short: the payload length (or Jumbo Payload Length) may claim more than
     * the buffer holds, and the payload is then what it holds. The chain is walked for its structure
     * only, since this node is not the packet's destination: no option, routing or fragment rule
     * raises a parameter problem, and a next header the walk cannot step over (an unsupported
     * extension header, or a misplaced Hop-by-Hop header) ends it as the {@link #transportProtocol()}.
     * The fixed header and every extension header walked must be whole.
     *
     * @return this view
     * @throws ParseException if the fixed header or an extension header is cut short or malformed,
     *     or the chain is longer than {@value #MAX_EXTENSION_HEADERS}; the buffer and this view are
     *     then unchanged
     */
    public Ipv6Packet wrapQuoted(BufferView buffer) throws ParseException {
        return wrap(buffer, true);
    }

    private Ipv6Packet wrap(BufferView buffer, boolean quoted) throws ParseException {
        Chain chain = chains[currentIndex ^ 1];
        chain.walk(buffer, cursor, quoted);
        // The whole chain is valid: now move the caller's buffer, which cannot fail.
        buffer.takeFront(chain.headerLength);
        buffer.takeBack(buffer.remaining() - chain.payloadLength);
        currentIndex ^= 1;
        return this;
    }

    /** The chain of the last good packet. */
    private Chain current() {
        return chains[currentIndex];
    }

    // --- IpPacket -----------------------------------------------------------------------------

    @Override
    public Ipv6 version() {
        return Ipv6.INSTANCE;
    }

    @Override
    public Ipv6Address source() {
        return current().header.source();
    }

    @Override
    public Ipv6Address destination() {
        return current().header.destination();
    }

    /**
     * The final destination when a Routing header has segments left (the last address of a type 0
     * header, entry 0 of a segment list), otherwise {@link #destination()} (RFC 8200 section 8.1).
     */
    @Override
    public Ipv6Address pseudoHeaderDestination() {
        return Ipv6Address.read(current().array, current().pseudoDestination);
    }

    @Override
    public void pseudoHeaderAddresses(PseudoHeaderAddresses into) {
        into.setIpv6(current().array, sourceOffset(), current().pseudoDestination);
    }

    /**
     * The next header that ended the walk: the upper-layer protocol, or for a fragment the first
     * header of its fragmentable part. A known protocol is returned without allocating.
     */
    @Override
    public IpProtocol transportProtocol() {
        return IpProtocol.of(current().upper);
    }

    @Override
    public int hopLimit() {
        return current().header.hopLimit();
    }

    /** Whether a Fragment header with a non-zero offset or the M flag ended the walk. */
    @Override
    public boolean isFragment() {
        return current().fragmented;
    }

    /** Bytes of the fixed header and every extension header walked. */
    @Override
    public int headerLength() {
        return current().headerLength;
    }

    /**
     * Bytes after the headers: what the upper layer parses, or a fragment's data. For a jumbogram,
     * from the Jumbo Payload Length; without link padding.
     */
    @Override
    public int payloadLength() {
        return current().payloadLength;
    }

    // --- the fixed header and the chain ---------------------------------------------------------

    /** The fixed header's view: every field, and setters (such as the hop limit) that edit it in place. */
    public Ipv6Header header() {
        return current().header;
    }

    /** The number behind {@link #transportProtocol()}, without allocating. */
    @Override
    public int transportProtocolValue() {
        return current().upper;
    }

    /** How many extension headers the walk went through, 0 to {@value #MAX_EXTENSION_HEADERS}. */
    public int extensionHeaderCount() {
        return current().count;
    }

    /**
     * The type of extension header {@code i} (0 is the one after the fixed header): one of the
     * named {@link IpProtocol} constants, returned without allocating.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #extensionHeaderCount()}
     */
    public IpProtocol extensionHeaderType(int i) {
        return IpProtocol.of(extensionHeaderTypeValue(i));
    }

    /**
     * The next header value of extension header {@code i}.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #extensionHeaderCount()}
     */
    public int extensionHeaderTypeValue(int i) {
        Objects.checkIndex(i, current().count);
        return current().types[i];
    }

    /**
     * Array index of the first byte of extension header {@code i}.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #extensionHeaderCount()}
     */
    public int extensionHeaderOffset(int i) {
        Objects.checkIndex(i, current().count);
        return current().starts[i];
    }

    /**
     * Bytes of extension header {@code i}.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #extensionHeaderCount()}
     */
    public int extensionHeaderLength(int i) {
        Objects.checkIndex(i, current().count);
        return current().lengths[i];
    }

    /** The Hop-by-Hop Options header, or null without one. */
    public HopByHopOptions hopByHopOptions() {
        return current().hasHopByHop ? current().hopByHop : null;
    }

    /** The last Destination Options header, or null without one. */
    public DestinationOptions destinationOptions() {
        return current().hasDestinationOptions ? current().destinationOptions : null;
    }

    /** The last Routing header, of any type, or null without one. */
    public RoutingHeader routingHeader() {
        return current().hasRouting ? current().routing : null;
    }

    /** The last Routing header if it is of type 0, or null; read its addresses with {@link RoutingHeaders}. */
    public Type0RoutingHeader type0RoutingHeader() {
        return current().hasType0 ? current().type0 : null;
    }

    /**
     * The last Routing header if it is a Segment Routing Header (type 4), or null; read its segments
     * with {@link RoutingHeaders} and its TLVs with {@link #segmentRoutingTlvs()}.
     */
    public SegmentRoutingHeader segmentRoutingHeader() {
        return current().hasSegmentRouting ? current().segmentRouting : null;
    }

    /**
     * The TLVs of {@link #segmentRoutingHeader()}, positioned before the first: an empty iterator
     * without a Segment Routing Header or when its TLVs are not well formed
     * ({@link #segmentRoutingTlvsValid()}).
     */
    public OptionsIterator segmentRoutingTlvs() {
        if (!current().hasSegmentRouting) {
            // Emptied here rather than on every walk: most packets carry no Segment Routing Header.
            current().srhTlvs.resetValidated(Chain.EMPTY, 0, 0, RoutingHeaders.SRH_TLV_FORMAT);
        }
        current().srhTlvs.rewind();
        return current().srhTlvs;
    }

    /**
     * Whether the Segment Routing Header's segment list fits it and its TLVs parse; false without
     * one. A Segment Routing Header whose TLVs do not parse is not a parse error (RFC 8754 leaves
     * TLV processing to the segment endpoint's configuration).
     */
    public boolean segmentRoutingTlvsValid() {
        return current().srhTlvsValid;
    }

    /** The Fragment header (the last one, which ends the walk when it is a real fragment), or null. */
    public FragmentHeader fragmentHeader() {
        return current().hasFragment ? current().fragment : null;
    }

    /** Whether the payload length came from a Jumbo Payload option (RFC 2675). */
    public boolean isJumbogram() {
        return current().jumbo >= 0;
    }

    /** The Jumbo Payload Length (bytes after the fixed header), or -1 if this is not a jumbogram. */
    public long jumboPayloadLength() {
        return current().jumbo;
    }

    /** The value of the Hop-by-Hop header's Router Alert option (0: MLD), or -1 without one. */
    public int routerAlert() {
        return current().routerAlert;
    }

    // --- where the packet is ------------------------------------------------------------------

    /** The array holding the packet. */
    public byte[] array() {
        return current().array;
    }

    /** Array index of the fixed header's first byte. */
    public int offset() {
        return current().start;
    }

    /** Array index of the first payload byte, after every header. */
    public int payloadOffset() {
        return current().start + current().headerLength;
    }

    /** Array index of the source address, for allocation-free pseudo-header checksums. */
    public int sourceOffset() {
        return current().start + Ipv6Header.SOURCE_OFFSET;
    }

    /** Array index of the fixed header's destination address. */
    public int destinationOffset() {
        return current().start + Ipv6Header.DESTINATION_OFFSET;
    }

    /** Array index of {@link #pseudoHeaderDestination()}. */
    public int pseudoHeaderDestinationOffset() {
        return current().pseudoDestination;
    }

    /** What {@link #wrap} consumed, for {@link PacketBuffer#undoParse(ParseMetadata)}. */
    public ParseMetadata parseMetadata() {
        return new ParseMetadata(current().headerLength, current().payloadLength, 0);
    }

    /**
     * Gives back to {@code buffer} the headers {@link #wrap} consumed, without allocating: the body is
     * the whole packet again (link padding stays in the suffix, as with every view).
     */
    public void undoParse(PacketBuffer buffer) {
        buffer.undoParse(current().headerLength, current().payloadLength, 0);
    }

    /** The fixed header, the chain and the payload, for debugging. */
    @Override
    public String toString() {
        Chain c = current();
        StringBuilder text = new StringBuilder(c.header.toString()).append(" chain=[");
        for (int i = 0; i < c.count; i++) {
            text.append(i == 0 ? "" : ", ").append(IpProtocol.of(c.types[i]).name()).append('@')
                    .append(c.starts[i] - c.start).append('+').append(c.lengths[i]);
        }
        text.append("] transport=").append(IpProtocol.of(c.upper)).append(" payload=").append(c.payloadLength);
        if (c.fragmented) {
            text.append(" fragment");
        }
        if (c.jumbo >= 0) {
            text.append(" jumbo=").append(c.jumbo);
        }
        return text.toString();
    }

    /** Everything one walk finds, so that {@link #wrap} can fill one while the other stays readable. */
    private static final class Chain {
        private static final byte[] EMPTY = new byte[0];

        final Ipv6Header header = new Ipv6Header();
        final HopByHopOptions hopByHop = new HopByHopOptions();
        final DestinationOptions destinationOptions = new DestinationOptions();
        final RoutingHeader routing = new RoutingHeader();
        final Type0RoutingHeader type0 = new Type0RoutingHeader();
        final SegmentRoutingHeader segmentRouting = new SegmentRoutingHeader();
        final FragmentHeader fragment = new FragmentHeader();
        final OptionsIterator srhTlvs = new OptionsIterator();
        final int[] types = new int[MAX_EXTENSION_HEADERS];
        final int[] starts = new int[MAX_EXTENSION_HEADERS];
        final int[] lengths = new int[MAX_EXTENSION_HEADERS];

        byte[] array;
        int start;
        int basePosition;
        boolean quoted;
        boolean multicast;
        int count;
        boolean hasHopByHop;
        boolean hasDestinationOptions;
        boolean hasRouting;
        boolean hasType0;
        boolean hasSegmentRouting;
        boolean hasFragment;
        boolean srhTlvsValid;
        boolean fragmented;
        int upper;
        long jumbo;
        int jumboValue;
        int routerAlert;
        int pseudoDestination;
        int headerLength;
        int payloadLength;

        void walk(BufferView buffer, ChainCursor cursor, boolean quoted) throws ParseException {
            this.quoted = quoted;
            count = 0;
            hasHopByHop = false;
            hasDestinationOptions = false;
            hasRouting = false;
            hasType0 = false;
            hasSegmentRouting = false;
            hasFragment = false;
            srhTlvsValid = false;
            fragmented = false;
            jumbo = -1;
            routerAlert = -1;

            cursor.reset(buffer);
            int ipStart = cursor.bodyStart();
            int bufferEnd = cursor.bodyEnd();
            if (array != cursor.array()) {
                array = cursor.array(); // a reference store costs a GC write barrier
            }
            start = ipStart;
            basePosition = buffer.position();
            // Checks the length, the version and the payload length; trims padding off the cursor.
            if (quoted) {
                header.wrapQuoted(cursor);
            } else {
                header.wrap(cursor);
            }
            multicast = (array[ipStart + Ipv6Header.DESTINATION_OFFSET] & 0xFF) == 0xFF;
            pseudoDestination = ipStart + Ipv6Header.DESTINATION_OFFSET;

            int nextHeader = header.nextHeaderValue();
            boolean jumbogram = header.payloadLength() == 0 && nextHeader == HOP_BY_HOP;
            if (jumbogram) {
                // RFC 2675: the length is in the Hop-by-Hop header's Jumbo Payload option.
                cursor.moveEndTo(bufferEnd);
            }
            int namingField = ipStart + Ipv6Header.NEXT_HEADER_OFFSET;
            String namingLayer = Ipv6Header.LAYER;
            while (true) {
                if (quoted && (isUnsupportedExtensionHeader(nextHeader) || (nextHeader == HOP_BY_HOP && count > 0))) {
                    break; // a quote is read, not processed: the walk ends where it cannot go on
                }
                if (isUnsupportedExtensionHeader(nextHeader)) {
                    throw problem(ParseErrorKind.UNSUPPORTED, namingLayer, "nextHeader", namingField,
                            "an extension header this walk cannot step over (Mobility, HIP, Shim6, 253, 254)",
                            ParameterProblemException.UNRECOGNIZED_NEXT_HEADER, true);
                }
                if (!isExtensionHeader(nextHeader)) {
                    break;
                }
                if (nextHeader == HOP_BY_HOP && count > 0) {
                    throw problem(ParseErrorKind.UNSUPPORTED, namingLayer, "nextHeader", namingField,
                            "a Hop-by-Hop Options header may only follow the IPv6 header",
                            ParameterProblemException.UNRECOGNIZED_NEXT_HEADER, true);
                }
                if (count == MAX_EXTENSION_HEADERS) {
                    throw ParseException.unsupported(namingLayer, "nextHeader", positionOf(namingField),
                            "more than " + MAX_EXTENSION_HEADERS + " extension headers");
                }
                int at = cursor.bodyStart();
                int next;
                String layer;
                switch (nextHeader) {
                    case HOP_BY_HOP:
                        hopByHop.wrap(cursor);
                        hasHopByHop = true;
                        layer = HopByHopOptions.LAYER;
                        options(at + HopByHopOptions.FIXED_LENGTH, cursor.bodyStart(), true, layer);
                        if (jumbogram) {
                            endJumbogram(cursor, ipStart, bufferEnd);
                        }
                        next = hopByHop.nextHeaderValue();
                        break;
                    case DESTINATION_OPTIONS:
                        destinationOptions.wrap(cursor);
                        hasDestinationOptions = true;
                        layer = DestinationOptions.LAYER;
                        options(at + DestinationOptions.FIXED_LENGTH, cursor.bodyStart(), false, layer);
                        next = destinationOptions.nextHeaderValue();
                        break;
                    case ROUTING:
                        layer = RoutingHeader.LAYER;
                        routing(cursor, at);
                        next = routing.nextHeaderValue();
                        break;
                    default: // FRAGMENT
                        layer = FragmentHeader.LAYER;
                        fragment(cursor, at, ipStart);
                        next = fragment.nextHeaderValue();
                        break;
                }
                types[count] = nextHeader;
                starts[count] = at;
                lengths[count] = cursor.bodyStart() - at;
                count++;
                nextHeader = next;
                // Byte 0 of every extension header is its next header field.
                namingField = at;
                namingLayer = layer;
                if (fragmented) {
                    break; // the fragmentable part is not a header chain until reassembled
                }
            }
            upper = nextHeader;
            headerLength = cursor.bodyStart() - ipStart;
            payloadLength = cursor.remaining();
        }

        /**
         * Acts on each option of the region {@code [from, to)} as RFC 8200 section 4.2 (and RFC 2711,
         * RFC 2675 in Hop-by-Hop) asks. The header view's {@code wrap} validated the region (every
         * option fits it), so this one pass reads the bytes directly, without an iterator.
         */
        private void options(int from, int to, boolean hopByHopHeader, String layer) throws ParseException {
            byte[] a = array;
            int at = from;
            while (at < to) {
                int type = a[at] & 0xFF;
                if (type == Ipv6Options.PAD1) {
                    at++;
                    continue;
                }
                int option = at;
                int value = at + 2;
                int valueLength = a[at + 1] & 0xFF;
                at = value + valueLength;
                if (type == Ipv6Options.PADN) {
                    continue;
                }
                if (quoted) {
                    if (hopByHopHeader && routerAlert < 0 && type == Ipv6Options.ROUTER_ALERT && valueLength == 2) {
                        routerAlert = Bytes.u16(a, value);
                    }
                    if (hopByHopHeader && jumbo < 0 && type == Ipv6Options.JUMBO_PAYLOAD && valueLength == 4) {
                        jumbo = Bytes.u32(a, value);
                        jumboValue = value;
                    }
                    continue;
                }
                if (hopByHopHeader && type == Ipv6Options.ROUTER_ALERT) {
                    if (valueLength != 2) {
                        throw problem(ParseErrorKind.MALFORMED, layer, "options", option + 1,
                                "a Router Alert option carries 2 bytes", ParameterProblemException.ERRONEOUS_HEADER_FIELD, true);
                    }
                    if (routerAlert < 0) {
                        routerAlert = Bytes.u16(a, value);
                    }
                    continue;
                }
                if (hopByHopHeader && type == Ipv6Options.JUMBO_PAYLOAD) {
                    jumboPayload(option, value, valueLength, layer);
                    continue;
                }
                int action = Ipv6Options.action(type);
                if (action != Ipv6Options.ACTION_SKIP) {
                    boolean report = action == Ipv6Options.ACTION_DISCARD_AND_REPORT
                            || (action == Ipv6Options.ACTION_DISCARD_AND_REPORT_UNLESS_MULTICAST && !multicast);
                    throw problem(ParseErrorKind.UNSUPPORTED, layer, "options", option,
                            "an unrecognized option whose type says to discard the packet",
                            ParameterProblemException.UNRECOGNIZED_OPTION, report);
                }
            }
        }

        /** RFC 2675 section 3: the checks of a Jumbo Payload option as it is met. */
        private void jumboPayload(int option, int value, int valueLength, String layer) throws ParseException {
            if (valueLength != 4) {
                throw problem(ParseErrorKind.MALFORMED, layer, "options", option + 1,
                        "a Jumbo Payload option carries 4 bytes", ParameterProblemException.ERRONEOUS_HEADER_FIELD, true);
            }
            if (jumbo >= 0) {
                throw problem(ParseErrorKind.MALFORMED, layer, "options", option,
                        "a second Jumbo Payload option", ParameterProblemException.ERRONEOUS_HEADER_FIELD, true);
            }
            if (header.payloadLength() != 0) {
                throw problem(ParseErrorKind.MALFORMED, layer, "options", option,
                        "a Jumbo Payload option in a packet whose payload length is not 0",
                        ParameterProblemException.ERRONEOUS_HEADER_FIELD, true);
            }
            long length = Bytes.u32(array, value);
            if (length <= 0xFFFF) {
                throw problem(ParseErrorKind.MALFORMED, layer, "options", value,
                        "a Jumbo Payload Length must exceed 65,535", ParameterProblemException.ERRONEOUS_HEADER_FIELD, true);
            }
            jumbo = length;
            jumboValue = value;
        }

        /** After the Hop-by-Hop header of a packet with payload length 0: the jumbogram's end. */
        private void endJumbogram(ChainCursor cursor, int ipStart, int bufferEnd) throws ParseException {
            int payloadStart = ipStart + Ipv6Header.FIXED_LENGTH;
            if (quoted) {
                // A quote may be cut short: the payload is what the buffer holds, up to the jumbo length.
                if (jumbo >= 0 && jumbo < bufferEnd - payloadStart && payloadStart + jumbo >= cursor.bodyStart()) {
                    cursor.moveEndTo(payloadStart + (int) jumbo);
                }
                return;
            }
            if (jumbo < 0) {
                throw problem(ParseErrorKind.MALFORMED, Ipv6Header.LAYER, "payloadLength",
                        ipStart + Ipv6Header.PAYLOAD_LENGTH_OFFSET,
                        "payload length 0 and no Jumbo Payload option", ParameterProblemException.ERRONEOUS_HEADER_FIELD, true);
            }
            if (jumbo > bufferEnd - payloadStart) {
                throw ParseException.malformed(HopByHopOptions.LAYER, "options", positionOf(jumboValue),
                        "the Jumbo Payload Length runs past the end of the buffer");
            }
            // Anything after the jumbogram (link padding) is trimmed, as for an ordinary packet.
            cursor.moveEndTo(payloadStart + (int) jumbo);
        }

        private void routing(ChainCursor cursor, int at) throws ParseException {
            routing.wrap(cursor);
            int end = cursor.bodyStart();
            hasRouting = true;
            hasType0 = false;
            hasSegmentRouting = false;
            srhTlvsValid = false;
            int segmentsLeft = routing.segmentsLeft();
            switch (routing.routingType()) {
                case RoutingHeaders.TYPE_0: {
                    cursor.moveFrontTo(at);
                    type0.wrap(cursor);
                    hasType0 = true;
                    if (quoted) {
                        int addresses = RoutingHeaders.type0AddressCount(type0);
                        if (segmentsLeft > 0 && segmentsLeft <= addresses) {
                            pseudoDestination = RoutingHeaders.type0AddressOffset(type0, addresses - 1);
                        }
                    } else if (segmentsLeft > 0) {
                        // RFC 2460 section 4.4, the type 0 algorithm's checks.
                        int length = type0.headerExtensionLength();
                        if (length % 2 != 0) {
                            throw problem(ParseErrorKind.MALFORMED, RoutingHeader.LAYER, "headerExtensionLength",
                                    at + RoutingHeader.HEADER_EXTENSION_LENGTH_OFFSET,
                                    "a type 0 header's length is twice its address count",
                                    ParameterProblemException.ERRONEOUS_HEADER_FIELD, true);
                        }
                        if (segmentsLeft > length / 2) {
                            throw problem(ParseErrorKind.MALFORMED, RoutingHeader.LAYER, "segmentsLeft",
                                    at + RoutingHeader.SEGMENTS_LEFT_OFFSET, "more segments left than addresses",
                                    ParameterProblemException.ERRONEOUS_HEADER_FIELD, true);
                        }
                        pseudoDestination = RoutingHeaders.type0AddressOffset(type0, length / 2 - 1);
                    }
                    break;
                }
                case RoutingHeaders.TYPE_SEGMENT_ROUTING: {
                    cursor.moveFrontTo(at);
                    segmentRouting.wrap(cursor);
                    hasSegmentRouting = true;
                    if (quoted) {
                        if (segmentsLeft > 0 && RoutingHeaders.segmentCount(segmentRouting) > 0) {
                            pseudoDestination = RoutingHeaders.segmentOffset(segmentRouting, 0);
                        }
                    } else if (segmentsLeft > 0) {
                        // RFC 8754 section 4.3.1.1, S09 to S13.
                        int maxLastEntry = segmentRouting.headerExtensionLength() / 2 - 1;
                        int lastEntry = segmentRouting.lastEntry();
                        if (lastEntry > maxLastEntry || segmentsLeft > lastEntry + 1) {
                            throw problem(ParseErrorKind.MALFORMED, RoutingHeader.LAYER, "segmentsLeft",
                                    at + RoutingHeader.SEGMENTS_LEFT_OFFSET,
                                    "Last Entry does not fit the header, or more segments left than entries",
                                    ParameterProblemException.ERRONEOUS_HEADER_FIELD, true);
                        }
                        pseudoDestination = RoutingHeaders.segmentOffset(segmentRouting, 0);
                    }
                    srhTlvsValid = RoutingHeaders.segmentRoutingTlvs(segmentRouting, srhTlvs);
                    break;
                }
                default:
                    if (segmentsLeft > 0 && !quoted) {
                        throw problem(ParseErrorKind.UNSUPPORTED, RoutingHeader.LAYER, "routingType",
                                at + RoutingHeader.ROUTING_TYPE_OFFSET,
                                "an unrecognized routing type with segments left",
                                ParameterProblemException.ERRONEOUS_HEADER_FIELD, true);
                    }
                    break;
            }
            cursor.moveFrontTo(end);
        }

        private void fragment(ChainCursor cursor, int at, int ipStart) throws ParseException {
            fragment.wrap(cursor);
            hasFragment = true;
            if (quoted) {
                fragmented = FragmentHeaderLayout.isFragment(fragment);
                return;
            }
            if (jumbo >= 0) {
                throw problem(ParseErrorKind.MALFORMED, FragmentHeader.LAYER, "", at,
                        "a jumbogram cannot carry a Fragment header (RFC 2675)",
                        ParameterProblemException.ERRONEOUS_HEADER_FIELD, true);
            }
            if (!FragmentHeaderLayout.isFragment(fragment)) {
                return; // an atomic fragment: a whole packet
            }
            int dataLength = cursor.remaining();
            if (fragment.moreFragments() && dataLength % 8 != 0) {
                throw problem(ParseErrorKind.MALFORMED, Ipv6Header.LAYER, "payloadLength",
                        ipStart + Ipv6Header.PAYLOAD_LENGTH_OFFSET,
                        "a fragment with more to follow carries a multiple of 8 bytes",
                        ParameterProblemException.ERRONEOUS_HEADER_FIELD, true);
            }
            long reassembled = (at - (ipStart + Ipv6Header.FIXED_LENGTH)) + 8L * fragment.fragmentOffset() + dataLength;
            if (reassembled > 0xFFFF) {
                throw problem(ParseErrorKind.MALFORMED, FragmentHeader.LAYER, "fragmentOffset", at + FRAGMENT_OFFSET_FIELD,
                        "the reassembled payload would exceed 65,535 bytes",
                        ParameterProblemException.ERRONEOUS_HEADER_FIELD, true);
            }
            fragmented = true;
        }

        private int positionOf(int index) {
            return basePosition + (index - start);
        }

        private ParameterProblemException problem(ParseErrorKind kind, String layer, String field, int index,
                String detail, int code, boolean mayRespond) {
            return new ParameterProblemException(kind, layer, field, positionOf(index), detail, code, index - start,
                    mayRespond);
        }
    }
}
