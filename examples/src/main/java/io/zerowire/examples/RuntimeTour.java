package io.zerowire.examples;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.options.OptionFormat;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.parse.ParseException;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.HeapBufferProvider;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SizeLimitExceededException;
import io.zerowire.serialize.Serializer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The main job until the {@code zerowire} command exists: a short tour that builds a UDP datagram
 * in IPv4 through generated builders, parses it back with the generated views, edits it in place,
 * undoes the parse and re-serializes the received buffer, printing each step. {@code ./zerowire}
 * runs it.
 */
public final class RuntimeTour {
    private RuntimeTour() {}

    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    /** Runs the tour, printing to {@code out}; returns the final frame's bytes for tests. */
    static byte[] run(PrintStream out) throws ParseException, SizeLimitExceededException {
        Ipv4Address source = Ipv4Address.parse("192.0.2.1");
        Ipv4Address destination = Ipv4Address.parse("198.51.100.7");
        byte[] payload = "hello, wire".getBytes(StandardCharsets.US_ASCII);

        // 1. Build: a payload in UDP in IPv4, one buffer, headers written innermost first.
        UdpV4Builder udp = new UdpV4Builder().sourcePort(40000).destinationPort(7).addresses(source, destination);
        Ipv4Builder ip = new Ipv4Builder().ttl(64).protocol(17).dontFragment(true)
                .source(source).destination(destination)
                .options(new OptionsBuilder(OptionFormat.IPV4).add(148, new byte[] {0, 0})); // Router Alert
        HeapBufferProvider provider = BufferProvider.reuse();
        PacketBuffer packet = Serializer.of(payload).encapsulate(udp).encapsulate(ip)
                .serialize(PacketConstraints.maxBody(1500), provider);
        out.printf("built     %d bytes in %d allocation: %s%n", packet.bodyLength(), provider.allocations(),
                hex(packet.toByteArray()));

        // 2. Parse: each view validates once (lengths, options, checksums) and consumes its header.
        Ipv4 ipView = Ipv4.parse(packet);
        UdpV4 udpView = UdpV4.parse(packet, ipView.source(), ipView.destination());
        out.println("parsed    " + ipView);
        out.println("          " + udpView);
        out.println("payload   " + new String(packet.array(), packet.bodyStart(), packet.bodyLength(),
                StandardCharsets.US_ASCII));

        // 3. Edit in place: the setter updates the header checksum incrementally (RFC 1624).
        ipView.setTtl(ipView.ttl() - 1);
        out.printf("ttl-1     ttl=%d, header checksum still valid: %b%n", ipView.ttl(), ipView.checksumValid());

        // 4. Undo the parses: the buffer's body is the whole packet again, no byte copied.
        udpView.undoParse(packet);
        ipView.undoParse(packet);
        out.printf("undone    body is %d bytes again, same array: %b%n", packet.bodyLength(),
                packet.array() == ipView.array());

        // 5. Reply from the received buffer: parse down to the payload, wrap it in new headers.
        Ipv4.parse(packet);
        UdpV4.parse(packet, source, destination);
        byte[] received = packet.array();
        PacketBuffer reply = packet
                .encapsulate(new UdpV4Builder().sourcePort(7).destinationPort(40000).addresses(destination, source))
                .encapsulate(new Ipv4Builder().ttl(64).protocol(17).source(destination).destination(source))
                .serialize(provider);
        out.printf("reply     %d bytes, written into the received array: %b%n", reply.bodyLength(),
                reply.array() == received);
        return reply.toByteArray();
    }

    static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            text.append(String.format("%02x", b & 0xFF));
        }
        return text.toString();
    }
}
