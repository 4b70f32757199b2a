package io.zerowire.protocols.ipv4;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.TotalLength;

/**
 * The Internet Timestamp option (RFC 791): type 68, length, pointer (1-based offset of the next
 * free entry, 5 for the first), a 4-bit overflow count and a 4-bit flag, then the entries: the
 * generated {@code TimestampOption} view's body. Flag 0 ({@link Ipv4Options#TIMESTAMP_ONLY}):
 * 4-byte timestamps; flag 1 ({@link Ipv4Options#TIMESTAMP_WITH_ADDRESS}) and 3
 * ({@link Ipv4Options#TIMESTAMP_PRESPECIFIED}): 8-byte entries, an address then its timestamp.
 */
@Header(layer = "ipv4-timestamp")
public interface TimestampOptionLayout {
    /** 68: not copied, class 2 (debugging and measurement), number 4. */
    @Bits(8) @Const(Ipv4Options.TIMESTAMP) int type();

    /** Bytes of the whole option: 4 plus the entries. */
    @Bits(8) @TotalLength(includesHeader = true, unit = 1) int length();

    /** 1-based offset of the next free entry; 5 is the first. */
    @Bits(8) int pointer();

    /** Routers that could not record a timestamp for lack of room. */
    @Bits(4) int overflow();

    /** 0 timestamps only, 1 each preceded by the recording router's address, 3 addresses prespecified. */
    @Bits(4) int flag();
}
