package io.zerowire.protocols.ethernet;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.link.MacAddress;

/**
 * An Ethernet II header (IEEE 802.3 clause 3.2.6 type interpretation): two MAC addresses and an
 * EtherType. The generated {@code Ethernet} view reads it; {@code EthernetBuilder} writes it and pads
 * the body with zeros to 46 bytes, so that a built frame is at least 60 bytes (without the FCS, which
 * captures and the layouts leave out).
 *
 * <p>Parse with {@link EthernetFrames#wrap}, not the view's own {@code wrap}: it also rejects 802.3
 * length frames and can check the 60-byte minimum. A VLAN type ({@link EtherType#isTag()}) is
 * followed by a {@link VlanTagLayout}.
 */
@Header(layer = "ethernet", minBodyLength = 46)
public interface EthernetLayout {
    MacAddress destination();

    MacAddress source();

    /** The type of the body (or of the next tag); at most 1500 would be an 802.3 length. */
    @Bits(16) EtherType etherType();
}
