package io.zerowire.protocols.ipv4;

import io.zerowire.options.OptionsIterator;

/**
 * Typed readers for IPv4 options (RFC 791, RFC 2113), over the current option of a validated
 * {@link OptionsIterator} (the generated {@code Ipv4} view's {@code options()}): nothing is copied
 * or allocated, and no reader throws on hostile bytes. A reader asked about an option of another
 * kind, or of a shape its RFC does not allow (a Router Alert whose length is not 4, a Record Route
 * without its pointer), returns {@code -1} or a count of {@code 0}.
 *
 * <pre>{@code
 * OptionsIterator options = ip.options();
 * while (options.next()) {
 *     switch (options.kind()) {
 *         case Ipv4Options.ROUTER_ALERT -> alert = Ipv4Options.routerAlert(options);
 *         case Ipv4Options.RECORD_ROUTE -> {
 *             for (int i = 0; i < Ipv4Options.routeRecorded(options); i++) {
 *                 hop = Ipv4Options.routeAddressBits(options, i);
 *             }
 *         }
 *         default -> { }
 *     }
 * }
 * }</pre>
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
    /** Loose Source and Record Route (131). */
    public static final int LOOSE_SOURCE_ROUTE = 131;
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

    private Ipv4Options() {}

    /**
     * The Router Alert value (0: routers examine the packet), or -1 if the current option is not a
     * Router Alert of length 4.
     */
    public static int routerAlert(OptionsIterator options) {
        if (options.kind() != ROUTER_ALERT || options.valueLength() != 2) {
            return -1;
        }
        return options.valueU16(0);
    }

    /** Whether the current option is Record Route or a loose or strict source route: one layout. */
    public static boolean isRoute(OptionsIterator options) {
        int kind = options.kind();
        return kind == RECORD_ROUTE || kind == LOOSE_SOURCE_ROUTE || kind == STRICT_SOURCE_ROUTE;
    }

    /**
     * The pointer of a route option: the 1-based byte offset in the option of the next free slot (4
     * for the first), or -1 if the current option is not a route option or has no pointer.
     */
    public static int routePointer(OptionsIterator options) {
        if (!isRoute(options) || options.valueLength() < 1) {
            return -1;
        }
        return options.valueU8(0);
    }

    /** Address slots of a route option (filled or not); 0 if it is not one. */
    public static int routeSlots(OptionsIterator options) {
        if (!isRoute(options) || options.valueLength() < 1) {
            return 0;
        }
        return (options.valueLength() - 1) / 4;
    }

    /** Address slots the pointer says are filled, at most {@link #routeSlots}; 0 if it is not a route option. */
    public static int routeRecorded(OptionsIterator options) {
        int pointer = routePointer(options);
        if (pointer < 4) {
            return 0;
        }
        return Math.min((pointer - 4) / 4, routeSlots(options));
    }

    /**
     * The bits of address slot {@code i} of a route option, as {@code Ipv4Address.of(int)} takes them.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #routeSlots} (a programming error)
     */
    public static int routeAddressBits(OptionsIterator options, int i) {
        java.util.Objects.checkIndex(i, routeSlots(options));
        return (int) options.valueU32(1 + 4 * i);
    }

    /** The pointer of a Timestamp option (5 for the first entry), or -1 if it is not one. */
    public static int timestampPointer(OptionsIterator options) {
        if (options.kind() != TIMESTAMP || options.valueLength() < 2) {
            return -1;
        }
        return options.valueU8(0);
    }

    /** The overflow count of a Timestamp option (routers that could not record), or -1 if it is not one. */
    public static int timestampOverflow(OptionsIterator options) {
        if (timestampPointer(options) < 0) {
            return -1;
        }
        return options.valueU8(1) >> 4;
    }

    /** The flag of a Timestamp option ({@link #TIMESTAMP_ONLY}, ...), or -1 if it is not one. */
    public static int timestampFlag(OptionsIterator options) {
        if (timestampPointer(options) < 0) {
            return -1;
        }
        return options.valueU8(1) & 0xF;
    }

    /** Bytes per entry: 4 for timestamps only, 8 with addresses; -1 for another flag or option. */
    public static int timestampEntryLength(OptionsIterator options) {
        switch (timestampFlag(options)) {
            case TIMESTAMP_ONLY:
                return 4;
            case TIMESTAMP_WITH_ADDRESS:
            case TIMESTAMP_PRESPECIFIED:
                return 8;
            default:
                return -1;
        }
    }

    /** Entry slots of a Timestamp option (filled or not); 0 if it is not one or its flag is unknown. */
    public static int timestampSlots(OptionsIterator options) {
        int entry = timestampEntryLength(options);
        return entry < 0 ? 0 : (options.valueLength() - 2) / entry;
    }

    /** Entries the pointer says are filled, at most {@link #timestampSlots}. */
    public static int timestampRecorded(OptionsIterator options) {
        int entry = timestampEntryLength(options);
        int pointer = timestampPointer(options);
        if (entry < 0 || pointer < 5) {
            return 0;
        }
        return Math.min((pointer - 5) / entry, timestampSlots(options));
    }

    /**
     * The timestamp of entry {@code i}: milliseconds since midnight UT, or any value with the high bit set.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #timestampSlots}
     */
    public static long timestamp(OptionsIterator options, int i) {
        java.util.Objects.checkIndex(i, timestampSlots(options));
        int entry = timestampEntryLength(options);
        return options.valueU32(2 + entry * i + entry - 4);
    }

    /**
     * The address bits of entry {@code i} of a Timestamp option with addresses.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #timestampSlots}, or the flag
     *     is {@link #TIMESTAMP_ONLY}
     */
    public static int timestampAddressBits(OptionsIterator options, int i) {
        java.util.Objects.checkIndex(i, timestampSlots(options));
        if (timestampEntryLength(options) != 8) {
            throw new IndexOutOfBoundsException("a timestamp-only option records no addresses");
        }
        return (int) options.valueU32(2 + 8 * i);
    }
}
