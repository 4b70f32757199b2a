package io.zerowire.protocols.igmp;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SerializeTarget;

/**
 * Builds an 8-byte IGMPv1 or IGMPv2 message: the common {@link IgmpHeaderBuilder} (type, max
 * response code, and the checksum over the whole message, computed last) and the
 * {@link IgmpGroupAddressBuilder}, as one {@link PacketBuilder}. The body it encapsulates is
 * normally empty.
 *
 * <pre>{@code
 * PacketBuffer join = Serializer.of(new byte[0])
 *         .encapsulate(IgmpMessageBuilder.v2Report(group))
 *         .encapsulate(new Ipv4Builder().ttl(1).protocol(IpProtocol.IGMP).source(me).destination(group)
 *                 .options(new OptionsBuilder(Ipv4OptionFormat.FORMAT).addU16(Ipv4Options.ROUTER_ALERT, 0)))
 *         .serialize();
 * }</pre>
 *
 * <p>For IGMPv3 see {@link IgmpV3QueryMessageBuilder} and {@link IgmpV3ReportMessageBuilder}.
 */
public final class IgmpMessageBuilder implements PacketBuilder {
    private final IgmpHeaderBuilder header;
    private final IgmpGroupAddressBuilder message;
    private final SerializeTarget part = new SerializeTarget();
    private final PacketConstraints constraints = PacketConstraints.of(
            IgmpHeader.FIXED_LENGTH + IgmpGroupAddress.FIXED_LENGTH, 0, 0, Integer.MAX_VALUE);

    private IgmpMessageBuilder(IgmpType type, int maxResponseCode, Ipv4Address group) {
        this.header = new IgmpHeaderBuilder().type(type).maxResponseCode(maxResponseCode);
        this.message = new IgmpGroupAddressBuilder().groupAddress(group);
    }

    /** A message of any type and max response code with a group address (its version is up to the caller). */
    public static IgmpMessageBuilder of(IgmpType type, int maxResponseCode, Ipv4Address group) {
        return new IgmpMessageBuilder(type, maxResponseCode, group);
    }

    /** An IGMPv1 general query (RFC 1112): max response code 0, group 0.0.0.0. */
    public static IgmpMessageBuilder v1Query() {
        return of(IgmpType.MEMBERSHIP_QUERY, 0, Ipv4Address.of(0));
    }

    /** An IGMPv1 membership report for {@code group} (type 0x12). */
    public static IgmpMessageBuilder v1Report(Ipv4Address group) {
        return of(IgmpType.V1_MEMBERSHIP_REPORT, 0, group);
    }

    /**
     * An IGMPv2 query (RFC 2236): general when {@code group} is 0.0.0.0, group-specific otherwise.
     *
     * @param maxResponseTime tenths of a second, 1 to 255 (0 would make it an IGMPv1 query)
     */
    public static IgmpMessageBuilder v2Query(int maxResponseTime, Ipv4Address group) {
        if (maxResponseTime < 1 || maxResponseTime > 255) {
            throw new IllegalArgumentException("an IGMPv2 max response time is 1 to 255 tenths of a second, was "
                    + maxResponseTime);
        }
        return of(IgmpType.MEMBERSHIP_QUERY, maxResponseTime, group);
    }

    /** An IGMPv2 membership report for {@code group} (type 0x16). */
    public static IgmpMessageBuilder v2Report(Ipv4Address group) {
        return of(IgmpType.V2_MEMBERSHIP_REPORT, 0, group);
    }

    /** An IGMPv2 leave group for {@code group} (type 0x17). */
    public static IgmpMessageBuilder leaveGroup(Ipv4Address group) {
        return of(IgmpType.LEAVE_GROUP, 0, group);
    }

    /** The common header's builder: type, max response code, checksum. */
    public IgmpHeaderBuilder header() {
        return header;
    }

    /** The group address's builder. */
    public IgmpGroupAddressBuilder message() {
        return message;
    }

    @Override
    public PacketConstraints constraints() {
        return constraints;
    }

    @Override
    public void serialize(SerializeTarget target, PacketBuffer body) {
        byte[] array = target.array();
        int at = target.headerOffset();
        part.set(array, at + IgmpHeader.FIXED_LENGTH, IgmpGroupAddress.FIXED_LENGTH, body.bodyEnd(), 0);
        message.serialize(part, body);
        // The checksum covers the group address too: let the header see it as part of its body,
        // then give the body back as it came (its bytes are not changed).
        body.growFront(IgmpGroupAddress.FIXED_LENGTH);
        part.set(array, at, IgmpHeader.FIXED_LENGTH, body.bodyEnd(), 0);
        header.serialize(part, body);
        body.shrinkFront(IgmpGroupAddress.FIXED_LENGTH);
    }
}
