package io.zerowire.protocols.icmpv6;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.icmpv6.mld.Mldv2;
import io.zerowire.protocols.icmpv6.mld.Mldv2Records;
import io.zerowire.protocols.icmpv6.mld.SourceAddresses;
import io.zerowire.protocols.icmpv6.ndp.NdpOptions;

/**
 * Test-only: hostile bytes through {@link Icmpv6Packet}. A parse either succeeds, and then every
 * accessor the message offers works, or throws a {@link ParseException} and leaves the buffer as
 * it was; parsing never writes to the bytes.
 */
final class RobustnessCheck {
    static final Ipv6Address SOURCE = Ipv6Address.parse("fe80::1");
    static final Ipv6Address DESTINATION = Ipv6Address.parse("ff02::1");

    private RobustnessCheck() {}

    /** Parses a copy of {@code bytes}; returns whether it parsed. */
    static boolean attempt(byte[] bytes, boolean verify) {
        return attempt(bytes, 0, bytes.length, SOURCE, DESTINATION, verify);
    }

    static boolean attempt(byte[] bytes, int offset, int length, Ipv6Address source, Ipv6Address destination,
            boolean verify) {
        byte[] copy = bytes.clone();
        PacketBuffer buffer = PacketBuffer.wrap(copy, offset, length);
        Icmpv6Packet packet = new Icmpv6Packet();
        boolean parsed;
        try {
            if (verify) {
                packet.wrap(buffer, source, destination);
            } else {
                packet.wrapUnverified(buffer, source, destination);
            }
            parsed = true;
            touchEverything(packet);
            assertThat(buffer.bodyLength()).isEqualTo(packet.bodyLength());
        } catch (ParseException e) {
            parsed = false;
            assertThat(buffer.bodyStart()).as("body start after a failed parse").isEqualTo(offset);
            assertThat(buffer.bodyLength()).as("body length after a failed parse").isEqualTo(length);
            assertThat(e.getMessage()).isNotEmpty();
            assertThat(packet.message()).as("the packet object after a failed parse").isNull();
        }
        assertThat(copy).as("parsing never writes").isEqualTo(bytes);
        return parsed;
    }

    /** Reads everything a consumer may read after a successful parse. */
    static String touchEverything(Icmpv6Packet p) {
        StringBuilder text = new StringBuilder(p.toString());
        text.append(p.type()).append(p.code()).append(p.checksum()).append(p.checksumValid())
                .append(p.parseMetadata()).append(p.source()).append(p.destination());
        Icmpv6Message m = p.message();
        if (m.isError()) {
            text.append(p.quotedPacketOffset()).append(p.quotedPacketLength());
        }
        switch (m) {
            case DESTINATION_UNREACHABLE -> text.append(p.destinationUnreachable().unused());
            case PACKET_TOO_BIG -> text.append(p.packetTooBig().mtu());
            case TIME_EXCEEDED -> text.append(p.timeExceeded().unused());
            case PARAMETER_PROBLEM -> text.append(p.parameterProblem().pointer());
            case ECHO_REQUEST, ECHO_REPLY -> text.append(p.echo().identifier()).append(p.echo().sequenceNumber());
            case MLD_QUERY, MLD_REPORT, MLD_DONE -> text.append(p.mld());
            case MLDV2_QUERY -> {
                text.append(p.mldv2Query()).append(Mldv2.maximumResponseDelay(p.mldv2Query().maximumResponseCode()))
                        .append(Mldv2.queryInterval(p.mldv2Query().querierQueryIntervalCode()));
                SourceAddresses sources = p.querySources();
                for (int i = 0; i < sources.count(); i++) {
                    text.append(sources.high(i)).append(sources.low(i)).append(sources.get(i));
                }
            }
            case MLDV2_REPORT -> {
                Mldv2Records records = p.records();
                while (records.next()) {
                    text.append(records.record()).append(records.auxDataOffset()).append(records.auxDataLength());
                    for (int i = 0; i < records.sources().count(); i++) {
                        text.append(records.sources().get(i));
                    }
                }
            }
            case ROUTER_SOLICITATION -> text.append(p.routerSolicitation());
            case ROUTER_ADVERTISEMENT -> text.append(p.routerAdvertisement());
            case NEIGHBOR_SOLICITATION -> text.append(p.neighborSolicitation());
            case NEIGHBOR_ADVERTISEMENT -> text.append(p.neighborAdvertisement());
            case REDIRECT -> text.append(p.redirect());
            case OTHER -> { }
        }
        if (m.isNdp()) {
            NdpOptions o = p.ndpOptions();
            while (o.next()) {
                text.append(o.type()).append(o.lengthUnits()).append(o.linkLayerAddress()).append(o.prefixInformation())
                        .append(o.redirectedHeader()).append(o.redirectedPacketOffset()).append(o.redirectedPacketLength())
                        .append(o.mtu()).append(o.routeInformation()).append(o.routePrefix()).append(o.routePrefixHigh())
                        .append(o.recursiveDnsServer()).append(o.nonceOffset()).append(o.nonceLength());
                for (int i = 0; i < o.dnsServerCount(); i++) {
                    text.append(o.dnsServer(i)).append(o.dnsServerHigh(i));
                }
                if (o.isNonce()) {
                    text.append(o.nonce().length);
                }
            }
            for (int hop : new int[] {255, 64}) {
                try {
                    p.checkNdp(hop);
                } catch (ParseException e) {
                    text.append(e.getMessage());
                }
            }
        }
        if (m.isMld()) {
            for (int hop : new int[] {1, 255}) {
                try {
                    p.checkMld(hop);
                } catch (ParseException e) {
                    text.append(e.getMessage());
                }
            }
        }
        return text.toString();
    }
}
