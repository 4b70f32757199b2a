package io.zerowire.protocols.ipv4;

import io.zerowire.buffer.Bytes;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.options.OptionsIterator;
import java.util.Map;

/**
 * Rebuilds a parsed IPv4 header with the builders: {@link Ipv4Builder} for the fixed fields and the
 * typed methods of {@link Ipv4OptionsBuilder} for each option (the raw form only for options whose
 * shape no typed method writes, such as unknown types or a route option whose data is not whole
 * address slots).
 */
public final class Ipv4Rebuild {
    private Ipv4Rebuild() {}

    /** A builder for {@code header}'s fields and options; the checksum is left to be computed. */
    public static Ipv4Builder of(Ipv4 header, Map<String, Integer> methodsUsed) {
        return new Ipv4Builder().dscp(header.dscp()).ecn(header.ecn()).identification(header.identification())
                .reservedFlag(header.reservedFlag()).dontFragment(header.dontFragment())
                .moreFragments(header.moreFragments()).fragmentOffset(header.fragmentOffset()).ttl(header.ttl())
                .protocol(header.protocol()).source(header.source()).destination(header.destination())
                .options(options(header.options(), methodsUsed).optionsBuilder());
    }

    /** The options of {@code it} (from the start) rebuilt one typed method at a time; counts the methods in {@code methodsUsed}. */
    public static Ipv4OptionsBuilder options(OptionsIterator it, Map<String, Integer> methodsUsed) {
        Ipv4OptionsBuilder options = new Ipv4OptionsBuilder();
        it.rewind();
        while (it.next()) {
            methodsUsed.merge(add(options, it), 1, Integer::sum);
        }
        if (it.hasEndOfList()) {
            options.endOfList();
            methodsUsed.merge("endOfList", 1, Integer::sum);
        }
        return options;
    }

    private static String add(Ipv4OptionsBuilder options, OptionsIterator it) {
        int kind = it.kind();
        int length = it.length();
        if (kind == Ipv4Options.NOP) {
            options.nop();
            return "nop";
        }
        if (Ipv4Options.routerAlert(it) >= 0) {
            options.routerAlert(Ipv4Options.routerAlert(it));
            return "routerAlert";
        }
        if (Ipv4Options.streamId(it) >= 0) {
            options.streamId(Ipv4Options.streamId(it));
            return "streamId";
        }
        if (Ipv4Options.isRoute(it) && length >= RouteOption.FIXED_LENGTH
                && (length - RouteOption.FIXED_LENGTH) % 4 == 0) {
            Ipv4Address[] slots = new Ipv4Address[Ipv4Options.routeSlots(it)];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = Ipv4Address.of(Ipv4Options.routeAddressBits(it, i));
            }
            options.route(kind, Ipv4Options.routePointer(it), slots);
            return "route";
        }
        if (Ipv4Options.timestampPointer(it) >= 0 && (length - TimestampOption.FIXED_LENGTH) % 4 == 0) {
            long[] words = new long[(length - TimestampOption.FIXED_LENGTH) / 4];
            for (int i = 0; i < words.length; i++) {
                words[i] = Bytes.u32(it.array(), it.offset() + TimestampOption.FIXED_LENGTH + 4 * i);
            }
            options.timestamp(Ipv4Options.timestampPointer(it), Ipv4Options.timestampOverflow(it),
                    Ipv4Options.timestampFlag(it), words);
            return "timestamp";
        }
        if (Ipv4Options.isRfc791Security(it)) {
            options.security(Ipv4Options.securityLevel(it), Ipv4Options.securityCompartments(it),
                    Ipv4Options.securityHandlingRestrictions(it), Ipv4Options.securityTransmissionControlCode(it));
            return "security";
        }
        if (Ipv4Options.basicSecurityClassification(it) >= 0) {
            int flagsAt = it.offset() + BasicSecurityOption.FIXED_LENGTH;
            byte[] flags = java.util.Arrays.copyOfRange(it.array(), flagsAt, flagsAt + Ipv4Options.basicSecurityFlagsLength(it));
            options.basicSecurity(Ipv4Options.basicSecurityClassification(it), flags);
            return "basicSecurity";
        }
        options.raw(kind, it.array(), it.valueOffset(), it.valueLength());
        return "raw";
    }
}
