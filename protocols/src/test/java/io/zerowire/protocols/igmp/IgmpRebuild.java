package io.zerowire.protocols.igmp;

import static org.assertj.core.api.Assertions.assertThat;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.icmp.IpFrames;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Test-only: the builder that writes everything a parsed IGMP message's version defines again. */
public final class IgmpRebuild {
    private IgmpRebuild() {}

    /** The builder that writes everything {@code igmp}'s version defines again. */
    public static PacketBuilder of(IgmpPacket igmp) {
        switch (igmp.kind()) {
            case V3_MEMBERSHIP_QUERY: {
                IgmpV3QueryMessageBuilder builder = IgmpV3QueryMessageBuilder.generalQuery();
                builder.header().copyFrom(igmp.header());
                builder.query().copyFrom(igmp.v3Query());
                for (int i = 0; i < igmp.v3Query().numberOfSources(); i++) {
                    builder.addSource(igmp.source(i));
                }
                return builder;
            }
            case V3_MEMBERSHIP_REPORT: {
                IgmpV3ReportMessageBuilder builder = new IgmpV3ReportMessageBuilder();
                builder.header().copyFrom(igmp.header());
                builder.report().copyFrom(igmp.v3Report());
                IgmpGroupRecords records = igmp.records();
                while (records.next()) {
                    IgmpGroupRecord record = records.record();
                    List<Ipv4Address> sources = new ArrayList<>();
                    for (int i = 0; i < record.numberOfSources(); i++) {
                        sources.add(records.source(i));
                    }
                    byte[] aux = Arrays.copyOfRange(records.array(), records.auxDataOffset(),
                            records.auxDataOffset() + records.auxDataBytes());
                    builder.addRecord(record.recordType(), record.multicastAddress(), sources, aux);
                }
                return builder;
            }
            case OTHER:
                return new IgmpHeaderBuilder().copyFrom(igmp.header());
            default: {
                IgmpMessageBuilder builder = IgmpMessageBuilder.of(igmp.type(), igmp.maxResponseCode(),
                        igmp.groupAddress().groupAddress());
                return builder;
            }
        }
    }
}
