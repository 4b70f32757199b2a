package io.zerowire.processor;

/** What a field means to parsing and building, beyond its value. */
enum FieldRole {
    /** Read and written as given. */
    PLAIN,
    /** Checked when parsing, written when building. */
    CONST,
    /** Ignored when parsing, written as zero when building. */
    RESERVED,
    /** The header length; validated when parsing, derived when building. */
    HEADER_LENGTH,
    /** The packet or payload length; validated when parsing, derived when building. */
    TOTAL_LENGTH,
    /** The internet checksum; verified when parsing, computed when building. */
    CHECKSUM,
    /** The option region after the fixed fields. */
    OPTIONS;

    /** Whether the builder computes the field unless told otherwise. */
    boolean derived() {
        return this == CONST || this == RESERVED || this == HEADER_LENGTH || this == TOTAL_LENGTH || this == CHECKSUM;
    }
}
