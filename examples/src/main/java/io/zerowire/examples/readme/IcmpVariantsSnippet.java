package io.zerowire.examples.readme;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.PacketBuilder;

/** README, "Declaring a header": reading ICMP's variants in place, and building one. */
public final class IcmpVariantsSnippet {
    private IcmpVariantsSnippet() {}

    /** Counts an echo request's sequence number up in place; the kind of message at the front of {@code buffer}. */
    public static String bumpSequence(PacketBuffer buffer) throws ParseException {
        Icmp icmp = Icmp.parse(buffer);                          // checksum verified over everything
        if (icmp.kind() == Icmp.Kind.ECHO_REQUEST) {
            IcmpEcho echo = icmp.asEchoRequest();                // the one echo view icmp holds
            echo.setSequenceNumber(echo.sequenceNumber() + 1);   // the ICMP checksum follows (RFC 1624)
        }
        return icmp.kind().name();                               // UNKNOWN for a type no variant names
    }

    /** An echo reply: type 0, written from the variant given, and the checksum computed over it all. */
    public static PacketBuilder reply() {
        return new IcmpBuilder().echoReply(new IcmpEchoBuilder().identifier(0x1234).sequenceNumber(1));
    }
}
