package io.zerowire.protocols.igmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;

/** Parse attempts on hostile bytes: a message parses (and every accessor then works) or a ParseException says why. */
final class IgmpRobustness {
    private IgmpRobustness() {}

    /** Tries {@code bytes} as an IGMP message, verified and not, with the default and with small bounds. */
    static boolean attempt(byte[] bytes) {
        boolean parsed = false;
        for (int variant = 0; variant < 3; variant++) {
            byte[] copy = bytes.clone();
            PacketBuffer buffer = PacketBuffer.wrap(copy);
            IgmpPacket igmp = variant == 2 ? new IgmpPacket(2, 3) : new IgmpPacket();
            try {
                if (variant == 0) {
                    igmp.wrap(buffer);
                } else {
                    igmp.wrapUnverified(buffer);
                    parsed |= variant == 1;
                }
                touch(igmp);
                igmp.undoParse(buffer);
                assertThat(buffer.bodyLength()).as("undoParse gives everything back").isEqualTo(bytes.length);
            } catch (ParseException e) {
                assertThat(buffer.bodyStart()).as("body start after a failed parse").isZero();
                assertThat(buffer.bodyLength()).as("body length after a failed parse").isEqualTo(bytes.length);
                assertThat(e.getMessage()).isNotEmpty();
            }
            assertThat(copy).as("parsing never writes").isEqualTo(bytes);
        }
        return parsed;
    }

    /** Reads everything a consumer may read after a successful parse. */
    static String touch(IgmpPacket igmp) {
        StringBuilder text = new StringBuilder(igmp.toString());
        text.append(igmp.checksumValid()).append(igmp.type()).append(igmp.version()).append(igmp.headerLength())
                .append(igmp.messageLength()).append(igmp.bodyLength()).append(igmp.parseMetadata());
        if (igmp.kind().isQuery()) {
            text.append(igmp.maxResponseTime());
        }
        if (igmp.kind().hasGroupAddress()) {
            text.append(igmp.groupAddress().groupAddress());
        }
        if (igmp.kind() == IgmpMessageKind.V3_MEMBERSHIP_QUERY) {
            text.append(igmp.querierQueryInterval());
            for (int i = 0; i < igmp.v3Query().numberOfSources(); i++) {
                text.append(igmp.source(i));
            }
        }
        if (igmp.kind() == IgmpMessageKind.V3_MEMBERSHIP_REPORT) {
            IgmpGroupRecords records = igmp.records();
            int seen = 0;
            while (records.next()) {
                seen++;
                text.append(records.record()).append(records.recordLength()).append(records.auxDataBytes());
                for (int i = 0; i < records.record().numberOfSources(); i++) {
                    text.append(records.sourceBits(i));
                }
                assertThat(records.auxDataOffset() + records.auxDataBytes())
                        .isLessThanOrEqualTo(igmp.offset() + igmp.messageLength());
            }
            assertThat(seen).isEqualTo(igmp.v3Report().numberOfGroupRecords());
        }
        return text.toString();
    }
}
