package io.zerowire.examples.readme;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.examples.userheaders.Gre;
import io.zerowire.examples.userheaders.GreBuilder;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.PacketBuilder;

/** README, "Declaring a header": reading and building GRE's optional key and checksum. */
public final class GreSnippet {
    private GreSnippet() {}

    /** The key of the GRE header at the front of {@code buffer}, or -1 when it carries none. */
    public static long keyOrMinusOne(PacketBuffer buffer) throws ParseException {
        Gre gre = Gre.parse(buffer);
        return gre.hasKey() ? gre.key() : -1;
    }

    /** A GRE header over IPv4 with key 42: 8 bytes, K set. */
    public static PacketBuilder keyed() {
        return new GreBuilder().protocolType(0x0800).key(42);
    }

    /** A GRE header over IPv4 with C set and the checksum computed over header and payload: 8 bytes. */
    public static PacketBuilder checksummed() {
        return new GreBuilder().protocolType(0x0800).withChecksum();
    }
}
