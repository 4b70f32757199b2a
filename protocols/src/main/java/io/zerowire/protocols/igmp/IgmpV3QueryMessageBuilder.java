package io.zerowire.protocols.igmp;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SerializeTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds an IGMPv3 membership query (RFC 3376 section 4.1): the common header (type 0x11, max
 * response code, checksum over the whole message, computed last), the {@link IgmpV3QueryBuilder}
 * fields and the source addresses, whose number it fills in. The body it encapsulates is normally
 * empty (anything there is "additional data", which receivers ignore).
 *
 * <pre>{@code
 * IgmpV3QueryMessageBuilder query = IgmpV3QueryMessageBuilder.groupAndSourceQuery(group, List.of(source))
 *         .maxResponseTime(100);                      // tenths of a second, encoded as RFC 3376 says
 * PacketBuffer packet = Serializer.of(new byte[0]).encapsulate(query).encapsulate(ipv4).serialize();
 * }</pre>
 *
 * <p>Defaults: max response time 100 (10 s), QRV 2 and QQIC 125 (RFC 3376 section 8), S clear.
 * At most {@link IgmpPacket#MAX_SOURCES} sources, the bound {@code IgmpPacket} parses to; the MTU
 * of the link usually allows far fewer (RFC 3376 section 4.1.8), which serializing within it
 * reports as a {@code SizeLimitExceededException}.
 */
public final class IgmpV3QueryMessageBuilder implements PacketBuilder {
    private final IgmpHeaderBuilder header = new IgmpHeaderBuilder().type(IgmpType.MEMBERSHIP_QUERY)
            .maxResponseCode(100);
    private final IgmpV3QueryBuilder query = new IgmpV3QueryBuilder().querierRobustnessVariable(2)
            .querierQueryIntervalCode(125);
    private final List<Ipv4Address> sources = new ArrayList<>();
    private final SerializeTarget part = new SerializeTarget();
    private PacketConstraints constraints;

    private IgmpV3QueryMessageBuilder(Ipv4Address group) {
        query.groupAddress(group);
    }

    /** A general query: group 0.0.0.0, no sources. */
    public static IgmpV3QueryMessageBuilder generalQuery() {
        return new IgmpV3QueryMessageBuilder(Ipv4Address.of(0));
    }

    /** A group-specific query for {@code group}. */
    public static IgmpV3QueryMessageBuilder groupQuery(Ipv4Address group) {
        return new IgmpV3QueryMessageBuilder(group);
    }

    /** A group-and-source-specific query for {@code group} and {@code sources}. */
    public static IgmpV3QueryMessageBuilder groupAndSourceQuery(Ipv4Address group, List<Ipv4Address> sources) {
        IgmpV3QueryMessageBuilder builder = new IgmpV3QueryMessageBuilder(group);
        for (Ipv4Address source : sources) {
            builder.addSource(source);
        }
        return builder;
    }

    /**
     * Sets the max response time in tenths of a second, 0 to {@link IgmpTimeCode#MAX_VALUE}, encoded
     * with {@link IgmpTimeCode#encode} (exact below 128, rounded down above).
     *
     * @return this builder
     */
    public IgmpV3QueryMessageBuilder maxResponseTime(int tenthsOfSeconds) {
        header.maxResponseCode(IgmpTimeCode.encode(tenthsOfSeconds));
        return this;
    }

    /**
     * Sets the querier's query interval in seconds, 0 to {@link IgmpTimeCode#MAX_VALUE}, encoded
     * as QQIC with {@link IgmpTimeCode#encode}.
     *
     * @return this builder
     */
    public IgmpV3QueryMessageBuilder querierQueryInterval(int seconds) {
        query.querierQueryIntervalCode(IgmpTimeCode.encode(seconds));
        return this;
    }

    /**
     * Adds a source address.
     *
     * @return this builder
     * @throws IllegalStateException if the query already has {@link IgmpPacket#MAX_SOURCES} sources
     */
    public IgmpV3QueryMessageBuilder addSource(Ipv4Address source) {
        Objects.requireNonNull(source, "source");
        if (sources.size() >= IgmpPacket.MAX_SOURCES) {
            throw new IllegalStateException("an IGMPv3 query holds at most " + IgmpPacket.MAX_SOURCES + " sources");
        }
        sources.add(source);
        return this;
    }

    /** Removes every source address. @return this builder */
    public IgmpV3QueryMessageBuilder clearSources() {
        sources.clear();
        return this;
    }

    /** The sources, in order (a read-only view). */
    public List<Ipv4Address> sources() {
        return java.util.Collections.unmodifiableList(sources);
    }

    /** The common header's builder (max response code as a raw code, checksum override). */
    public IgmpHeaderBuilder header() {
        return header;
    }

    /** The query fields' builder (group, S, QRV, QQIC; the number of sources is set when serializing). */
    public IgmpV3QueryBuilder query() {
        return query;
    }

    @Override
    public PacketConstraints constraints() {
        int length = IgmpHeader.FIXED_LENGTH + IgmpV3Query.FIXED_LENGTH + 4 * sources.size();
        if (constraints == null || constraints.headerLength() != length) {
            constraints = PacketConstraints.of(length, 0, 0, Integer.MAX_VALUE);
        }
        return constraints;
    }

    @Override
    public void serialize(SerializeTarget target, PacketBuffer body) {
        byte[] array = target.array();
        int at = target.headerOffset();
        int count = sources.size();
        int sourcesAt = at + IgmpHeader.FIXED_LENGTH + IgmpV3Query.FIXED_LENGTH;
        for (int i = 0; i < count; i++) {
            sources.get(i).write(array, sourcesAt + 4 * i);
        }
        // Innermost first, each part seeing what follows it as its body, so the checksum comes last.
        body.growFront(4 * count);
        query.numberOfSources(count);
        part.set(array, at + IgmpHeader.FIXED_LENGTH, IgmpV3Query.FIXED_LENGTH, body.bodyEnd(), 0);
        query.serialize(part, body);
        body.growFront(IgmpV3Query.FIXED_LENGTH);
        part.set(array, at, IgmpHeader.FIXED_LENGTH, body.bodyEnd(), 0);
        header.serialize(part, body);
        body.shrinkFront(IgmpV3Query.FIXED_LENGTH + 4 * count);
    }
}
