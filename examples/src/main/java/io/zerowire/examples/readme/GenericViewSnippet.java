package io.zerowire.examples.readme;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.IpAddress;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.udp.Udp;

/** README, "Declaring a header": one method for UDP over IPv4 and IPv6, through the generic view type. */
public final class GenericViewSnippet {
    private GenericViewSnippet() {}

    /**
     * Points the datagram at the front of {@code packet} back at its sender's port, in place, and
     * gives the header back to {@code packet}.
     *
     * @return the port it now goes to
     */
    public static <A extends IpAddress<?>> int bounce(Udp<A> udp, PacketBuffer packet, A source, A destination)
            throws ParseException {
        udp.wrap(packet, source, destination);               // a UdpV4 or a UdpV6: one code path
        udp.setDestinationPort(udp.sourcePort());            // the checksum is kept right for either
        udp.undoParse(packet);
        return udp.destinationPort();
    }
}
