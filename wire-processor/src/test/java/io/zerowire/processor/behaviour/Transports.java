package io.zerowire.processor.behaviour;

import io.zerowire.annotations.ValueSet;

/** Transport protocol numbers in decimal with a prefix for unknown ones, named explicitly: generates {@link Transport}. */
@ValueSet(bits = 8, name = "Transport", unknownPrefix = "PROTOCOL_")
interface Transports {
    int ICMP = 1;
    int TCP = 6;
    int UDP = 17;
}
