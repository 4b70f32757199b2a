package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Repeated;
import io.zerowire.annotations.Reserved;
import io.zerowire.ip.Ipv4Address;
import java.util.List;

/** An IGMPv3 membership query (RFC 3376 4.1): its sources counted by Number of Sources, all under the checksum. */
@Header(layer = "igmpv3Query")
interface IgmpV3QueryLayout {
    @Bits(8) @Const(0x11) int type();

    @Bits(8) int maxResponseCode();

    @Bits(16) @Checksum(covers = Checksum.Coverage.HEADER) int checksum();

    Ipv4Address groupAddress();

    @Bits(4) @Reserved int reserved();

    boolean suppressRouterProcessing();

    @Bits(3) int querierRobustness();

    @Bits(8) int querierQueryInterval();

    @Bits(16) int numberOfSources();

    @Repeated(count = "numberOfSources", max = 366) List<Ipv4Address> sources();
}
