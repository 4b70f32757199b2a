package io.zerowire.protocols.igmp;

/**
 * The type of an IGMPv3 group record (RFC 3376 section 4.2.12): an open enum naming the
 * known values and keeping every other number (receivers ignore unknown ones, RFC 3376). All 256
 * values exist once, so {@link #of(int)} never allocates.
 */
public final class IgmpRecordType {
    /** Current-state record: the interface is in INCLUDE mode for the sources listed (1). */
    public static final IgmpRecordType MODE_IS_INCLUDE = new IgmpRecordType(1, "MODE_IS_INCLUDE");
    /** Current-state record: the interface is in EXCLUDE mode for the sources listed (2). */
    public static final IgmpRecordType MODE_IS_EXCLUDE = new IgmpRecordType(2, "MODE_IS_EXCLUDE");
    /** Filter-mode-change record: the interface changed to INCLUDE mode (3). */
    public static final IgmpRecordType CHANGE_TO_INCLUDE_MODE = new IgmpRecordType(3, "CHANGE_TO_INCLUDE_MODE");
    /** Filter-mode-change record: the interface changed to EXCLUDE mode (4). */
    public static final IgmpRecordType CHANGE_TO_EXCLUDE_MODE = new IgmpRecordType(4, "CHANGE_TO_EXCLUDE_MODE");
    /** Source-list-change record: traffic from these sources is now wanted (5). */
    public static final IgmpRecordType ALLOW_NEW_SOURCES = new IgmpRecordType(5, "ALLOW_NEW_SOURCES");
    /** Source-list-change record: traffic from these sources is no longer wanted (6). */
    public static final IgmpRecordType BLOCK_OLD_SOURCES = new IgmpRecordType(6, "BLOCK_OLD_SOURCES");

    private static final IgmpRecordType[] ALL = new IgmpRecordType[256];

    static {
        for (IgmpRecordType t : new IgmpRecordType[] {MODE_IS_INCLUDE, MODE_IS_EXCLUDE, CHANGE_TO_INCLUDE_MODE, CHANGE_TO_EXCLUDE_MODE, ALLOW_NEW_SOURCES, BLOCK_OLD_SOURCES}) {
            ALL[t.value] = t;
        }
        for (int i = 0; i < ALL.length; i++) {
            if (ALL[i] == null) {
                ALL[i] = new IgmpRecordType(i, null);
            }
        }
    }

    private final int value;
    private final String name;

    private IgmpRecordType(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The record type with this number, named or not; never allocates.
     *
     * @throws IllegalArgumentException if {@code value} is not 0 to 255
     */
    public static IgmpRecordType of(int value) {
        if ((value & ~0xFF) != 0) {
            throw new IllegalArgumentException("an IGMP record type is 8 unsigned bits, was " + value);
        }
        return ALL[value];
    }

    /** The 8-bit number. */
    public int value() {
        return value;
    }

    /** Whether this is one of the named constants. */
    public boolean isKnown() {
        return name != null;
    }

    /** The constant's name, or {@code "RECORD_TYPE_<n>"}. */
    public String name() {
        return name != null ? name : "RECORD_TYPE_" + value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IgmpRecordType && ((IgmpRecordType) other).value == value;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(value);
    }

    @Override
    public String toString() {
        return name() + "(" + value + ")";
    }
}
