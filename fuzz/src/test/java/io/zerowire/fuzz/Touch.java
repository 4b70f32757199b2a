package io.zerowire.fuzz;

import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.icmp.IcmpPacket;
import io.zerowire.protocols.icmpv6.Icmpv6Packet;
import io.zerowire.protocols.icmpv6.mld.Mldv2Records;
import io.zerowire.protocols.icmpv6.mld.SourceAddresses;
import io.zerowire.protocols.icmpv6.ndp.NdpOptions;
import io.zerowire.protocols.igmp.IgmpGroupRecords;
import io.zerowire.protocols.igmp.IgmpMessageKind;
import io.zerowire.protocols.igmp.IgmpPacket;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Options;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.ipv6.HopByHopOptions;
import io.zerowire.protocols.ipv6.Ipv6Options;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.ipv6.RoutingHeaders;
import io.zerowire.protocols.ipv6.SegmentRoutingHeader;
import io.zerowire.protocols.ipv6.Type0RoutingHeader;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.protocols.stack.Views;
import io.zerowire.protocols.tcp.TcpOptions;

/**
 * Reads every accessor of everything that parsed, options, records, sources and quoted packets
 * included: after a successful parse no accessor may fail, whatever the bytes. Returns a text of
 * what was read, so that nothing is optimized away. Parsing what a message quotes may only fail
 * with the typed error.
 */
final class Touch {
    private Touch() {}

    static String dissection(Dissector d) throws ParseException {
        StringBuilder text = new StringBuilder();
        for (Layer layer : d.layers()) {
            text.append(Views.describe(d, layer)).append('\n');
            switch (layer) {
                case IPV4 -> ipv4(d.ipv4(), text);
                case IPV6 -> ipv6(d.ipv6(), text);
                case TCP -> tcpOptions(d.tcp().options(), text);
                case ICMP -> icmp(d.icmp(), text);
                case ICMPV6 -> icmpv6(d.icmpv6(), text);
                case IGMP -> igmp(d.igmp(), text);
                default -> { }
            }
        }
        if (d.error() != null) {
            text.append(d.failedLayer()).append(' ').append(d.error().getMessage());
        }
        return text.toString();
    }

    static void ipv4(Ipv4Packet ip, StringBuilder text) {
        text.append(ip.header()).append(ip.pseudoHeaderDestination()).append(ip.isFragment())
                .append(ip.fragmentOffsetBytes()).append(ip.payloadLength()).append(ip.hopLimit());
        ipv4Options(ip.header().options(), text);
    }

    /** Every typed reader of {@link Ipv4Options}, on every option. */
    static void ipv4Options(OptionsIterator options, StringBuilder text) {
        options.rewind();
        while (options.next()) {
            text.append(options.kind()).append(Ipv4Options.routerAlert(options)).append(Ipv4Options.streamId(options))
                    .append(Ipv4Options.isRoute(options)).append(Ipv4Options.isSourceRoute(options))
                    .append(Ipv4Options.routePointer(options)).append(Ipv4Options.routeRecorded(options))
                    .append(Ipv4Options.hasHopsLeft(options));
            for (int i = 0; i < Ipv4Options.routeSlots(options); i++) {
                text.append(Ipv4Options.routeAddressBits(options, i));
            }
            text.append(Ipv4Options.timestampPointer(options)).append(Ipv4Options.timestampOverflow(options))
                    .append(Ipv4Options.timestampFlag(options)).append(Ipv4Options.timestampRecorded(options));
            for (int i = 0; i < Ipv4Options.timestampSlots(options); i++) {
                text.append(Ipv4Options.timestamp(options, i));
                if (Ipv4Options.timestampEntryLength(options) == 8) {
                    text.append(Ipv4Options.timestampAddressBits(options, i));
                }
            }
            text.append(Ipv4Options.isRfc791Security(options)).append(Ipv4Options.securityLevel(options))
                    .append(Ipv4Options.securityCompartments(options))
                    .append(Ipv4Options.securityHandlingRestrictions(options))
                    .append(Ipv4Options.securityTransmissionControlCode(options))
                    .append(Ipv4Options.basicSecurityClassification(options))
                    .append(Ipv4Options.basicSecurityFlagsLength(options));
        }
    }

    static void ipv6(Ipv6Packet ip, StringBuilder text) {
        text.append(ip.header()).append(ip.hopLimit()).append(ip.isFragment()).append(ip.payloadLength())
                .append(ip.isJumbogram()).append(ip.jumboPayloadLength()).append(ip.routerAlert())
                .append(ip.transportProtocol()).append(ip.destinationOffset()).append(ip.pseudoHeaderDestinationOffset());
        for (int i = 0; i < ip.extensionHeaderCount(); i++) {
            text.append(ip.extensionHeaderTypeValue(i)).append(ip.extensionHeaderOffset(i));
        }
        HopByHopOptions hopByHop = ip.hopByHopOptions();
        if (hopByHop != null) {
            text.append(hopByHop);
            ipv6Options(hopByHop.options(), text);
        }
        if (ip.destinationOptions() != null) {
            text.append(ip.destinationOptions());
            ipv6Options(ip.destinationOptions().options(), text);
        }
        if (ip.routingHeader() != null) {
            text.append(ip.routingHeader()).append(RoutingHeaders.dataOffset(ip.routingHeader()))
                    .append(RoutingHeaders.dataLength(ip.routingHeader()));
        }
        Type0RoutingHeader type0 = ip.type0RoutingHeader();
        if (type0 != null) {
            for (int i = 0; i < RoutingHeaders.type0AddressCount(type0); i++) {
                text.append(RoutingHeaders.type0Address(type0, i));
            }
        }
        SegmentRoutingHeader srh = ip.segmentRoutingHeader();
        if (srh != null) {
            for (int i = 0; i < RoutingHeaders.segmentCount(srh); i++) {
                text.append(RoutingHeaders.segment(srh, i));
            }
            text.append(ip.segmentRoutingTlvsValid());
            OptionsIterator tlvs = ip.segmentRoutingTlvs();
            while (tlvs.next()) {
                text.append(tlvs.kind()).append(tlvs.valueLength());
            }
        }
        if (ip.fragmentHeader() != null) {
            text.append(ip.fragmentHeader());
        }
    }

    /** Every option with the typed readers of {@link Ipv6Options}. */
    static void ipv6Options(OptionsIterator options, StringBuilder text) {
        options.rewind();
        while (options.next()) {
            text.append(options.kind()).append(Ipv6Options.action(options.kind()))
                    .append(Ipv6Options.mayChange(options.kind())).append(Ipv6Options.routerAlert(options))
                    .append(Ipv6Options.jumboPayloadLength(options));
        }
    }

    /** Every option with the typed readers of {@link TcpOptions}. */
    static void tcpOptions(OptionsIterator options, StringBuilder text) {
        options.rewind();
        while (options.next()) {
            text.append(options.kind()).append(TcpOptions.isKnown(options.kind())).append(TcpOptions.mss(options))
                    .append(TcpOptions.windowScale(options)).append(TcpOptions.isSackPermitted(options))
                    .append(TcpOptions.isTimestamps(options)).append(TcpOptions.timestampValue(options))
                    .append(TcpOptions.timestampEchoReply(options)).append(TcpOptions.hasBadLength(options));
            for (int i = 0; i < TcpOptions.sackBlocks(options); i++) {
                text.append(TcpOptions.sackLeft(options, i)).append(TcpOptions.sackRight(options, i));
            }
        }
    }

    static void icmp(IcmpPacket icmp, StringBuilder text) throws ParseException {
        text.append(icmp.header()).append(icmp.isError()).append(icmp.originalDatagramWords())
                .append(icmp.extensionOffset()).append(icmp.extensionLength()).append(icmp.bodyLength());
        switch (icmp.kind()) {
            case ECHO_REQUEST, ECHO_REPLY -> text.append(icmp.echo());
            case DESTINATION_UNREACHABLE -> text.append(icmp.destinationUnreachable());
            case REDIRECT -> text.append(icmp.redirect());
            case TIME_EXCEEDED -> text.append(icmp.timeExceeded());
            case PARAMETER_PROBLEM -> text.append(icmp.parameterProblem());
            case TIMESTAMP_REQUEST, TIMESTAMP_REPLY -> text.append(icmp.timestamp());
            default -> { }
        }
        if (icmp.isError()) {
            try {
                Ipv4 quoted = icmp.quotedDatagram(new Ipv4());
                text.append(quoted);
                ipv4Options(quoted.options(), text);
            } catch (ParseException e) {
                text.append(e.getMessage());   // a quote may be cut anywhere: only the typed error
            }
        }
    }

    static void icmpv6(Icmpv6Packet icmp, StringBuilder text) {
        text.append(icmp.header()).append(icmp.source()).append(icmp.destination()).append(icmp.bodyLength());
        switch (icmp.message()) {
            case DESTINATION_UNREACHABLE -> text.append(icmp.destinationUnreachable()).append(icmp.quotedPacketLength());
            case PACKET_TOO_BIG -> text.append(icmp.packetTooBig()).append(icmp.quotedPacketLength());
            case TIME_EXCEEDED -> text.append(icmp.timeExceeded()).append(icmp.quotedPacketOffset());
            case PARAMETER_PROBLEM -> text.append(icmp.parameterProblem()).append(icmp.quotedPacketLength());
            case ECHO_REQUEST, ECHO_REPLY -> text.append(icmp.echo());
            case MLD_QUERY, MLD_REPORT, MLD_DONE -> text.append(icmp.mld());
            case MLDV2_QUERY -> {
                text.append(icmp.mldv2Query());
                sources(icmp.querySources(), text);
            }
            case MLDV2_REPORT -> {
                text.append(icmp.mldv2Report());
                Mldv2Records records = icmp.records();
                while (records.next()) {
                    text.append(records.record()).append(records.recordLength()).append(records.auxDataLength());
                    sources(records.sources(), text);
                }
            }
            case ROUTER_SOLICITATION -> text.append(icmp.routerSolicitation());
            case ROUTER_ADVERTISEMENT -> text.append(icmp.routerAdvertisement());
            case NEIGHBOR_SOLICITATION -> text.append(icmp.neighborSolicitation());
            case NEIGHBOR_ADVERTISEMENT -> text.append(icmp.neighborAdvertisement());
            case REDIRECT -> text.append(icmp.redirect());
            default -> { }
        }
        if (icmp.message().isNdp()) {
            ndpOptions(icmp.ndpOptions(), text);
        }
    }

    /** Every option with every typed reader of {@link NdpOptions}. */
    static void ndpOptions(NdpOptions options, StringBuilder text) {
        options.rewind();
        while (options.next()) {
            text.append(options.type()).append(options.lengthUnits()).append(options.valueLength())
                    .append(options.linkLayerAddress()).append(options.prefixInformation()).append(options.mtu())
                    .append(options.routeInformation()).append(options.recursiveDnsServer())
                    .append(options.redirectedHeader()).append(options.redirectedPacketOffset())
                    .append(options.redirectedPacketLength()).append(options.isNonce());
            if (options.routeInformation() != null) {
                text.append(options.routePrefixBytes()).append(options.routePrefix());
            }
            for (int i = 0; i < options.dnsServerCount(); i++) {
                text.append(options.dnsServer(i));
            }
            if (options.isNonce()) {
                text.append(options.nonce().length);
            }
            text.append(options);
        }
    }

    static void sources(SourceAddresses sources, StringBuilder text) {
        for (int i = 0; i < sources.count(); i++) {
            text.append(sources.get(i));
        }
        text.append(sources);
    }

    static void igmp(IgmpPacket igmp, StringBuilder text) {
        text.append(igmp.header()).append(igmp.version()).append(igmp.maxResponseCode())
                .append(igmp.kind().isQuery() ? igmp.maxResponseTime() : -1)   // a query's field only, documented
                .append(igmp.variableLength()).append(igmp.bodyLength());
        if (igmp.kind() == IgmpMessageKind.V3_MEMBERSHIP_QUERY) {
            text.append(igmp.v3Query()).append(igmp.querierQueryInterval());
            for (int i = 0; i < igmp.v3Query().numberOfSources(); i++) {
                text.append(igmp.source(i));
            }
        } else if (igmp.kind() == IgmpMessageKind.V3_MEMBERSHIP_REPORT) {
            text.append(igmp.v3Report());
            IgmpGroupRecords records = igmp.records();
            while (records.next()) {
                text.append(records.record()).append(records.recordLength()).append(records.auxDataBytes());
                for (int i = 0; i < records.record().numberOfSources(); i++) {
                    text.append(records.source(i));
                }
            }
            text.append(records);
        } else if (igmp.kind() != IgmpMessageKind.OTHER) {
            text.append(igmp.groupAddress());
        }
    }
}
