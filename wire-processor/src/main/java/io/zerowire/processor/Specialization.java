package io.zerowire.processor;

import com.palantir.javapoet.ClassName;

/** Which IP version a generated class is specialized for. */
enum Specialization {
    /** The layout is not generic. */
    NONE("", null),
    V4("V4", RuntimeTypes.IPV4_ADDRESS),
    V6("V6", RuntimeTypes.IPV6_ADDRESS);

    private final String suffix;
    private final ClassName addressType;

    Specialization(String suffix, ClassName addressType) {
        this.suffix = suffix;
        this.addressType = addressType;
    }

    /** Appended to the view and builder names. */
    String suffix() {
        return suffix;
    }

    /** The address class that replaces the type parameter, or null. */
    ClassName addressType() {
        return addressType;
    }
}
