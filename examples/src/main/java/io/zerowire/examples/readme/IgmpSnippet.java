package io.zerowire.examples.readme;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.igmp.IgmpGroupRecord;
import io.zerowire.protocols.igmp.IgmpGroupRecords;
import io.zerowire.protocols.igmp.IgmpMessageKind;
import io.zerowire.protocols.igmp.IgmpPacket;
import io.zerowire.protocols.igmp.IgmpRecordType;
import io.zerowire.protocols.igmp.IgmpV3ReportMessageBuilder;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;

/** README, "IGMP": a v3 report's records read, a join built. */
public final class IgmpSnippet {
    private IgmpSnippet() {}

    /**
     * Parses the IGMP message in {@code buffer} and walks a v3 report's records; then builds a v3
     * report joining {@code group} from {@code me}.
     *
     * @return the IPv4 packet built
     */
    public static PacketBuffer readAndJoin(PacketBuffer buffer, Ipv4Address group, Ipv4Address me)
            throws ParseException, SizeLimitExceededException {
        IgmpPacket igmp = new IgmpPacket().wrap(buffer);
        if (igmp.kind() == IgmpMessageKind.V3_MEMBERSHIP_REPORT) {
            IgmpGroupRecords records = igmp.records();          // no allocation
            while (records.next()) { IgmpGroupRecord record = records.record(); }
        }
        PacketBuffer join = Serializer.of(new byte[0])
                .encapsulate(new IgmpV3ReportMessageBuilder().addRecord(IgmpRecordType.CHANGE_TO_EXCLUDE_MODE, group))
                .encapsulate(new Ipv4Builder().ttl(1).protocol(IpProtocol.IGMP).source(me)
                        .destination(Ipv4Address.parse("224.0.0.22")))
                .serialize();
        return join;
    }
}
