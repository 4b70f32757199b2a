package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;
import io.zerowire.annotations.Size;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.link.MacAddress;
import io.zerowire.processor.sample.Protocol;

/** Every typed field kind next to bit fields: booleans, open enums, addresses, byte regions, reserved ones. */
@Header(layer = "typed")
interface TypedFieldsLayout {
    @Bits(3) int small();                   // bits 0-2

    @Bits(5) Protocol narrowProtocol();     // bits 3-7: an open enum narrower than a byte

    boolean flag();                          // bit 8

    @Const(1) boolean alwaysSet();           // bit 9

    @Bits(6) @Reserved int reserved();       // bits 10-15

    MacAddress mac();                        // bytes 2-7

    @Size(5) byte[] nonce();                 // bytes 8-12

    @Reserved @Size(3) byte[] zeros();       // bytes 13-15

    Ipv4Address v4();                        // bytes 16-19

    Ipv6Address v6();                        // bytes 20-35

    @Reserved Ipv4Address unused();          // bytes 36-39

    @Bits(8) Protocol protocol();            // byte 40

    @Bits(1) boolean last();                 // bit 328

    @Bits(7) int tail();                     // bits 329-335
}
