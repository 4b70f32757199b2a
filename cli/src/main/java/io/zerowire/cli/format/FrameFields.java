package io.zerowire.cli.format;

import io.zerowire.buffer.Bytes;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.arp.Arp;
import io.zerowire.protocols.ethernet.EtherType;
import io.zerowire.protocols.ethernet.Ethernet;
import io.zerowire.protocols.ethernet.VlanTag;
import io.zerowire.protocols.framing.LinuxSll;
import io.zerowire.protocols.framing.LinuxSll2;
import io.zerowire.protocols.icmp.IcmpPacket;
import io.zerowire.protocols.icmpv6.Icmpv6Packet;
import io.zerowire.protocols.icmpv6.mld.Mld;
import io.zerowire.protocols.icmpv6.mld.Mldv2Query;
import io.zerowire.protocols.icmpv6.mld.Mldv2Records;
import io.zerowire.protocols.icmpv6.mld.MulticastAddressRecord;
import io.zerowire.protocols.icmpv6.mld.SourceAddresses;
import io.zerowire.protocols.icmpv6.ndp.NdpOptions;
import io.zerowire.protocols.icmpv6.ndp.NeighborAdvertisement;
import io.zerowire.protocols.icmpv6.ndp.PrefixInformation;
import io.zerowire.protocols.icmpv6.ndp.RouteInformation;
import io.zerowire.protocols.icmpv6.ndp.RouterAdvertisement;
import io.zerowire.protocols.igmp.IgmpGroupRecord;
import io.zerowire.protocols.igmp.IgmpGroupRecords;
import io.zerowire.protocols.igmp.IgmpPacket;
import io.zerowire.protocols.igmp.IgmpV3Query;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Packet;
import io.zerowire.protocols.ipv6.FragmentHeader;
import io.zerowire.protocols.ipv6.Ipv6Header;
import io.zerowire.protocols.ipv6.Ipv6OptionFormat;
import io.zerowire.protocols.ipv6.Ipv6Packet;
import io.zerowire.protocols.ipv6.RoutingHeader;
import io.zerowire.protocols.ipv6.RoutingHeaders;
import io.zerowire.protocols.ipv6.SegmentRoutingHeader;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.protocols.tcp.TcpLayout;
import io.zerowire.protocols.tcp.TcpOptions;
import io.zerowire.protocols.udp.UdpLayout;

/**
 * Writes every field of every layer a {@link Dissector} found into a {@link FieldSink}, under the
 * names documented in {@code cli/README.md} (mostly the layouts' own field names): the one
 * definition of what {@code --json} and {@code -V} show. Reads the views in place and allocates
 * nothing; a reusable object (it keeps one option iterator).
 */
public final class FrameFields {
    /** For the options of IPv6 Hop-by-Hop and Destination Options headers at any place in the chain. */
    private final OptionsIterator options = new OptionsIterator();

    /** Writes the layer list, each layer's object, the innermost payload and the error if any. */
    public void write(Dissector d, FieldSink out) {
        out.beginArray("layers");
        for (int i = 0; i < d.layerCount(); i++) {
            Layer layer = d.layer(i);
            if (layer != Layer.VLAN || i == 0 || d.layer(i - 1) != Layer.VLAN) {
                out.string(null, layer.label());
            }
        }
        out.endArray();
        for (int i = 0; i < d.layerCount(); i++) {
            Layer layer = d.layer(i);
            if (layer == Layer.VLAN && d.layer(i - 1) == Layer.VLAN) {
                continue; // all tags are written as one array
            }
            layer(d, layer, out);
        }
        out.beginObject("payload");
        out.number("offset", d.payloadOffset() - d.frameStart());
        out.number("length", d.payloadLength());
        out.endObject();
        ParseException error = d.error();
        if (error != null) {
            out.beginObject("error");
            out.string("layer", d.failedLayer().label());
            out.string("kind", error.kind().name());
            out.string("parser", error.layer());
            out.string("field", error.field());
            out.number("offset", error.offset());
            out.string("detail", error.detail());
            out.endObject();
        }
    }

    private void layer(Dissector d, Layer layer, FieldSink out) {
        switch (layer) {
            case LOOPBACK -> {
                out.beginObject(layer.label());
                out.number("family", d.loopback().family());
                out.endObject();
            }
            case LINUX_SLL -> linuxSll(d.linuxSll(), out);
            case LINUX_SLL2 -> linuxSll2(d.linuxSll2(), out);
            case ETHERNET -> ethernet(d.ethernet(), out);
            case VLAN -> vlans(d, out);
            case ARP -> arp(d.arp(), out);
            case IPV4 -> ipv4(d, out);
            case IPV6 -> ipv6(d.ipv6(), out);
            case ICMP -> icmp(d, out);
            case ICMPV6 -> icmpv6(d, out);
            case IGMP -> igmp(d, out);
            case UDP -> udp(d, out);
            case TCP -> tcp(d, out);
        }
    }

    private static void linuxSll(LinuxSll sll, FieldSink out) {
        out.beginObject(Layer.LINUX_SLL.label());
        out.number("packetType", sll.packetType());
        out.number("deviceType", sll.deviceType());
        out.number("addressLength", sll.addressLength());
        out.bytes("address", sll.array(), sll.addressOffset(), Math.min(sll.addressLength(), 8));
        out.hexNumber("protocol", sll.protocolValue(), 4);
        out.endObject();
    }

    private static void linuxSll2(LinuxSll2 sll, FieldSink out) {
        out.beginObject(Layer.LINUX_SLL2.label());
        out.hexNumber("protocol", sll.protocolValue(), 4);
        out.number("interfaceIndex", sll.interfaceIndex());
        out.number("deviceType", sll.deviceType());
        out.number("packetType", sll.packetType());
        out.number("addressLength", sll.addressLength());
        out.bytes("address", sll.array(), sll.addressOffset(), Math.min(sll.addressLength(), 8));
        out.endObject();
    }

    private static void ethernet(Ethernet eth, FieldSink out) {
        out.beginObject(Layer.ETHERNET.label());
        out.mac("destination", eth.array(), eth.destinationOffset());
        out.mac("source", eth.array(), eth.sourceOffset());
        out.hexNumber("etherType", eth.etherTypeValue(), 4);
        out.endObject();
    }

    private static void vlans(Dissector d, FieldSink out) {
        out.beginArray(Layer.VLAN.label());
        int tpid = d.has(Layer.ETHERNET) ? d.ethernet().etherTypeValue() : EtherType.VLAN.value();
        for (int i = 0; i < d.vlanCount(); i++) {
            VlanTag tag = d.vlan(i);
            out.beginObject(null);
            out.hexNumber("tpid", tpid, 4);
            out.number("priority", tag.priority());
            out.bool("dropEligible", tag.dropEligible());
            out.number("id", tag.vlanId());
            out.hexNumber("etherType", tag.etherTypeValue(), 4);
            out.endObject();
            tpid = tag.etherTypeValue();
        }
        out.endArray();
    }

    private static void arp(Arp arp, FieldSink out) {
        out.beginObject(Layer.ARP.label());
        out.number("hardwareType", arp.hardwareType());
        out.hexNumber("protocolType", arp.protocolType(), 4);
        out.number("hardwareLength", arp.hardwareLength());
        out.number("protocolLength", arp.protocolLength());
        out.number("operation", arp.operationValue());
        out.mac("senderHardwareAddress", arp.array(), arp.senderHardwareAddressOffset());
        out.ipv4("senderProtocolAddress", arp.senderProtocolAddressBits());
        out.mac("targetHardwareAddress", arp.array(), arp.targetHardwareAddressOffset());
        out.ipv4("targetProtocolAddress", arp.targetProtocolAddressBits());
        out.endObject();
    }

    private void ipv4(Dissector d, FieldSink out) {
        Ipv4Packet ip = d.ipv4();
        Ipv4 h = ip.header();
        out.beginObject(Layer.IPV4.label());
        out.number("version", h.version());
        out.number("ihl", h.ihl());
        out.number("headerLength", h.headerLength());
        out.number("dscp", h.dscp());
        out.number("ecn", h.ecn());
        out.number("totalLength", h.totalLength());
        out.hexNumber("identification", h.identification(), 4);
        out.bool("reservedFlag", h.reservedFlag());
        out.bool("dontFragment", h.dontFragment());
        out.bool("moreFragments", h.moreFragments());
        out.number("fragmentOffset", h.fragmentOffset());
        out.number("ttl", h.ttl());
        out.number("protocol", h.protocolValue());
        out.hexNumber("headerChecksum", h.headerChecksum(), 4);
        out.string("checksumStatus", checksumStatus(d, Layer.IPV4));
        out.ipv4("source", h.sourceBits());
        out.ipv4("destination", h.destinationBits());
        if (ip.pseudoHeaderDestinationBits() != h.destinationBits()) {
            out.ipv4("finalDestination", ip.pseudoHeaderDestinationBits());
        }
        out.bool("fragment", ip.isFragment());
        out.beginArray("options");
        OptionsIterator it = h.options();
        while (it.next()) {
            option(it, "kind", out);
        }
        out.endArray();
        out.bool("endOfList", it.hasEndOfList());
        out.endObject();
    }

    /** One type-length-value option: its kind (or type), its length in bytes and its value in hex. */
    private static void option(OptionsIterator it, String kindName, FieldSink out) {
        out.beginObject(null);
        out.number(kindName, it.kind());
        out.number("length", it.length());
        out.bytes("value", it.array(), it.valueOffset(), it.valueLength());
        out.endObject();
    }

    private void ipv6(Ipv6Packet ip, FieldSink out) {
        Ipv6Header h = ip.header();
        byte[] a = ip.array();
        out.beginObject(Layer.IPV6.label());
        out.number("version", h.version());
        out.number("dscp", h.dscp());
        out.number("ecn", h.ecn());
        out.hexNumber("flowLabel", h.flowLabel(), 5);
        out.number("payloadLength", h.payloadLength());
        out.number("nextHeader", h.nextHeaderValue());
        out.number("hopLimit", h.hopLimit());
        out.ipv6("source", a, ip.sourceOffset());
        out.ipv6("destination", a, ip.destinationOffset());
        if (ip.pseudoHeaderDestinationOffset() != ip.destinationOffset()) {
            out.ipv6("finalDestination", a, ip.pseudoHeaderDestinationOffset());
        }
        out.beginArray("extensionHeaders");
        for (int i = 0; i < ip.extensionHeaderCount(); i++) {
            extensionHeader(ip, i, out);
        }
        out.endArray();
        out.number("upperLayer", ip.transportProtocolValue());
        out.bool("fragment", ip.isFragment());
        if (ip.isJumbogram()) {
            out.number("jumboPayloadLength", ip.jumboPayloadLength());
        }
        out.endObject();
    }

    private void extensionHeader(Ipv6Packet ip, int i, FieldSink out) {
        byte[] a = ip.array();
        int at = ip.extensionHeaderOffset(i);
        int length = ip.extensionHeaderLength(i);
        int type = ip.extensionHeaderTypeValue(i);
        out.beginObject(null);
        out.number("type", type);
        out.number("nextHeader", Bytes.u8(a, at));
        out.number("length", length);
        switch (type) {
            case Ipv6Packet.HOP_BY_HOP, Ipv6Packet.DESTINATION_OPTIONS -> {
                out.beginArray("options");
                options.resetValidated(a, at + 2, at + length, Ipv6OptionFormat.FORMAT);
                while (options.next()) {
                    option(options, "type", out);
                }
                out.endArray();
            }
            case Ipv6Packet.ROUTING -> {
                int routingType = Bytes.u8(a, at + RoutingHeader.ROUTING_TYPE_OFFSET);
                out.number("routingType", routingType);
                out.number("segmentsLeft", Bytes.u8(a, at + RoutingHeader.SEGMENTS_LEFT_OFFSET));
                routingAddresses(a, at, length, routingType, out);
            }
            case Ipv6Packet.FRAGMENT -> {
                int offsetAndFlags = Bytes.u16(a, at + 2);
                out.number("fragmentOffset", offsetAndFlags >>> 3);
                out.bool("moreFragments", (offsetAndFlags & 1) != 0);
                out.hexNumber("identification", Bytes.u32(a, at + FragmentHeader.IDENTIFICATION_OFFSET), 8);
            }
            default -> out.bytes("data", a, at + 2, length - 2);
        }
        out.endObject();
    }

    /** The addresses of a type 0 header, the segment list of an SRH (RFC 8754), else the raw data. */
    private static void routingAddresses(byte[] a, int at, int length, int routingType, FieldSink out) {
        if (routingType == 0 || routingType == 4) {
            if (routingType == 4) {
                out.number("lastEntry", Bytes.u8(a, at + SegmentRoutingHeader.LAST_ENTRY_OFFSET));
                out.hexNumber("flags", Bytes.u8(a, at + SegmentRoutingHeader.FLAGS_OFFSET), 2);
                out.hexNumber("tag", Bytes.u16(a, at + SegmentRoutingHeader.TAG_OFFSET), 4);
            }
            int addresses = routingType == 0 ? (length - 8) / 16
                    : Math.min(Bytes.u8(a, at + SegmentRoutingHeader.LAST_ENTRY_OFFSET) + 1, (length - 8) / 16);
            out.beginArray(routingType == 0 ? "addresses" : "segments");
            for (int i = 0; i < addresses; i++) {
                out.ipv6(null, a, at + 8 + 16 * i);
            }
            out.endArray();
        } else {
            out.bytes("data", a, at + RoutingHeader.TYPE_SPECIFIC_DATA_OFFSET, length - 4);
        }
    }

    private static void icmp(Dissector d, FieldSink out) {
        IcmpPacket icmp = d.icmp();
        out.beginObject(Layer.ICMP.label());
        out.number("type", icmp.typeValue());
        out.number("code", icmp.code());
        out.hexNumber("checksum", icmp.checksum(), 4);
        out.string("checksumStatus", checksumStatus(d, Layer.ICMP));
        out.string("message", icmp.kind().name());
        switch (icmp.kind()) {
            case ECHO_REQUEST, ECHO_REPLY -> {
                out.number("identifier", icmp.echo().identifier());
                out.number("sequence", icmp.echo().sequence());
            }
            case DESTINATION_UNREACHABLE -> {
                out.number("originalDatagramLength", icmp.destinationUnreachable().originalDatagramLength());
                out.number("nextHopMtu", icmp.destinationUnreachable().nextHopMtu());
            }
            case REDIRECT -> out.ipv4("gateway", icmp.redirect().gatewayBits());
            case TIME_EXCEEDED -> out.number("originalDatagramLength", icmp.timeExceeded().originalDatagramLength());
            case PARAMETER_PROBLEM -> {
                out.number("pointer", icmp.parameterProblem().pointer());
                out.number("originalDatagramLength", icmp.parameterProblem().originalDatagramLength());
            }
            case TIMESTAMP_REQUEST, TIMESTAMP_REPLY -> {
                out.number("identifier", icmp.timestamp().identifier());
                out.number("sequence", icmp.timestamp().sequence());
                out.number("originateTimestamp", icmp.timestamp().originateTimestamp());
                out.number("receiveTimestamp", icmp.timestamp().receiveTimestamp());
                out.number("transmitTimestamp", icmp.timestamp().transmitTimestamp());
            }
            case OTHER -> { }
        }
        if (icmp.isError()) {
            out.number("quotedLength", icmp.bodyLength());
        }
        out.endObject();
    }

    private static void icmpv6(Dissector d, FieldSink out) {
        Icmpv6Packet icmp = d.icmpv6();
        byte[] a = icmp.array();
        out.beginObject(Layer.ICMPV6.label());
        out.number("type", icmp.typeValue());
        out.number("code", icmp.code());
        out.hexNumber("checksum", icmp.checksum(), 4);
        out.string("checksumStatus", checksumStatus(d, Layer.ICMPV6));
        out.string("message", icmp.message().name());
        switch (icmp.message()) {
            case DESTINATION_UNREACHABLE, TIME_EXCEEDED -> out.number("quotedLength", icmp.quotedPacketLength());
            case PACKET_TOO_BIG -> {
                out.number("mtu", icmp.packetTooBig().mtu());
                out.number("quotedLength", icmp.quotedPacketLength());
            }
            case PARAMETER_PROBLEM -> {
                out.number("pointer", icmp.parameterProblem().pointer());
                out.number("quotedLength", icmp.quotedPacketLength());
            }
            case ECHO_REQUEST, ECHO_REPLY -> {
                out.number("identifier", icmp.echo().identifier());
                out.number("sequence", icmp.echo().sequenceNumber());
            }
            case MLD_QUERY, MLD_REPORT, MLD_DONE -> {
                Mld mld = icmp.mld();
                out.number("maximumResponseDelay", mld.maximumResponseDelay());
                out.ipv6("multicastAddress", a, mld.multicastAddressOffset());
            }
            case MLDV2_QUERY -> {
                Mldv2Query q = icmp.mldv2Query();
                out.number("maximumResponseCode", q.maximumResponseCode());
                out.ipv6("multicastAddress", a, q.multicastAddressOffset());
                out.bool("suppressRouterSideProcessing", q.suppressRouterSideProcessing());
                out.number("querierRobustnessVariable", q.querierRobustnessVariable());
                out.number("querierQueryIntervalCode", q.querierQueryIntervalCode());
                sources(icmp.querySources(), out);
            }
            case MLDV2_REPORT -> {
                out.beginArray("records");
                Mldv2Records records = icmp.records();
                records.rewind();
                while (records.next()) {
                    MulticastAddressRecord r = records.record();
                    out.beginObject(null);
                    out.number("recordType", r.recordType());
                    out.number("auxDataLength", r.auxDataLength());
                    out.ipv6("multicastAddress", a, r.multicastAddressOffset());
                    sources(records.sources(), out);
                    out.endObject();
                }
                out.endArray();
            }
            case ROUTER_SOLICITATION -> { }
            case ROUTER_ADVERTISEMENT -> {
                RouterAdvertisement ra = icmp.routerAdvertisement();
                out.number("currentHopLimit", ra.currentHopLimit());
                out.bool("managedAddressConfiguration", ra.managedAddressConfiguration());
                out.bool("otherConfiguration", ra.otherConfiguration());
                out.bool("homeAgent", ra.homeAgent());
                out.number("routerPreference", ra.routerPreferenceValue());
                out.bool("proxy", ra.proxy());
                out.number("routerLifetime", ra.routerLifetime());
                out.number("reachableTime", ra.reachableTime());
                out.number("retransTimer", ra.retransTimer());
            }
            case NEIGHBOR_SOLICITATION -> out.ipv6("target", a, icmp.neighborSolicitation().targetOffset());
            case NEIGHBOR_ADVERTISEMENT -> {
                NeighborAdvertisement na = icmp.neighborAdvertisement();
                out.bool("router", na.router());
                out.bool("solicited", na.solicited());
                out.bool("override", na.override());
                out.ipv6("target", a, na.targetOffset());
            }
            case REDIRECT -> {
                out.ipv6("target", a, icmp.redirect().targetOffset());
                out.ipv6("destination", a, icmp.redirect().destinationOffset());
            }
            case OTHER -> { }
        }
        if (icmp.message().isNdp()) {
            ndpOptions(icmp.ndpOptions(), out);
        }
        out.endObject();
    }

    private static void sources(SourceAddresses sources, FieldSink out) {
        out.beginArray("sources");
        for (int i = 0; i < sources.count(); i++) {
            out.ipv6(null, sources.array(), sources.offset(i));
        }
        out.endArray();
    }

    private static void ndpOptions(NdpOptions o, FieldSink out) {
        out.beginArray("ndpOptions");
        o.rewind();
        byte[] a = o.array();
        while (o.next()) {
            out.beginObject(null);
            out.number("type", o.type());
            out.number("length", o.lengthUnits());
            switch (o.type()) {
                case NdpOptions.SOURCE_LINK_LAYER_ADDRESS, NdpOptions.TARGET_LINK_LAYER_ADDRESS -> {
                    if (o.linkLayerAddress() != null) {
                        out.mac("linkLayerAddress", a, o.linkLayerAddress().addressOffset());
                    } else {
                        out.bytes("linkLayerAddress", a, o.valueOffset(), o.valueLength());
                    }
                }
                case NdpOptions.PREFIX_INFORMATION -> {
                    PrefixInformation p = o.prefixInformation();
                    if (p != null) {
                        out.number("prefixLength", p.prefixLength());
                        out.bool("onLink", p.onLink());
                        out.bool("autonomous", p.autonomous());
                        out.bool("routerAddress", p.routerAddress());
                        out.number("validLifetime", p.validLifetime());
                        out.number("preferredLifetime", p.preferredLifetime());
                        out.ipv6("prefix", a, p.prefixOffset());
                    }
                }
                case NdpOptions.MTU -> {
                    if (o.mtu() != null) {
                        out.number("mtu", o.mtu().mtu());
                    }
                }
                case NdpOptions.ROUTE_INFORMATION -> {
                    RouteInformation r = o.routeInformation();
                    if (r != null) {
                        out.number("prefixLength", r.prefixLength());
                        out.number("routePreference", r.routePreferenceValue());
                        out.number("routeLifetime", r.routeLifetime());
                        out.bytes("prefix", a, o.valueOffset() + 6, o.routePrefixBytes());
                    }
                }
                case NdpOptions.RECURSIVE_DNS_SERVER -> {
                    if (o.recursiveDnsServer() != null) {
                        out.number("lifetime", o.recursiveDnsServer().lifetime());
                        out.beginArray("servers");
                        for (int i = 0; i < o.dnsServerCount(); i++) {
                            out.ipv6(null, a, o.dnsServerOffset(i));
                        }
                        out.endArray();
                    }
                }
                case NdpOptions.REDIRECTED_HEADER -> out.number("redirectedLength", o.redirectedPacketLength());
                case NdpOptions.NONCE -> out.bytes("nonce", a, o.nonceOffset(), o.nonceLength());
                default -> out.bytes("value", a, o.valueOffset(), o.valueLength());
            }
            out.endObject();
        }
        out.endArray();
    }

    private static void igmp(Dissector d, FieldSink out) {
        IgmpPacket igmp = d.igmp();
        out.beginObject(Layer.IGMP.label());
        out.number("version", igmp.version());
        out.hexNumber("type", igmp.typeValue(), 2);
        out.number("maxResponseCode", igmp.maxResponseCode());
        out.hexNumber("checksum", igmp.checksum(), 4);
        out.string("checksumStatus", checksumStatus(d, Layer.IGMP));
        out.string("message", igmp.kind().name());
        switch (igmp.kind()) {
            case V1_MEMBERSHIP_QUERY, V2_MEMBERSHIP_QUERY, V1_MEMBERSHIP_REPORT, V2_MEMBERSHIP_REPORT, V2_LEAVE_GROUP ->
                    out.ipv4("group", igmp.groupAddress().groupAddressBits());
            case V3_MEMBERSHIP_QUERY -> {
                IgmpV3Query q = igmp.v3Query();
                out.ipv4("group", q.groupAddressBits());
                out.bool("suppressRouterProcessing", q.suppressRouterProcessing());
                out.number("querierRobustnessVariable", q.querierRobustnessVariable());
                out.number("querierQueryIntervalCode", q.querierQueryIntervalCode());
                out.beginArray("sources");
                for (int i = 0; i < q.numberOfSources(); i++) {
                    out.ipv4(null, igmp.sourceBits(i));
                }
                out.endArray();
            }
            case V3_MEMBERSHIP_REPORT -> {
                out.beginArray("records");
                IgmpGroupRecords records = igmp.records();
                records.rewind();
                while (records.next()) {
                    IgmpGroupRecord r = records.record();
                    out.beginObject(null);
                    out.number("recordType", r.recordTypeValue());
                    out.number("auxDataLength", r.auxDataLength());
                    out.ipv4("multicastAddress", r.multicastAddressBits());
                    out.beginArray("sources");
                    for (int i = 0; i < r.numberOfSources(); i++) {
                        out.ipv4(null, records.sourceBits(i));
                    }
                    out.endArray();
                    out.endObject();
                }
                out.endArray();
            }
            case OTHER -> { }
        }
        out.endObject();
    }

    private static void udp(Dissector d, FieldSink out) {
        UdpLayout<?> udp = d.udp().layout();
        out.beginObject(Layer.UDP.label());
        out.number("sourcePort", udp.sourcePort());
        out.number("destinationPort", udp.destinationPort());
        out.number("length", udp.length());
        out.hexNumber("checksum", udp.checksum(), 4);
        out.string("checksumStatus", checksumStatus(d, Layer.UDP));
        out.number("payloadLength", d.udp().bodyLength());
        out.endObject();
    }

    private static void tcp(Dissector d, FieldSink out) {
        TcpLayout<?> tcp = d.tcp().layout();
        out.beginObject(Layer.TCP.label());
        out.number("sourcePort", tcp.sourcePort());
        out.number("destinationPort", tcp.destinationPort());
        out.number("sequenceNumber", tcp.sequenceNumber());
        out.number("acknowledgmentNumber", tcp.acknowledgmentNumber());
        out.number("dataOffset", tcp.dataOffset());
        out.number("headerLength", d.tcp().headerLength());
        out.number("reserved", tcp.reserved());
        out.hexNumber("flags", TcpFlags.value(tcp), 3);
        out.bool("ae", tcp.ae());
        out.bool("cwr", tcp.cwr());
        out.bool("ece", tcp.ece());
        out.bool("urg", tcp.urg());
        out.bool("ack", tcp.ack());
        out.bool("psh", tcp.psh());
        out.bool("rst", tcp.rst());
        out.bool("syn", tcp.syn());
        out.bool("fin", tcp.fin());
        out.number("window", tcp.window());
        out.hexNumber("checksum", tcp.checksum(), 4);
        out.string("checksumStatus", checksumStatus(d, Layer.TCP));
        out.number("urgentPointer", tcp.urgentPointer());
        out.beginArray("options");
        OptionsIterator it = d.tcp().options();
        while (it.next()) {
            out.beginObject(null);
            out.number("kind", it.kind());
            out.number("length", it.length());
            tcpOption(it, out);
            out.endObject();
        }
        out.endArray();
        out.bool("endOfList", it.hasEndOfList());
        out.number("payloadLength", d.tcp().bodyLength());
        out.endObject();
    }

    /** The decoded value of a known option of a valid length; the raw value for any other. */
    private static void tcpOption(OptionsIterator it, FieldSink out) {
        if (TcpOptions.hasBadLength(it)) {
            out.bytes("value", it.array(), it.valueOffset(), it.valueLength());
            return;
        }
        switch (it.kind()) {
            case TcpOptions.END_OF_LIST, TcpOptions.NOP, TcpOptions.SACK_PERMITTED -> { }
            case TcpOptions.MSS -> out.number("mss", TcpOptions.mss(it));
            case TcpOptions.WINDOW_SCALE -> out.number("windowScale", TcpOptions.windowScale(it));
            case TcpOptions.TIMESTAMPS -> {
                out.number("timestampValue", TcpOptions.timestampValue(it));
                out.number("timestampEchoReply", TcpOptions.timestampEchoReply(it));
            }
            case TcpOptions.SACK -> {
                out.beginArray("blocks");
                for (int i = 0; i < TcpOptions.sackBlocks(it); i++) {
                    out.beginObject(null);
                    out.number("left", TcpOptions.sackLeft(it, i));
                    out.number("right", TcpOptions.sackRight(it, i));
                    out.endObject();
                }
                out.endArray();
            }
            default -> out.bytes("value", it.array(), it.valueOffset(), it.valueLength());
        }
    }

    /** {@code good}, {@code bad}, {@code none} (a zero UDP checksum over IPv4) or {@code unverified}. */
    public static String checksumStatus(Dissector d, Layer layer) {
        if (d.checksumChecked(layer)) {
            return d.checksumBad(layer) ? "bad" : "good";
        }
        return layer == Layer.UDP ? "none" : "unverified";
    }
}
