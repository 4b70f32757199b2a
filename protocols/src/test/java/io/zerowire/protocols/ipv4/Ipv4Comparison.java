package io.zerowire.protocols.ipv4;

import io.zerowire.buffer.Bytes;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ip.ParameterProblemException;
import io.zerowire.protocols.testing.Tshark;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares one parsed (or rejected) IPv4 header with tshark's dissection of the same packet, field
 * by field, options included, and keeps the tally.
 *
 * <p>tshark lists the fields of every IPv4 header of a frame (tunnelled or quoted ones after the
 * outer one), so where it shows more than one header ours must be a prefix of its values; where it
 * shows one, they must be equal. tshark's JSON gathers the options of one type at the place of the
 * first, so the expected values follow that order. Option detail fields (pointer, addresses, timestamps, security
 * values) are compared where the option has the shape its RFC gives it; for an option of another
 * shape (a route pointer inside an address, a timestamp flag RFC 791 does not define, a Router
 * Alert of length 3) tshark stops part-way with an expert warning, so only the types and lengths
 * are compared and the header is counted in {@link #oddOptionHeaders}.
 */
final class Ipv4Comparison {
    /** Every option detail field compared, in the order tshark's route display rules are applied. */
    static final List<String> OPTION_FIELDS = List.of("ip.opt.ra", "ip.opt.ptr", "ip.rec_rt", "ip.src_rt",
            "ip.empty_rt", "ip.opt.overflow", "ip.opt.flag", "ip.opt.time_stamp", "ip.opt.time_stamp_addr",
            "ip.opt.sid", "ip.opt.sec_rfc791_sec", "ip.opt.sec_rfc791_comp", "ip.opt.sec_rfc791_hr",
            "ip.opt.sec_rfc791_tcc", "ip.opt.sec_cl", "ip.opt.sec_prot_auth_flags");

    /**
     * The option types tshark 4.0 names (its {@code ip_opts} table): it shows {@code ip.opt.type} and
     * {@code ip.opt.len} for these only, an unknown type just as "Unknown (0x..)".
     */
    static final Set<Integer> TSHARK_TYPES = Set.of(0, 1, 7, 11, 12, 25, 68, 82, 130, 131, 133, 134, 136, 137, 148, 149);

    final Map<String, Integer> compared = new TreeMap<>();
    final List<String> disagreements = new ArrayList<>();
    int parsed;
    int rejected;
    int withOptions;
    int oddOptionHeaders;
    int trimmed;

    /** Compares a header we parsed; {@code suffix} is what the parse trimmed after the total length. */
    void parsed(String name, Ipv4Packet ip, Tshark.Packet t, int suffix) {
        parsed++;
        Ipv4 h = ip.header();
        equal(name, "ip.version", number(t.first("ip.version")), (long) h.version());
        equal(name, "ip.hdr_len", number(t.first("ip.hdr_len")), (long) h.headerLength());
        equal(name, "ip.dsfield.dscp", number(t.first("ip.dsfield.dscp")), (long) h.dscp());
        equal(name, "ip.dsfield.ecn", number(t.first("ip.dsfield.ecn")), (long) h.ecn());
        equal(name, "ip.len", number(t.first("ip.len")), (long) h.totalLength());
        equal(name, "ip.id", number(t.first("ip.id")), (long) h.identification());
        equal(name, "ip.flags.rb", number(t.first("ip.flags.rb")), h.reservedFlag() ? 1L : 0L);
        equal(name, "ip.flags.df", number(t.first("ip.flags.df")), h.dontFragment() ? 1L : 0L);
        equal(name, "ip.flags.mf", number(t.first("ip.flags.mf")), h.moreFragments() ? 1L : 0L);
        // The field holds the 13-bit value; tshark only displays it times 8.
        equal(name, "ip.frag_offset", number(t.first("ip.frag_offset")), (long) h.fragmentOffset());
        equal(name, "ip.ttl", number(t.first("ip.ttl")), (long) h.ttl());
        equal(name, "ip.proto", number(t.first("ip.proto")), (long) h.protocolValue());
        equal(name, "ip.checksum", number(t.first("ip.checksum")), (long) h.headerChecksum());
        equal(name, "ip.checksum.status", t.first("ip.checksum.status"), h.checksumValid() ? "1" : "0");
        equal(name, "ip.src", t.first("ip.src"), h.source().toString());
        if (suffix > 0) {
            trimmed++;
        }
        if (options(name, h, t)) {
            return; // the destination a route of another shape gives is not defined
        }
        // tshark's ip.dst is the final destination of a source route with hops left, the header's
        // destination then being ip.cur_rt: what the transport checksum's pseudo-header uses.
        equal(name, "ip.dst", t.first("ip.dst"), ip.pseudoHeaderDestination().toString());
        if (ip.pseudoHeaderDestinationBits() != h.destinationBits()) {
            equal(name, "ip.cur_rt", t.first("ip.cur_rt"), h.destination().toString());
        }
    }

    /** Compares the options; true if one of them is of another shape than its RFC's. */
    private boolean options(String name, Ipv4 h, Tshark.Packet t) {
        OptionsIterator it = h.options();
        if (it.count() == 0 && !it.hasEndOfList()) {
            return false;
        }
        withOptions++;
        boolean single = t.all("ip.version").size() == 1;
        List<String> types = new ArrayList<>();
        List<String> lengths = new ArrayList<>();
        Map<String, List<String>> detail = new LinkedHashMap<>();
        OPTION_FIELDS.forEach(f -> detail.put(f, new ArrayList<>()));
        // tshark's JSON (--no-duplicate-keys) merges the options of one type into the place of the
        // first: visit them in that order.
        List<Integer> kinds = new ArrayList<>();
        while (it.next()) {
            if (!kinds.contains(it.kind())) {
                kinds.add(it.kind());
            }
        }
        boolean odd = false;
        for (int kind : kinds) {
            it.rewind();
            while (!odd && it.next()) {
                if (it.kind() != kind) {
                    continue;
                }
                if (TSHARK_TYPES.contains(kind)) {
                    types.add(Integer.toString(kind));
                    if (it.length() > 1) {
                        lengths.add(Integer.toString(it.length()));
                    }
                }
                odd = !expectDetail(it, detail);
            }
        }
        if (odd) {
            // tshark may stop at an option of another shape: compare what comes before it, and it.
            oddOptionHeaders++;
            list(name, "ip.opt.type", types, prefix(t.all("ip.opt.type"), types.size()), true);
            list(name, "ip.opt.len", lengths, prefix(t.all("ip.opt.len"), lengths.size()), true);
            return true;
        }
        if (it.hasEndOfList()) {
            types.add(Integer.toString(Ipv4Options.END_OF_LIST));
        }
        list(name, "ip.opt.type", types, t.all("ip.opt.type"), single);
        list(name, "ip.opt.len", lengths, t.all("ip.opt.len"), single);
        for (Map.Entry<String, List<String>> field : detail.entrySet()) {
            list(name, field.getKey(), field.getValue(), t.all(field.getKey()), single);
        }
        return false;
    }

    private static List<String> prefix(List<String> values, int n) {
        return values.size() > n ? values.subList(0, n) : values;
    }

    /** Adds the detail values tshark shows for the current option; false if its shape is not the RFC's. */
    private static boolean expectDetail(OptionsIterator it, Map<String, List<String>> detail) {
        int kind = it.kind();
        switch (kind) {
            case Ipv4Options.NOP:
                return true;
            case Ipv4Options.ROUTER_ALERT:
                if (Ipv4Options.routerAlert(it) < 0) {
                    return false;
                }
                detail.get("ip.opt.ra").add(Integer.toString(Ipv4Options.routerAlert(it)));
                return true;
            case Ipv4Options.STREAM_ID:
                if (Ipv4Options.streamId(it) < 0) {
                    return false;
                }
                detail.get("ip.opt.sid").add(Integer.toString(Ipv4Options.streamId(it)));
                return true;
            case Ipv4Options.RECORD_ROUTE:
            case Ipv4Options.LOOSE_SOURCE_ROUTE:
            case Ipv4Options.STRICT_SOURCE_ROUTE:
                return route(it, detail);
            case Ipv4Options.TIMESTAMP:
                return timestamp(it, detail);
            case Ipv4Options.SECURITY:
                return security(it, detail);
            default:
                return true; // kept raw: tshark shows type and length
        }
    }

    private static boolean route(OptionsIterator it, Map<String, List<String>> detail) {
        int length = it.length();
        int pointer = Ipv4Options.routePointer(it);
        if (pointer < 0 || (length - RouteOption.FIXED_LENGTH) % 4 != 0 || pointer <= RouteOption.FIXED_LENGTH
                || pointer % 4 != 0) {
            return false;
        }
        detail.get("ip.opt.ptr").add(Integer.toString(pointer));
        int slots = Ipv4Options.routeSlots(it);
        boolean source = Ipv4Options.isSourceRoute(it);
        for (int i = 0; i < slots; i++) {
            String address = io.zerowire.ip.Ipv4Address.of(Ipv4Options.routeAddressBits(it, i)).toString();
            int slotPointer = RouteOption.FIXED_LENGTH + 4 * i + 1;
            if (pointer > length || slotPointer < pointer) {
                detail.get("ip.rec_rt").add(address);
            } else if (!source) {
                detail.get("ip.empty_rt").add(address);
            } else if (i < slots - 1) {
                detail.get("ip.src_rt").add(address); // the last is the final destination: ip.dst
            }
        }
        return true;
    }

    private static boolean timestamp(OptionsIterator it, Map<String, List<String>> detail) {
        int pointer = Ipv4Options.timestampPointer(it);
        int entry = Ipv4Options.timestampEntryLength(it);
        if (pointer < 0 || entry < 0 || (it.length() - TimestampOption.FIXED_LENGTH) % entry != 0
                || pointer <= TimestampOption.FIXED_LENGTH || (pointer - 1) % 4 != 0) {
            return false;
        }
        detail.get("ip.opt.ptr").add(Integer.toString(pointer));
        detail.get("ip.opt.overflow").add(Integer.toString(Ipv4Options.timestampOverflow(it)));
        detail.get("ip.opt.flag").add(String.format("0x%02x", Ipv4Options.timestampFlag(it)));
        for (int i = 0; i < Ipv4Options.timestampSlots(it); i++) {
            if (entry == 8) {
                detail.get("ip.opt.time_stamp_addr").add(
                        io.zerowire.ip.Ipv4Address.of(Ipv4Options.timestampAddressBits(it, i)).toString());
            }
            detail.get("ip.opt.time_stamp").add(Long.toString(Ipv4Options.timestamp(it, i)));
        }
        return true;
    }

    private static boolean security(OptionsIterator it, Map<String, List<String>> detail) {
        if (Ipv4Options.isRfc791Security(it)) {
            detail.get("ip.opt.sec_rfc791_sec").add(String.format("0x%04x", Ipv4Options.securityLevel(it)));
            detail.get("ip.opt.sec_rfc791_comp").add(Integer.toString(Ipv4Options.securityCompartments(it)));
            String hr = ascii(it.array(), it.offset() + SecurityOption.HANDLING_RESTRICTIONS_OFFSET, 2);
            String tcc = ascii(it.array(), it.offset() + SecurityOption.TRANSMISSION_CONTROL_CODE_OFFSET, 3);
            if (hr == null || tcc == null) {
                return false; // tshark shows them as strings, escaped: compared only when printable
            }
            detail.get("ip.opt.sec_rfc791_hr").add(hr);
            detail.get("ip.opt.sec_rfc791_tcc").add(tcc);
            return true;
        }
        int level = Ipv4Options.basicSecurityClassification(it);
        if (level < 0) {
            return false;
        }
        detail.get("ip.opt.sec_cl").add(String.format("0x%02x", level));
        int flags = it.offset() + BasicSecurityOption.FIXED_LENGTH;
        for (int i = 0; i < Ipv4Options.basicSecurityFlagsLength(it); i++) {
            int flag = it.array()[flags + i] & 0xFF;
            detail.get("ip.opt.sec_prot_auth_flags").add(String.format("0x%02x", flag));
            if ((flag & 1) == 0 && i < Ipv4Options.basicSecurityFlagsLength(it) - 1) {
                return false; // RFC 1108: the field ends at the first byte without its termination bit
            }
        }
        return true;
    }

    private static String ascii(byte[] a, int at, int n) {
        for (int i = 0; i < n; i++) {
            if (a[at + i] < 0x20 || a[at + i] > 0x7E) {
                return null;
            }
        }
        return new String(a, at, n, StandardCharsets.US_ASCII);
    }

    /**
     * Compares a header we rejected: tshark's own values must say why, the field we name being the
     * first one they break (version, header length, total length against the bytes available, then
     * the options, which tshark marks with an invalid option length).
     */
    void rejected(String name, ParseException e, byte[] frame, int at, Tshark.Packet t) {
        rejected++;
        int available = frame.length - at;
        Long version = number(t.first("ip.version"));
        Long headerLength = number(t.first("ip.hdr_len"));
        Long totalLength = number(t.first("ip.len"));
        int rawTotalLength = available >= 4 ? Bytes.u16(frame, at + Ipv4.TOTAL_LENGTH_OFFSET) : -1;
        String expected;
        if (available < Ipv4.FIXED_LENGTH) {
            expected = "";
        } else if (version == null || version != 4) {
            expected = "version";
        } else if (headerLength == null || headerLength < Ipv4.FIXED_LENGTH || headerLength > available) {
            expected = "ihl";
        } else if (rawTotalLength == 0) {
            // tshark assumes the captured length ("TSO"); we reject it with its own message.
            expected = "totalLength";
            check(name, "ip (segmentation offload)", Ipv4Packet.SEGMENTATION_OFFLOAD_LENGTH.equals(e.detail()),
                    "total length 0 rejected as " + e.getMessage());
        } else if (totalLength == null || totalLength < headerLength || totalLength > available) {
            expected = "totalLength";
        } else if (t.has("ip.opt.len.invalid")) {
            expected = "options";
            check(name, "ip (parameter problem)", e instanceof ParameterProblemException
                    && ((ParameterProblemException) e).pointer() >= Ipv4.FIXED_LENGTH
                    && ((ParameterProblemException) e).pointer() < headerLength, "options rejected as " + e);
        } else {
            expected = "(tshark found no problem)";
        }
        check(name, "ip (rejection)", e.kind() == ParseErrorKind.MALFORMED && e.field().equals(expected),
                "we reject " + e.getMessage() + "; tshark's values point at '" + expected + "' (version=" + version
                        + " hdr_len=" + headerLength + " len=" + totalLength + " available=" + available + ")");
    }

    private void list(String name, String field, List<String> ours, List<String> theirs, boolean single) {
        if (ours.isEmpty() && (!single || theirs.isEmpty())) {
            return;
        }
        List<String> compare = !single && theirs.size() > ours.size() ? theirs.subList(0, ours.size()) : theirs;
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        boolean numeric = ours.stream().allMatch(Ipv4Comparison::isNumber) && compare.stream().allMatch(Ipv4Comparison::isNumber);
        if (numeric) {
            ours.forEach(v -> a.add(number(v)));
            compare.forEach(v -> b.add(number(v)));
            check(name, field, a.equals(b), "tshark " + theirs + ", we " + ours);
        } else {
            check(name, field, ours.equals(compare), "tshark " + theirs + ", we " + ours);
        }
    }

    void equal(String name, String field, Object tshark, Object ours) {
        check(name, field, ours.equals(tshark), "tshark " + tshark + ", we " + ours);
    }

    void check(String name, String field, boolean agree, String detail) {
        compared.merge(field, 1, Integer::sum);
        if (!agree) {
            disagreements.add(name + " " + field + ": " + detail);
        }
    }

    int comparisons() {
        return compared.values().stream().mapToInt(Integer::intValue).sum();
    }

    void print(String title) {
        System.out.printf("%s: %d headers parsed (%d with options, %d with an option of another shape, %d with "
                + "link padding trimmed), %d rejected, %d field comparisons%n", title, parsed, withOptions,
                oddOptionHeaders, trimmed, rejected, comparisons());
        compared.forEach((field, count) -> System.out.printf("  %-26s %6d%n", field, count));
    }

    private static boolean isNumber(String text) {
        try {
            number(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static Long number(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return Long.decode(text);
    }
}
