package io.zerowire.processor;

/** The Java shape of a field, which decides its width rules and generated accessors. */
enum FieldKind {
    INT,
    LONG,
    BOOLEAN,
    /** An open enum: a user type with {@code static T of(int)} and {@code int value()}. */
    ENUM,
    MAC,
    IPV4,
    IPV6,
    /** The layout's address type parameter, IPv4 or IPv6 depending on the specialization. */
    ADDRESS,
    BYTES,
    OPTIONS,
    /** A {@code java.util.List} of elements: a repeated group ({@code @Repeated}). */
    REPEATED,
    UNSUPPORTED;

    /** Whether the value is a number with a declared {@code @Bits} width. */
    boolean hasDeclaredWidth() {
        return this == INT || this == LONG || this == BOOLEAN || this == ENUM;
    }

    /** Fixed widths of the typed fields, or -1. */
    int impliedWidth(Specialization specialization) {
        switch (this) {
            case MAC:
                return 48;
            case IPV4:
                return 32;
            case IPV6:
                return 128;
            case ADDRESS:
                return specialization == Specialization.V6 ? 128 : 32;
            default:
                return -1;
        }
    }
}
