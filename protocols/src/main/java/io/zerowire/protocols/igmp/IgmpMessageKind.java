package io.zerowire.protocols.igmp;

/**
 * The IGMP messages {@link IgmpPacket} reads field by field, with their version as RFC 3376
 * section 7.1 tells it (a query's version from its length and max response code, a report's from
 * its type), and {@link #OTHER} for every other type (DVMRP, PIMv1, mtrace, multicast router
 * discovery...), kept with only its common header read. A closed Java enum, so that a
 * {@code switch} over it is exhaustive.
 */
public enum IgmpMessageKind {
    /** A query of exactly 8 bytes with max response code 0 (RFC 1112): {@link IgmpGroupAddressLayout}. */
    V1_MEMBERSHIP_QUERY(1, IgmpGroupAddress.FIXED_LENGTH),
    /** A query of exactly 8 bytes with a non-zero max response code (RFC 2236): {@link IgmpGroupAddressLayout}. */
    V2_MEMBERSHIP_QUERY(2, IgmpGroupAddress.FIXED_LENGTH),
    /** A query of 12 bytes or more (RFC 3376): {@link IgmpV3QueryLayout}, then the sources. */
    V3_MEMBERSHIP_QUERY(3, IgmpV3Query.FIXED_LENGTH),
    /** Type 0x12 (RFC 1112): {@link IgmpGroupAddressLayout}. */
    V1_MEMBERSHIP_REPORT(1, IgmpGroupAddress.FIXED_LENGTH),
    /** Type 0x16 (RFC 2236): {@link IgmpGroupAddressLayout}. */
    V2_MEMBERSHIP_REPORT(2, IgmpGroupAddress.FIXED_LENGTH),
    /** Type 0x17 (RFC 2236): {@link IgmpGroupAddressLayout}. */
    V2_LEAVE_GROUP(2, IgmpGroupAddress.FIXED_LENGTH),
    /** Type 0x22 (RFC 3376): {@link IgmpV3ReportLayout}, then the group records. */
    V3_MEMBERSHIP_REPORT(3, IgmpV3Report.FIXED_LENGTH),
    /** Any other type: only the common header is read; the body is everything after it. */
    OTHER(0, 0);

    private final int version;
    private final int fixedLength;

    IgmpMessageKind(int version, int fixedLength) {
        this.version = version;
        this.fixedLength = fixedLength;
    }

    /** The IGMP version, 1 to 3; 0 for {@link #OTHER}. */
    public int version() {
        return version;
    }

    /** Bytes of the message layout after the 4-byte common header (0 for {@link #OTHER}). */
    public int fixedLength() {
        return fixedLength;
    }

    /** Whether this is a membership query of some version. */
    public boolean isQuery() {
        return this == V1_MEMBERSHIP_QUERY || this == V2_MEMBERSHIP_QUERY || this == V3_MEMBERSHIP_QUERY;
    }

    /** Whether the message is an 8-byte IGMPv1 or IGMPv2 message with a group address. */
    public boolean hasGroupAddress() {
        return this != V3_MEMBERSHIP_QUERY && this != V3_MEMBERSHIP_REPORT && this != OTHER;
    }
}
