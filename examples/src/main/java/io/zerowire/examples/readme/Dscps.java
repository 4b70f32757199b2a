package io.zerowire.examples.readme;

import io.zerowire.annotations.ValueSet;

/** README, "Declaring a header": a value set, from which the processor writes the open enum {@code Dscp}. */
@ValueSet(bits = 6, unknownPrefix = "DSCP_")
public interface Dscps {
    int DEFAULT = 0;
    int CS1 = 8;
    int AF11 = 10;
    int EF = 46;

    int value();                                   // lets the helpers below use it

    default boolean isClassSelector() { return (value() & 7) == 0; }
}
