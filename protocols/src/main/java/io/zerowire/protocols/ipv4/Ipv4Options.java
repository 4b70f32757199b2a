package io.zerowire.protocols.ipv4;

import io.zerowire.buffer.Bytes;
import io.zerowire.options.OptionsIterator;
import java.util.Objects;

/**
 * The IPv4 option types (RFC 791, RFC 1108, RFC 2113) and typed readers over the current option of
 * a validated {@link OptionsIterator} (the generated {@code Ipv4} view's {@code options()}). The
 * readers read in place through the offset constants of the option layouts ({@link RouteOptionLayout},
 * {@link TimestampOptionLayout}, ...): nothing is copied or allocated, and no reader throws on
 * hostile bytes. A reader asked about an option of another type, or of a shape its RFC does not
 * allow (a Router Alert whose length is not 4, a route option without its pointer), returns
 * {@code -1} or a count of {@code 0}.
 *
 * <pre>{@code
 * OptionsIterator options = ip.options();
 * while (options.next()) {
 *     switch (options.kind()) {
 *         case Ipv4Options.ROUTER_ALERT -> alert = Ipv4Options.routerAlert(options);
 *         case Ipv4Options.RECORD_ROUTE -> {
 *             for (int i = 0; i < Ipv4Options.routeRecorded(options); i++) {
 *                 hop = Ipv4Address.of(Ipv4Options.routeAddressBits(options, i));
 *             }
 *         }
 *         default -> { }   // NOP, unknown types: options.valueOffset() / valueLength() give the raw value
 *     }
 * }
 * }</pre>
 *
 * <p>For a strict reading that rejects a malformed option with a {@code ParseException}, wrap the
 * option's generated view over its bytes:
 * {@code RouterAlertOption.parse(PacketBuffer.wrap(options.array(), options.offset(), options.length()))}.
 * An end-of-list option is not reported by the iterator: {@link OptionsIterator#hasEndOfList()} says
 * whether the list has one, and {@link OptionsIterator#listEnd()} where.
 */
public final class Ipv4Options {
    /** End of option list (0); never reported by the iterator, it ends the list. */
    public static final int END_OF_LIST = 0;
    /** No operation (1), a single byte. */
    public static final int NOP = 1;
    /** Record Route (7). */
    public static final int RECORD_ROUTE = 7;
    /** Internet Timestamp (68). */
    public static final int TIMESTAMP = 68;
    /** Security (130): RFC 791's format ({@link SecurityOptionLayout}) or RFC 1108's ({@link BasicSecurityOptionLayout}). */
    public static final int SECURITY = 130;
    /** Loose Source and Record Route (131). */
    public static final int LOOSE_SOURCE_ROUTE = 131;
    /** Stream Identifier (136). */
    public static final int STREAM_ID = 136;
    /** Strict Source and Record Route (137). */
    public static final int STRICT_SOURCE_ROUTE = 137;
    /** Router Alert (148, RFC 2113). */
    public static final int ROUTER_ALERT = 148;

    /** Timestamp flag: timestamps only. */
    public static final int TIMESTAMP_ONLY = 0;
    /** Timestamp flag: each timestamp preceded by the recording router's address. */
    public static final int TIMESTAMP_WITH_ADDRESS = 1;
    /** Timestamp flag: the addresses are prespecified, routers fill in their timestamp. */
    public static final int TIMESTAMP_PRESPECIFIED = 3;

    /** RFC 791 security level: Unclassified. */
    public static final int SECURITY_UNCLASSIFIED = 0x0000;
    /** RFC 791 security level: Confidential. */
    public static final int SECURITY_CONFIDENTIAL = 0xF135;
    /** RFC 791 security level: EFTO. */
    public static final int SECURITY_EFTO = 0x789A;
    /** RFC 791 security level: MMMM. */
    public static final int SECURITY_MMMM = 0xBC4D;
    /** RFC 791 security level: PROG. */
    public static final int SECURITY_PROG = 0x5E26;
    /** RFC 791 security level: Restricted. */
    public static final int SECURITY_RESTRICTED = 0xAF13;
    /** RFC 791 security level: Secret. */
    public static final int SECURITY_SECRET = 0xD788;
    /** RFC 791 security level: Top Secret. */
    public static final int SECURITY_TOP_SECRET = 0x6BC5;

    /** Bytes of one route slot or timestamp word. */
    private static final int WORD = 4;
    /** The overflow and flag nibbles share the byte after the Timestamp pointer. */
    private static final int TIMESTAMP_OVERFLOW_FLAG_OFFSET = TimestampOption.POINTER_OFFSET + 1;

    private Ipv4Options() {}

    /** Whether the copied flag (the type's top bit) asks for the option in every fragment. */
    public static boolean isCopied(int type) {
        return (type & 0x80) != 0;
    }

    /** The option class, bits 5 and 6 of the type: 0 control, 2 debugging and measurement. */
    public static int optionClass(int type) {
        return (type >> 5) & 0x3;
    }

    /** The option number, the type's low 5 bits. */
    public static int optionNumber(int type) {
        return type & 0x1F;
    }

    /**
     * The Router Alert value (0: routers examine the packet), or -1 if the current option is not a
     * Router Alert of length 4.
     */
    public static int routerAlert(OptionsIterator options) {
        if (options.kind() != ROUTER_ALERT || options.length() != RouterAlertOption.FIXED_LENGTH) {
            return -1;
        }
        return Bytes.u16(options.array(), options.offset() + RouterAlertOption.VALUE_OFFSET);
    }

    /** The Stream Identifier, or -1 if the current option is not a Stream ID of length 4. */
    public static int streamId(OptionsIterator options) {
        if (options.kind() != STREAM_ID || options.length() != StreamIdOption.FIXED_LENGTH) {
            return -1;
        }
        return Bytes.u16(options.array(), options.offset() + StreamIdOption.STREAM_ID_OFFSET);
    }

    /** Whether the current option is Record Route or a loose or strict source route: one layout. */
    public static boolean isRoute(OptionsIterator options) {
        int kind = options.kind();
        return kind == RECORD_ROUTE || kind == LOOSE_SOURCE_ROUTE || kind == STRICT_SOURCE_ROUTE;
    }

    /** Whether the current option is a loose or strict source route. */
    public static boolean isSourceRoute(OptionsIterator options) {
        int kind = options.kind();
        return kind == LOOSE_SOURCE_ROUTE || kind == STRICT_SOURCE_ROUTE;
    }

    /**
     * The pointer of a route option: the 1-based byte offset in the option of the next slot (4 for
     * the first), or -1 if the current option is not a route option or has no pointer.
     */
    public static int routePointer(OptionsIterator options) {
        if (!isRoute(options) || options.length() < RouteOption.FIXED_LENGTH) {
            return -1;
        }
        return options.array()[options.offset() + RouteOption.POINTER_OFFSET] & 0xFF;
    }

    /** Address slots of a route option (filled or not); 0 if it is not one. */
    public static int routeSlots(OptionsIterator options) {
        if (!isRoute(options) || options.length() < RouteOption.FIXED_LENGTH) {
            return 0;
        }
        return (options.length() - RouteOption.FIXED_LENGTH) / WORD;
    }

    /**
     * Address slots before the pointer: the hops recorded (Record Route) or already visited (source
     * routes), at most {@link #routeSlots}; 0 if it is not a route option.
     */
    public static int routeRecorded(OptionsIterator options) {
        int pointer = routePointer(options);
        if (pointer <= RouteOption.FIXED_LENGTH) {
            return 0;
        }
        return Math.min((pointer - RouteOption.FIXED_LENGTH - 1) / WORD, routeSlots(options));
    }

    /**
     * Whether the current option is a source route with hops left: its pointer is at one of its
     * address slots, so the header's destination is the next hop and the last slot the final
     * destination. A route of another shape (a pointer inside an address, data that is not whole
     * slots) has none: RFC 1812 routers reject it, and tshark does not read a destination from it.
     */
    public static boolean hasHopsLeft(OptionsIterator options) {
        int pointer = routePointer(options);
        int data = options.length() - RouteOption.FIXED_LENGTH;
        return isSourceRoute(options) && data >= WORD && data % WORD == 0 && pointer > RouteOption.FIXED_LENGTH
                && pointer % WORD == 0 && pointer <= options.length();
    }

    /**
     * The bits of address slot {@code i} of a route option, as {@code Ipv4Address.of(int)} takes them.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #routeSlots} (a programming error)
     */
    public static int routeAddressBits(OptionsIterator options, int i) {
        Objects.checkIndex(i, routeSlots(options));
        return Bytes.i32(options.array(), options.offset() + RouteOption.FIXED_LENGTH + WORD * i);
    }

    /** The pointer of a Timestamp option (5 for the first entry), or -1 if it is not one. */
    public static int timestampPointer(OptionsIterator options) {
        if (options.kind() != TIMESTAMP || options.length() < TimestampOption.FIXED_LENGTH) {
            return -1;
        }
        return options.array()[options.offset() + TimestampOption.POINTER_OFFSET] & 0xFF;
    }

    /** The overflow count of a Timestamp option (routers that could not record), or -1 if it is not one. */
    public static int timestampOverflow(OptionsIterator options) {
        if (timestampPointer(options) < 0) {
            return -1;
        }
        return (options.array()[options.offset() + TIMESTAMP_OVERFLOW_FLAG_OFFSET] & 0xFF) >> 4;
    }

    /** The flag of a Timestamp option ({@link #TIMESTAMP_ONLY}, ...), or -1 if it is not one. */
    public static int timestampFlag(OptionsIterator options) {
        if (timestampPointer(options) < 0) {
            return -1;
        }
        return options.array()[options.offset() + TIMESTAMP_OVERFLOW_FLAG_OFFSET] & 0xF;
    }

    /** Bytes per entry: 4 for timestamps only, 8 with addresses; -1 for another flag or option. */
    public static int timestampEntryLength(OptionsIterator options) {
        switch (timestampFlag(options)) {
            case TIMESTAMP_ONLY:
                return WORD;
            case TIMESTAMP_WITH_ADDRESS:
            case TIMESTAMP_PRESPECIFIED:
                return 2 * WORD;
            default:
                return -1;
        }
    }

    /** Entry slots of a Timestamp option (filled or not); 0 if it is not one or its flag is unknown. */
    public static int timestampSlots(OptionsIterator options) {
        int entry = timestampEntryLength(options);
        return entry < 0 ? 0 : (options.length() - TimestampOption.FIXED_LENGTH) / entry;
    }

    /** Entries before the pointer (filled), at most {@link #timestampSlots}. */
    public static int timestampRecorded(OptionsIterator options) {
        int entry = timestampEntryLength(options);
        int pointer = timestampPointer(options);
        if (entry < 0 || pointer <= TimestampOption.FIXED_LENGTH) {
            return 0;
        }
        return Math.min((pointer - TimestampOption.FIXED_LENGTH - 1) / entry, timestampSlots(options));
    }

    /**
     * The timestamp of entry {@code i}: milliseconds since midnight UT, or any value with the high bit set.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #timestampSlots}
     */
    public static long timestamp(OptionsIterator options, int i) {
        Objects.checkIndex(i, timestampSlots(options));
        int entry = timestampEntryLength(options);
        return Bytes.u32(options.array(), options.offset() + TimestampOption.FIXED_LENGTH + entry * i + entry - WORD);
    }

    /**
     * The address bits of entry {@code i} of a Timestamp option with addresses.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #timestampSlots}, or the flag
     *     is {@link #TIMESTAMP_ONLY}
     */
    public static int timestampAddressBits(OptionsIterator options, int i) {
        Objects.checkIndex(i, timestampSlots(options));
        if (timestampEntryLength(options) != 2 * WORD) {
            throw new IndexOutOfBoundsException("a timestamp-only option records no addresses");
        }
        return Bytes.i32(options.array(), options.offset() + TimestampOption.FIXED_LENGTH + 2 * WORD * i);
    }

    /** Whether {@code level} is one of the eight security levels RFC 791 defines. */
    public static boolean isRfc791SecurityLevel(int level) {
        switch (level) {
            case SECURITY_UNCLASSIFIED:
            case SECURITY_CONFIDENTIAL:
            case SECURITY_EFTO:
            case SECURITY_MMMM:
            case SECURITY_PROG:
            case SECURITY_RESTRICTED:
            case SECURITY_SECRET:
            case SECURITY_TOP_SECRET:
                return true;
            default:
                return false;
        }
    }

    /**
     * Whether the current option is a Security option in RFC 791's format ({@link SecurityOptionLayout}):
     * type 130, length 11 and one of RFC 791's security levels. This is how Wireshark tells the two
     * formats of type 130 apart; any other type-130 option is RFC 1108's Basic Security Option.
     */
    public static boolean isRfc791Security(OptionsIterator options) {
        return options.kind() == SECURITY && options.length() == SecurityOption.FIXED_LENGTH
                && isRfc791SecurityLevel(Bytes.u16(options.array(), options.offset() + SecurityOption.SECURITY_OFFSET));
    }

    /** The RFC 791 security level, or -1 if the current option is not {@link #isRfc791Security}. */
    public static int securityLevel(OptionsIterator options) {
        return isRfc791Security(options)
                ? Bytes.u16(options.array(), options.offset() + SecurityOption.SECURITY_OFFSET) : -1;
    }

    /** The RFC 791 compartments, or -1 if the current option is not {@link #isRfc791Security}. */
    public static int securityCompartments(OptionsIterator options) {
        return isRfc791Security(options)
                ? Bytes.u16(options.array(), options.offset() + SecurityOption.COMPARTMENTS_OFFSET) : -1;
    }

    /** The RFC 791 handling restrictions, or -1 if the current option is not {@link #isRfc791Security}. */
    public static int securityHandlingRestrictions(OptionsIterator options) {
        return isRfc791Security(options)
                ? Bytes.u16(options.array(), options.offset() + SecurityOption.HANDLING_RESTRICTIONS_OFFSET) : -1;
    }

    /** The RFC 791 transmission control code (24 bits), or -1 if the current option is not {@link #isRfc791Security}. */
    public static int securityTransmissionControlCode(OptionsIterator options) {
        if (!isRfc791Security(options)) {
            return -1;
        }
        int at = options.offset() + SecurityOption.TRANSMISSION_CONTROL_CODE_OFFSET;
        return (options.array()[at] & 0xFF) << 16 | Bytes.u16(options.array(), at + 1);
    }

    /**
     * The classification level of an RFC 1108 Basic Security Option, or -1 if the current option is
     * not one (another type, shorter than 3 bytes, or {@link #isRfc791Security}).
     */
    public static int basicSecurityClassification(OptionsIterator options) {
        if (options.kind() != SECURITY || options.length() < BasicSecurityOption.FIXED_LENGTH
                || isRfc791Security(options)) {
            return -1;
        }
        return options.array()[options.offset() + BasicSecurityOption.CLASSIFICATION_LEVEL_OFFSET] & 0xFF;
    }

    /**
     * Bytes of protection authority flags of an RFC 1108 Basic Security Option (they start at
     * {@code options.offset() + 3}), or 0 if the current option is not one.
     */
    public static int basicSecurityFlagsLength(OptionsIterator options) {
        return basicSecurityClassification(options) < 0 ? 0 : options.length() - BasicSecurityOption.FIXED_LENGTH;
    }
}
