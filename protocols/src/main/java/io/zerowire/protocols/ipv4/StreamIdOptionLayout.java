package io.zerowire.protocols.ipv4;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;

/** The Stream Identifier option of RFC 791 (obsolete, RFC 6814): type 136, length 4, a 16-bit SATNET stream id. */
@Header(layer = "ipv4-stream-id")
public interface StreamIdOptionLayout {
    /** 136: copied on fragmentation, class 0, number 8. */
    @Bits(8) @Const(Ipv4Options.STREAM_ID) int type();

    @Bits(8) @Const(4) int length();

    @Bits(16) int streamId();
}
