package io.zerowire.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.ip.IpProtocol;

/**
 * UDP and TCP over both IP versions, with the addresses of the pseudo-header from the fuzzer. Input:
 * the source and destination addresses (4 + 4 bytes, or 16 + 16), then the datagram or segment,
 * which goes under an IP header written by the builders and through the whole stack.
 */
class TransportFuzzTest {
    private final FrameProperties properties = new FrameProperties();

    @FuzzTest
    void udpOverIpv4(byte[] input) throws Exception {
        overIpv4(IpProtocol.UDP, input);
    }

    @FuzzTest
    void tcpOverIpv4(byte[] input) throws Exception {
        overIpv4(IpProtocol.TCP, input);
    }

    @FuzzTest
    void udpOverIpv6(byte[] input) throws Exception {
        overIpv6(IpProtocol.UDP, input);
    }

    @FuzzTest
    void tcpOverIpv6(byte[] input) throws Exception {
        overIpv6(IpProtocol.TCP, input);
    }

    private void overIpv4(IpProtocol protocol, byte[] input) throws Exception {
        Ipv4Address source = Inputs.ipv4(input, 0);
        Ipv4Address destination = Inputs.ipv4(input, 4);
        properties.check(Framing.RAW_IPV4, Inputs.underIpv4(source, destination, protocol, Inputs.rest(input, 8)));
    }

    private void overIpv6(IpProtocol protocol, byte[] input) throws Exception {
        Ipv6Address source = Inputs.ipv6(input, 0);
        Ipv6Address destination = Inputs.ipv6(input, 16);
        properties.check(Framing.RAW_IPV6,
                Inputs.underIpv6(source, destination, 64, protocol, Inputs.rest(input, 32)));
    }
}
