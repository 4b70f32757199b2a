package io.zerowire.protocols.ipv6;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.options.OptionsIterator;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SerializeTarget;
import java.util.Objects;

/**
 * Builds an IPv6 packet's fixed header and extension header chain as one layer, in RFC 8200's
 * recommended order (section 4.1): Hop-by-Hop Options, Destination Options (for the routing
 * header's destinations), Routing, Fragment, Destination Options (for the final destination), then
 * the upper-layer payload. It links the chain: every next header field names the header after it,
 * the last one {@link #upperLayer}; the fixed header's payload length is derived as usual.
 *
 * <p>The parts are the ordinary builders, which also stack on their own with
 * {@link io.zerowire.serialize.Serializer#encapsulate} (then each next header is set by hand); this
 * builder sets their next header fields when it serializes, so a builder given here should not be
 * shared with another chain.
 *
 * <p><b>Jumbograms</b> (RFC 2675). With {@link #jumbogram(boolean) jumbogram(true)} the payload may
 * exceed 65,535 bytes: the payload length is written as 0 and the length of everything after the
 * fixed header goes into the Hop-by-Hop header's Jumbo Payload option, which must be there (add one
 * with {@link Ipv6Options#addJumboPayload}; its value is filled in). A jumbogram must carry more than
 * 65,535 bytes, so a shorter body is zero-padded up to that, as an Ethernet frame is padded to 60
 * bytes; and it cannot carry a Fragment header. Whether a packet is a jumbogram is chosen up front,
 * not from the body's size, because a serializer fixes every header's length (the Jumbo Payload
 * option is 8 bytes of the Hop-by-Hop header) before the body is known.
 *
 * <pre>{@code
 * Ipv6PacketBuilder ip = new Ipv6PacketBuilder(new Ipv6HeaderBuilder().hopLimit(64).source(a).destination(b))
 *         .hopByHop(new HopByHopOptionsBuilder().options(Ipv6Options.addRouterAlert(
 *                 new OptionsBuilder(Ipv6OptionFormat.FORMAT), Ipv6Options.ROUTER_ALERT_MLD)))
 *         .fragment(new FragmentHeaderBuilder().identification(7))
 *         .upperLayer(IpProtocol.IPV6_ICMP);
 * PacketBuffer packet = Serializer.of(icmp).encapsulate(ip).serialize();
 * // 60 | HBH (next header 44) | Fragment (next header 58) | ICMPv6 ...
 * }</pre>
 */
public final class Ipv6PacketBuilder implements PacketBuilder {
    private static final int MAX_LAYERS = 5;

    private final Ipv6HeaderBuilder header;
    private HopByHopOptionsBuilder hopByHop;
    private DestinationOptionsBuilder destinationOptions;
    private RoutingBuilder routing;
    private FragmentHeaderBuilder fragment;
    private DestinationOptionsBuilder finalDestinationOptions;
    private IpProtocol upperLayer = IpProtocol.IPV6_NO_NEXT_HEADER;
    private boolean jumbogram;

    // Reused on every call, so serializing in a loop allocates nothing.
    private final PacketBuilder[] layers = new PacketBuilder[MAX_LAYERS];
    private final int[] lengths = new int[MAX_LAYERS];
    private int layerCount;
    private final SerializeTarget part = new SerializeTarget();
    private final PacketBuffer partBody = PacketBuffer.wrap(new byte[0]);
    private final OptionsIterator jumboFinder = new OptionsIterator();
    private byte[] scratch = new byte[64];
    private PacketConstraints cached;

    /** A chain whose fixed header {@code header} writes; no extension headers, No Next Header (59) after it. */
    public Ipv6PacketBuilder(Ipv6HeaderBuilder header) {
        this.header = Objects.requireNonNull(header, "header");
    }

    /** The fixed header's builder. */
    public Ipv6HeaderBuilder header() {
        return header;
    }

    /** Sets the Hop-by-Hop Options header, or none with {@code null}. */
    public Ipv6PacketBuilder hopByHop(HopByHopOptionsBuilder hopByHop) {
        this.hopByHop = hopByHop;
        return this;
    }

    /** Sets the Destination Options header that precedes the Routing header, or none with {@code null}. */
    public Ipv6PacketBuilder destinationOptions(DestinationOptionsBuilder destinationOptions) {
        this.destinationOptions = destinationOptions;
        return this;
    }

    /** Sets the Routing header, or none with {@code null}. */
    public Ipv6PacketBuilder routing(RoutingBuilder routing) {
        this.routing = routing;
        return this;
    }

    /** Sets the Fragment header, or none with {@code null}. */
    public Ipv6PacketBuilder fragment(FragmentHeaderBuilder fragment) {
        this.fragment = fragment;
        return this;
    }

    /** Sets the Destination Options header for the final destination (after the Fragment header), or none. */
    public Ipv6PacketBuilder finalDestinationOptions(DestinationOptionsBuilder destinationOptions) {
        this.finalDestinationOptions = destinationOptions;
        return this;
    }

    /** Sets the protocol of the payload, named by the last header of the chain. */
    public Ipv6PacketBuilder upperLayer(IpProtocol protocol) {
        this.upperLayer = Objects.requireNonNull(protocol, "protocol");
        return this;
    }

    /** Makes the packet a jumbogram (RFC 2675), or not; see the class documentation. */
    public Ipv6PacketBuilder jumbogram(boolean jumbogram) {
        this.jumbogram = jumbogram;
        return this;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the extension headers alone exceed 65,535 bytes, or a
     *     jumbogram has no Hop-by-Hop header with a Jumbo Payload option, or has a Fragment header
     */
    @Override
    public PacketConstraints constraints() {
        link();
        long extension = 0;
        for (int i = 0; i < layerCount; i++) {
            PacketConstraints own = layers[i].constraints();
            lengths[i] = own.headerLength();
            extension += own.headerLength();
        }
        int headerLength = Ipv6Header.FIXED_LENGTH + (int) extension;
        int minBody;
        int maxBody;
        if (jumbogram) {
            if (fragment != null) {
                throw new IllegalStateException("a jumbogram cannot carry a Fragment header (RFC 2675)");
            }
            if (hopByHop == null || jumboOptionOffset(scratchHopByHop(), 0, lengths[0]) < 0) {
                throw new IllegalStateException("a jumbogram needs a Hop-by-Hop header with a Jumbo Payload option"
                        + " (Ipv6Options.addJumboPayload)");
            }
            minBody = (int) Math.max(0, 0x10000 - extension);
            maxBody = (int) Math.min(0xFFFF_FFFFL - extension, (long) Integer.MAX_VALUE - headerLength);
        } else {
            if (extension > 0xFFFF) {
                throw new IllegalStateException("extension headers of " + extension
                        + " bytes exceed the 65,535 bytes a payload length can describe");
            }
            minBody = 0;
            maxBody = 0xFFFF - (int) extension;
        }
        if (cached == null || cached.headerLength() != headerLength || cached.minBodyLength() != minBody
                || cached.maxBodyLength() != maxBody) {
            cached = PacketConstraints.of(headerLength, 0, minBody, maxBody);
        }
        return cached;
    }

    @Override
    public void serialize(SerializeTarget target, PacketBuffer body) {
        byte[] array = target.array();
        int offset = target.headerOffset();
        int payloadEnd = body.bodyEnd();
        int at = offset + Ipv6Header.FIXED_LENGTH;
        for (int i = 0; i < layerCount; i++) {
            int end = at + lengths[i];
            // Each part sees its own header region and everything after it as its body.
            part.set(array, at, lengths[i], payloadEnd, 0);
            partBody.rewrap(array, end, payloadEnd - end);
            layers[i].serialize(part, partBody);
            at = end;
        }
        if (at != offset + target.headerLength()) {
            throw new IllegalStateException("the extension headers changed length between constraints() and serialize()");
        }
        int fixedEnd = offset + Ipv6Header.FIXED_LENGTH;
        part.set(array, offset, Ipv6Header.FIXED_LENGTH, payloadEnd, 0);
        partBody.rewrap(array, fixedEnd, payloadEnd - fixedEnd);
        header.serialize(part, partBody);
        if (jumbogram) {
            Bytes.putU16(array, offset + Ipv6Header.PAYLOAD_LENGTH_OFFSET, 0);
            int option = jumboOptionOffset(array, fixedEnd, lengths[0]);
            Bytes.putI32(array, option, payloadEnd - fixedEnd);
        }
    }

    /** Fills {@link #layers} in chain order and sets every next header field. */
    private void link() {
        layerCount = 0;
        if (hopByHop != null) {
            layers[layerCount++] = hopByHop;
        }
        if (destinationOptions != null) {
            layers[layerCount++] = destinationOptions;
        }
        if (routing != null) {
            layers[layerCount++] = routing;
        }
        if (fragment != null) {
            layers[layerCount++] = fragment;
        }
        if (finalDestinationOptions != null) {
            layers[layerCount++] = finalDestinationOptions;
        }
        header.nextHeader(layerCount == 0 ? upperLayer : typeOf(layers[0]));
        for (int i = 0; i < layerCount; i++) {
            IpProtocol next = i + 1 < layerCount ? typeOf(layers[i + 1]) : upperLayer;
            PacketBuilder layer = layers[i];
            if (layer instanceof HopByHopOptionsBuilder) {
                ((HopByHopOptionsBuilder) layer).nextHeader(next);
            } else if (layer instanceof DestinationOptionsBuilder) {
                ((DestinationOptionsBuilder) layer).nextHeader(next);
            } else if (layer instanceof RoutingBuilder) {
                ((RoutingBuilder) layer).nextHeader(next);
            } else {
                ((FragmentHeaderBuilder) layer).nextHeader(next);
            }
        }
    }

    private static IpProtocol typeOf(PacketBuilder layer) {
        if (layer instanceof HopByHopOptionsBuilder) {
            return IpProtocol.IPV6_HOP_BY_HOP;
        }
        if (layer instanceof DestinationOptionsBuilder) {
            return IpProtocol.IPV6_DESTINATION_OPTIONS;
        }
        if (layer instanceof RoutingBuilder) {
            return IpProtocol.IPV6_ROUTING;
        }
        return IpProtocol.IPV6_FRAGMENT;
    }

    /** Writes the Hop-by-Hop header into a scratch array, to look for its Jumbo Payload option. */
    private byte[] scratchHopByHop() {
        int length = lengths[0];
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, 2 * scratch.length)];
        }
        part.set(scratch, 0, length, length, 0);
        partBody.rewrap(scratch, length, 0);
        hopByHop.serialize(part, partBody);
        return scratch;
    }

    /** Array index of the value of the Jumbo Payload option in the Hop-by-Hop header at {@code start}, or -1. */
    private int jumboOptionOffset(byte[] array, int start, int length) {
        jumboFinder.resetValidated(array, start + HopByHopOptions.FIXED_LENGTH, start + length, HopByHopOptions.OPTION_FORMAT);
        while (jumboFinder.next()) {
            if (Ipv6Options.jumboPayloadLength(jumboFinder) >= 0) {
                return jumboFinder.valueOffset();
            }
        }
        return -1;
    }
}
