package io.zerowire.protocols.icmpv6;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.icmpv6.mld.Mld;
import io.zerowire.protocols.icmpv6.mld.Mldv2;
import io.zerowire.protocols.icmpv6.mld.Mldv2Query;
import io.zerowire.protocols.icmpv6.mld.Mldv2Records;
import io.zerowire.protocols.icmpv6.mld.MulticastAddressRecord;
import io.zerowire.protocols.icmpv6.mld.SourceAddresses;
import io.zerowire.protocols.icmpv6.ndp.LinkLayerAddressOption;
import io.zerowire.protocols.icmpv6.ndp.MtuOption;
import io.zerowire.protocols.icmpv6.ndp.NdpOptions;
import io.zerowire.protocols.icmpv6.ndp.NeighborAdvertisement;
import io.zerowire.protocols.icmpv6.ndp.PrefixInformation;
import io.zerowire.protocols.icmpv6.ndp.RecursiveDnsServer;
import io.zerowire.protocols.icmpv6.ndp.Redirect;
import io.zerowire.protocols.icmpv6.ndp.RouteInformation;
import io.zerowire.protocols.icmpv6.ndp.RouterAdvertisement;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.protocols.testing.Tshark;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every ICMPv6 message of every capture, whatever the link type, parsed with {@link Icmpv6Packet}
 * and compared field by field with tshark's dissection: the common header and checksum verdict,
 * every message's fields, every NDP option (type, length and the typed fields of link-layer
 * address, prefix information, MTU, route information, RDNSS and nonce options), MLDv1 and MLDv2
 * fields down to each record's sources, and the fixed IPv6 header that error messages quote. The
 * frames where tshark finds ICMPv6 and the frames where {@link Ipv6Walk} does must be the same.
 * Where we reject a message, tshark must have seen a problem too. Any other difference fails unless
 * {@link #ALLOWED} explains it.
 */
class Icmpv6TsharkComparisonTest {
    /** Understood disagreements, "dir/file#frame field" -> reason. Every entry must be used. */
    private static final Map<String, String> ALLOWED = Map.of();

    private final Map<String, Integer> compared = new TreeMap<>();
    private final Map<String, Integer> messages = new TreeMap<>();
    private final List<String> disagreements = new ArrayList<>();
    private int frames;
    private int rejected;

    @Test
    void everyIcmpv6MessageAgreesWithTshark() throws Exception {
        List<Corpus.Capture> captures = Corpus.captures();
        Icmpv6Packet icmp = new Icmpv6Packet();
        for (Corpus.Capture capture : captures) {
            Map<Integer, Tshark.Packet> dissection = null;
            for (Corpus.Frame frame : capture.frames()) {
                Ipv6Walk.Located at = Ipv6Walk.locate(frame);
                if (dissection == null && at == null) {
                    continue; // most captures hold no IPv6 at all: dissect only when needed
                }
                if (dissection == null) {
                    dissection = Tshark.dissect(capture.file());
                }
                Tshark.Packet t = dissection.get(frame.number());
                boolean tsharkHas = t != null && t.first("frame.protocols") != null
                        && (":" + t.first("frame.protocols") + ":").contains(":icmpv6:");
                if (at == null) {
                    check(frame, "reached", !tsharkHas, "tshark dissects ICMPv6, the walk does not reach it");
                    continue;
                }
                check(frame, "reached", tsharkHas, "the walk reaches ICMPv6, tshark does not dissect it");
                if (!tsharkHas) {
                    continue;
                }
                frames++;
                compare(frame, at, icmp, t);
            }
            // Captures where the walk reached nothing but tshark found ICMPv6.
            if (dissection == null && capture.frames().stream().anyMatch(f -> true)) {
                Map<Integer, Tshark.Packet> d = Tshark.dissect(capture.file());
                for (Corpus.Frame frame : capture.frames()) {
                    Tshark.Packet t = d.get(frame.number());
                    if (t != null && t.first("frame.protocols") != null
                            && (":" + t.first("frame.protocols") + ":").contains(":icmpv6:")) {
                        disagree(frame, "reached", "tshark dissects ICMPv6, the walk does not reach it");
                    }
                }
            }
        }
        compared.values().removeIf(n -> n == 0);
        System.out.printf("icmpv6 tshark comparison: %d messages (%d rejected), %d field comparisons%n", frames,
                rejected, compared.values().stream().mapToInt(Integer::intValue).sum());
        messages.forEach((m, n) -> System.out.printf("  %-24s %4d%n", m, n));
        compared.forEach((field, n) -> System.out.printf("  %-44s %5d%n", field, n));
        List<String> unexplained = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String d : disagreements) {
            String key = d.substring(0, d.indexOf(':'));
            if (ALLOWED.containsKey(key)) {
                used.add(key);
            } else {
                unexplained.add(d);
            }
        }
        assertThat(unexplained).as("disagreements with tshark").isEmpty();
        assertThat(used).as("allowlist entries that explain something").isEqualTo(ALLOWED.keySet());
        assertThat(frames).isGreaterThanOrEqualTo(85);
        for (String field : List.of("icmpv6.checksum.status", "icmpv6.echo.identifier", "icmpv6.pointer",
                "icmpv6.nd.ra.router_lifetime", "icmpv6.nd.ns.target_address", "icmpv6.opt.type",
                "icmpv6.opt.linkaddr", "icmpv6.opt.prefix", "icmpv6.opt.mtu", "icmpv6.opt.route_lifetime",
                "icmpv6.opt.rdnss", "icmpv6.opt.nonce", "icmpv6.mld.qqi", "icmpv6.mldr.mar.multicast_address",
                "quoted ipv6.src")) {
            assertThat(compared.get(field)).as("comparisons of " + field).isPositive();
        }
    }

    private void compare(Corpus.Frame frame, Ipv6Walk.Located at, Icmpv6Packet icmp, Tshark.Packet t) {
        PacketBuffer buffer = PacketBuffer.wrap(at.bytes(), at.offset(), at.length());
        try {
            icmp.wrapUnverified(buffer, at);
        } catch (ParseException e) {
            rejected++;
            messages.merge("rejected", 1, Integer::sum);
            System.out.println("  rejected " + frame.name() + ": " + e.getMessage());
            // tshark must see a problem as well: no type at all, or a malformed or truncated message.
            boolean tsharkObjects = t.first("icmpv6.type") == null || t.malformed() || at.truncated();
            check(frame, "rejection", tsharkObjects, "we reject (" + e.getMessage() + "), tshark finds no fault");
            return;
        }
        messages.merge(icmp.message().name(), 1, Integer::sum);
        equal(frame, "icmpv6.type", number(t.first("icmpv6.type")), icmp.typeValue());
        equal(frame, "icmpv6.code", number(t.first("icmpv6.code")), icmp.code());
        equal(frame, "icmpv6.checksum", number(t.first("icmpv6.checksum")), icmp.checksum());
        String status = t.first("icmpv6.checksum.status");
        if ("0".equals(status) || "1".equals(status)) {
            equal(frame, "icmpv6.checksum.status", status, icmp.checksumValid() ? "1" : "0");
        } else {
            // tshark verifies only whole messages; leaves it unverified (2) when the capture is cut short.
            check(frame, "icmpv6.checksum.status", at.truncated(), "tshark leaves the checksum unverified: " + status);
        }
        switch (icmp.message()) {
            case PACKET_TOO_BIG -> {
                equal(frame, "icmpv6.mtu", number(t.first("icmpv6.mtu")), icmp.packetTooBig().mtu());
                compareQuoted(frame, at, icmp, t);
            }
            case PARAMETER_PROBLEM -> {
                equal(frame, "icmpv6.pointer", number(t.first("icmpv6.pointer")), icmp.parameterProblem().pointer());
                compareQuoted(frame, at, icmp, t);
            }
            case DESTINATION_UNREACHABLE, TIME_EXCEEDED -> compareQuoted(frame, at, icmp, t);
            case ECHO_REQUEST, ECHO_REPLY -> {
                equal(frame, "icmpv6.echo.identifier", number(t.first("icmpv6.echo.identifier")),
                        icmp.echo().identifier());
                equal(frame, "icmpv6.echo.sequence_number", number(t.first("icmpv6.echo.sequence_number")),
                        icmp.echo().sequenceNumber());
            }
            case ROUTER_ADVERTISEMENT -> {
                RouterAdvertisement ra = icmp.routerAdvertisement();
                equal(frame, "icmpv6.nd.ra.cur_hop_limit", number(t.first("icmpv6.nd.ra.cur_hop_limit")),
                        ra.currentHopLimit());
                equal(frame, "icmpv6.nd.ra.flag.m", number(t.first("icmpv6.nd.ra.flag.m")),
                        ra.managedAddressConfiguration());
                equal(frame, "icmpv6.nd.ra.flag.o", number(t.first("icmpv6.nd.ra.flag.o")), ra.otherConfiguration());
                equal(frame, "icmpv6.nd.ra.flag.h", number(t.first("icmpv6.nd.ra.flag.h")), ra.homeAgent());
                equal(frame, "icmpv6.nd.ra.flag.prf", number(t.first("icmpv6.nd.ra.flag.prf")),
                        ra.routerPreferenceValue());
                equal(frame, "icmpv6.nd.ra.flag.p", number(t.first("icmpv6.nd.ra.flag.p")), ra.proxy());
                equal(frame, "icmpv6.nd.ra.flag.rsv", number(t.first("icmpv6.nd.ra.flag.rsv")), ra.reserved());
                equal(frame, "icmpv6.nd.ra.router_lifetime", number(t.first("icmpv6.nd.ra.router_lifetime")),
                        ra.routerLifetime());
                equal(frame, "icmpv6.nd.ra.reachable_time", number(t.first("icmpv6.nd.ra.reachable_time")),
                        ra.reachableTime());
                equal(frame, "icmpv6.nd.ra.retrans_timer", number(t.first("icmpv6.nd.ra.retrans_timer")),
                        ra.retransTimer());
                compareOptions(frame, icmp, t);
            }
            case ROUTER_SOLICITATION -> compareOptions(frame, icmp, t);
            case NEIGHBOR_SOLICITATION -> {
                equal(frame, "icmpv6.nd.ns.target_address", t.first("icmpv6.nd.ns.target_address"),
                        icmp.neighborSolicitation().target().toString());
                compareOptions(frame, icmp, t);
            }
            case NEIGHBOR_ADVERTISEMENT -> {
                NeighborAdvertisement na = icmp.neighborAdvertisement();
                equal(frame, "icmpv6.nd.na.target_address", t.first("icmpv6.nd.na.target_address"),
                        na.target().toString());
                equal(frame, "icmpv6.nd.na.flag.r", number(t.first("icmpv6.nd.na.flag.r")), na.router());
                equal(frame, "icmpv6.nd.na.flag.s", number(t.first("icmpv6.nd.na.flag.s")), na.solicited());
                equal(frame, "icmpv6.nd.na.flag.o", number(t.first("icmpv6.nd.na.flag.o")), na.override());
                compareOptions(frame, icmp, t);
            }
            case REDIRECT -> {
                Redirect rd = icmp.redirect();
                equal(frame, "icmpv6.nd.rd.target_address", t.first("icmpv6.nd.rd.target_address"),
                        rd.target().toString());
                equal(frame, "icmpv6.rd.na.destination_address", t.first("icmpv6.rd.na.destination_address"),
                        rd.destination().toString());
                compareOptions(frame, icmp, t);
            }
            case MLD_QUERY, MLD_REPORT, MLD_DONE -> {
                Mld mld = icmp.mld();
                equal(frame, "icmpv6.mld.maximum_response_delay",
                        number(t.first("icmpv6.mld.maximum_response_delay")), mld.maximumResponseDelay());
                equal(frame, "icmpv6.mld.multicast_address", t.first("icmpv6.mld.multicast_address"),
                        mld.multicastAddress().toString());
            }
            case MLDV2_QUERY -> {
                Mldv2Query q = icmp.mldv2Query();
                equal(frame, "icmpv6.mld.maximum_response_code", number(t.first("icmpv6.mld.maximum_response_code")),
                        Mldv2.maximumResponseDelay(q.maximumResponseCode()));
                equal(frame, "icmpv6.mld.multicast_address", t.first("icmpv6.mld.multicast_address"),
                        q.multicastAddress().toString());
                equal(frame, "icmpv6.mld.flag.s", number(t.first("icmpv6.mld.flag.s")),
                        q.suppressRouterSideProcessing());
                equal(frame, "icmpv6.mld.flag.qrv", number(t.first("icmpv6.mld.flag.qrv")),
                        q.querierRobustnessVariable());
                equal(frame, "icmpv6.mld.flag.reserved", number(t.first("icmpv6.mld.flag.reserved")), q.reserved2());
                equal(frame, "icmpv6.mld.qqi", number(t.first("icmpv6.mld.qqi")),
                        Mldv2.queryInterval(q.querierQueryIntervalCode()));
                equal(frame, "icmpv6.mld.nb_sources", number(t.first("icmpv6.mld.nb_sources")), q.numberOfSources());
                SourceAddresses sources = icmp.querySources();
                List<String> ours = new ArrayList<>();
                for (int i = 0; i < sources.count(); i++) {
                    ours.add(sources.get(i).toString());
                }
                equal(frame, "icmpv6.mld.source_address", t.all("icmpv6.mld.source_address"), ours);
            }
            case MLDV2_REPORT -> {
                equal(frame, "icmpv6.mldr.nb_mcast_records", number(t.first("icmpv6.mldr.nb_mcast_records")),
                        icmp.mldv2Report().numberOfRecords());
                List<String> types = new ArrayList<>();
                List<String> aux = new ArrayList<>();
                List<String> counts = new ArrayList<>();
                List<String> groups = new ArrayList<>();
                List<String> sources = new ArrayList<>();
                List<String> auxData = new ArrayList<>();
                Mldv2Records records = icmp.records();
                while (records.next()) {
                    MulticastAddressRecord r = records.record();
                    types.add(Integer.toString(r.recordType()));
                    aux.add(Integer.toString(r.auxDataLength()));
                    counts.add(Integer.toString(r.numberOfSources()));
                    groups.add(r.multicastAddress().toString());
                    for (int i = 0; i < records.sources().count(); i++) {
                        sources.add(records.sources().get(i).toString());
                    }
                    if (records.auxDataLength() > 0) {
                        auxData.add(hexColons(at.bytes(), records.auxDataOffset(), records.auxDataLength()));
                    }
                }
                equal(frame, "icmpv6.mldr.mar.record_type", t.all("icmpv6.mldr.mar.record_type"), types);
                equal(frame, "icmpv6.mldr.mar.aux_data_len", t.all("icmpv6.mldr.mar.aux_data_len"), aux);
                equal(frame, "icmpv6.mldr.mar.nb_sources", t.all("icmpv6.mldr.mar.nb_sources"), counts);
                equal(frame, "icmpv6.mldr.mar.multicast_address", t.all("icmpv6.mldr.mar.multicast_address"), groups);
                equal(frame, "icmpv6.mldr.mar.source_address", t.all("icmpv6.mldr.mar.source_address"), sources);
                equal(frame, "icmpv6.mldr.mar.auxiliary_data", t.all("icmpv6.mldr.mar.auxiliary_data"), auxData);
            }
            default -> { }
        }
    }

    /** Each option's type and length, and the typed fields, as lists in option order. */
    private void compareOptions(Corpus.Frame frame, Icmpv6Packet icmp, Tshark.Packet t) {
        List<String> types = new ArrayList<>();
        List<String> lengths = new ArrayList<>();
        List<String> linkAddresses = new ArrayList<>();
        List<String> sourceLinkAddresses = new ArrayList<>();
        List<String> targetLinkAddresses = new ArrayList<>();
        List<String> prefixLengths = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        List<String> onLink = new ArrayList<>();
        List<String> autonomous = new ArrayList<>();
        List<String> routerAddress = new ArrayList<>();
        List<String> prefixReserved = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        List<String> preferred = new ArrayList<>();
        List<String> mtus = new ArrayList<>();
        List<String> routePreferences = new ArrayList<>();
        List<String> routeLifetimes = new ArrayList<>();
        List<String> rdnssLifetimes = new ArrayList<>();
        List<String> rdnss = new ArrayList<>();
        List<String> nonces = new ArrayList<>();
        NdpOptions options = icmp.ndpOptions();
        while (options.next()) {
            types.add(Integer.toString(options.type()));
            lengths.add(Integer.toString(options.lengthUnits()));
            LinkLayerAddressOption lla = options.linkLayerAddress();
            if (lla != null) {
                MacAddress address = lla.address();
                linkAddresses.add(address.toString());
                (options.type() == NdpOptions.SOURCE_LINK_LAYER_ADDRESS ? sourceLinkAddresses : targetLinkAddresses)
                        .add(address.toString());
            }
            PrefixInformation prefix = options.prefixInformation();
            if (prefix != null) {
                prefixLengths.add(Integer.toString(prefix.prefixLength()));
                prefixes.add(prefix.prefix().toString());
                onLink.add(prefix.onLink() ? "1" : "0");
                autonomous.add(prefix.autonomous() ? "1" : "0");
                routerAddress.add(prefix.routerAddress() ? "1" : "0");
                prefixReserved.add(Integer.toString(prefix.reserved1()));
                valid.add(Long.toString(prefix.validLifetime()));
                preferred.add(Long.toString(prefix.preferredLifetime()));
            }
            MtuOption mtu = options.mtu();
            if (mtu != null) {
                mtus.add(Long.toString(mtu.mtu()));
            }
            RouteInformation route = options.routeInformation();
            if (route != null) {
                prefixLengths.add(Integer.toString(route.prefixLength()));
                prefixes.add(options.routePrefix().toString());
                routePreferences.add(Integer.toString(route.routePreferenceValue()));
                routeLifetimes.add(Long.toString(route.routeLifetime()));
            }
            RecursiveDnsServer servers = options.recursiveDnsServer();
            if (servers != null) {
                rdnssLifetimes.add(Long.toString(servers.lifetime()));
                for (int i = 0; i < options.dnsServerCount(); i++) {
                    rdnss.add(options.dnsServer(i).toString());
                }
            }
            if (options.isNonce()) {
                nonces.add(hexColons(options.array(), options.nonceOffset(), options.nonceLength()));
            }
        }
        equal(frame, "icmpv6.opt.type", t.all("icmpv6.opt.type"), types);
        equal(frame, "icmpv6.opt.length", t.all("icmpv6.opt.length"), lengths);
        equal(frame, "icmpv6.opt.linkaddr", t.all("icmpv6.opt.linkaddr"), linkAddresses);
        equal(frame, "icmpv6.opt.src_linkaddr", t.all("icmpv6.opt.src_linkaddr"), sourceLinkAddresses);
        equal(frame, "icmpv6.opt.target_linkaddr", t.all("icmpv6.opt.target_linkaddr"), targetLinkAddresses);
        equal(frame, "icmpv6.opt.prefix.length", t.all("icmpv6.opt.prefix.length"), prefixLengths);
        equal(frame, "icmpv6.opt.prefix", t.all("icmpv6.opt.prefix"), prefixes);
        equal(frame, "icmpv6.opt.prefix.flag.l", t.all("icmpv6.opt.prefix.flag.l"), onLink);
        equal(frame, "icmpv6.opt.prefix.flag.a", t.all("icmpv6.opt.prefix.flag.a"), autonomous);
        equal(frame, "icmpv6.opt.prefix.flag.r", t.all("icmpv6.opt.prefix.flag.r"), routerAddress);
        equal(frame, "icmpv6.opt.prefix.flag.reserved", t.all("icmpv6.opt.prefix.flag.reserved"), prefixReserved);
        equal(frame, "icmpv6.opt.prefix.valid_lifetime", t.all("icmpv6.opt.prefix.valid_lifetime"), valid);
        equal(frame, "icmpv6.opt.prefix.preferred_lifetime", t.all("icmpv6.opt.prefix.preferred_lifetime"), preferred);
        equal(frame, "icmpv6.opt.mtu", t.all("icmpv6.opt.mtu"), mtus);
        equal(frame, "icmpv6.opt.route_info.flag.route_preference",
                t.all("icmpv6.opt.route_info.flag.route_preference"), routePreferences);
        equal(frame, "icmpv6.opt.route_lifetime", t.all("icmpv6.opt.route_lifetime"), routeLifetimes);
        equal(frame, "icmpv6.opt.rdnss.lifetime", t.all("icmpv6.opt.rdnss.lifetime"), rdnssLifetimes);
        equal(frame, "icmpv6.opt.rdnss", t.all("icmpv6.opt.rdnss"), rdnss);
        equal(frame, "icmpv6.opt.nonce", t.all("icmpv6.opt.nonce"), nonces);
    }

    /**
     * The fixed IPv6 header an error message quotes, read by hand here (the IPv6 view is another
     * module's): tshark lists it after the IPv6 headers that carry the message.
     */
    private void compareQuoted(Corpus.Frame frame, Ipv6Walk.Located at, Icmpv6Packet icmp, Tshark.Packet t) {
        byte[] b = at.bytes();
        int q = icmp.quotedPacketOffset();
        if (icmp.quotedPacketLength() < 40 || (b[q] >> 4 & 0xF) != 6) {
            return;
        }
        int index = at.ipDepth() + 1;
        equal(frame, "quoted ipv6.src", at(t, "ipv6.src", index), Ipv6Address.read(b, q + 8).toString());
        equal(frame, "quoted ipv6.dst", at(t, "ipv6.dst", index), Ipv6Address.read(b, q + 24).toString());
        equal(frame, "quoted ipv6.plen", number(at(t, "ipv6.plen", index)), Bytes.u16(b, q + 4));
        equal(frame, "quoted ipv6.nxt", number(at(t, "ipv6.nxt", index)), b[q + 6] & 0xFF);
        equal(frame, "quoted ipv6.hlim", number(at(t, "ipv6.hlim", index)), b[q + 7] & 0xFF);
    }

    private static String at(Tshark.Packet t, String field, int i) {
        List<String> values = t.all(field);
        return values.size() > i ? values.get(i) : null;
    }

    private static String hexColons(byte[] b, int offset, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(i == 0 ? "" : ":").append(String.format("%02x", b[offset + i] & 0xFF));
        }
        return text.toString();
    }

    private void equal(Corpus.Frame frame, String field, Object tshark, Object ours) {
        check(frame, field, ours.equals(tshark), "tshark " + tshark + ", we " + ours);
    }

    /** Lists of per-option or per-record values: counted by the values compared, so an empty pair counts 0. */
    private void equal(Corpus.Frame frame, String field, List<String> tshark, List<String> ours) {
        compared.merge(field, Math.max(tshark.size(), ours.size()), Integer::sum);
        if (!ours.equals(tshark)) {
            disagree(frame, field, "tshark " + tshark + ", we " + ours);
        }
    }

    private void equal(Corpus.Frame frame, String field, Long tshark, long ours) {
        check(frame, field, tshark != null && tshark == ours, "tshark " + tshark + ", we " + ours);
    }

    private void equal(Corpus.Frame frame, String field, Long tshark, boolean ours) {
        equal(frame, field, tshark, ours ? 1 : 0);
    }

    private void check(Corpus.Frame frame, String field, boolean agree, String detail) {
        compared.merge(field, 1, Integer::sum);
        if (!agree) {
            disagree(frame, field, detail);
        }
    }

    private void disagree(Corpus.Frame frame, String field, String detail) {
        disagreements.add(frame.name() + " " + field + ": " + detail);
    }

    private static Long number(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.equals("True")) {
            return 1L;
        }
        if (text.equals("False")) {
            return 0L;
        }
        return Long.decode(text);
    }
}
