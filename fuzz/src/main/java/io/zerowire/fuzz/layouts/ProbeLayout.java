package io.zerowire.fuzz.layouts;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.link.MacAddress;
import io.zerowire.options.OptionsIterator;
import io.zerowire.protocols.tcp.TcpOptionLayout;

/**
 * A probe with typed addresses, a header length in a nibble that does not start the byte, a
 * checksum over header and body verified only on demand, a padded minimum body, and TCP-style
 * options (EOL, NOP).
 */
@Header(layer = "probe", minBodyLength = 8)
public interface ProbeLayout {
    @Bits(4) int version();

    @Bits(4) @HeaderLength(unit = 4) int words();

    @Bits(8) int kind();

    @Bits(16) @Checksum(covers = Checksum.Coverage.HEADER_AND_BODY, verify = Checksum.Verify.ON_DEMAND) int checksum();

    MacAddress station();

    Ipv4Address target();

    @Bits(2) int priority();

    @Bits(30) long token();

    @Options(TcpOptionLayout.class) OptionsIterator options();
}
