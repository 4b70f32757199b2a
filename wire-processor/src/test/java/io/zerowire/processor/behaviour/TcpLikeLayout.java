package io.zerowire.processor.behaviour;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Checksum;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.HeaderLength;
import io.zerowire.annotations.Options;
import io.zerowire.annotations.Reserved;
import io.zerowire.options.OptionsIterator;

/** TCP (RFC 9293) over IPv4: data offset, flags, a pseudo-header checksum and options. */
@Header(layer = "tcp")
interface TcpLikeLayout {
    @Bits(16) int sourcePort();

    @Bits(16) int destinationPort();

    @Bits(32) long sequenceNumber();

    @Bits(32) long acknowledgmentNumber();

    @Bits(4) @HeaderLength(unit = 4) int dataOffset();

    @Bits(4) @Reserved int reserved();

    @Bits(8) int flags();

    @Bits(16) int window();

    @Bits(16)
    @Checksum(covers = Checksum.Coverage.PSEUDO_HEADER_AND_BODY, protocol = 6, ipVersion = Checksum.IpVersion.V4)
    int checksum();

    @Bits(16) int urgentPointer();

    @Options(TcpOptionLayout.class) OptionsIterator options();
}
