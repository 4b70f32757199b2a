package io.zerowire.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.protocols.testing.Frames;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.link.MacAddress;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.pcap.CaptureReader;
import io.zerowire.pcap.LinkType;
import io.zerowire.pcap.PcapWriter;
import io.zerowire.pcap.Record;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.protocols.tcp.TcpBuilder;
import io.zerowire.serialize.Serializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DissectorSnippetTest {
    private static final Ipv4Address CLIENT = Ipv4Address.parse("192.0.2.10");
    private static final Ipv4Address SERVER = Ipv4Address.parse("198.51.100.20");
    private static final MacAddress CLIENT_MAC = MacAddress.parse("02:00:5e:00:53:0a");
    private static final MacAddress SERVER_MAC = MacAddress.parse("02:00:5e:00:53:01");
    /** Ethernet 14 + IPv4 20, then the TCP checksum at 16. */
    private static final int TCP_CHECKSUM = 14 + 20 + 16;

    private static byte[] syn() {
        return Frames.ipv4(Serializer.of(new byte[0]).encapsulate(new TcpBuilder().sourcePort(41608).destinationPort(80)
                        .sequenceNumber(1_000_000).syn(true).window(64240).addresses(CLIENT, SERVER)),
                IpProtocol.TCP, CLIENT, SERVER, 64, true, CLIENT_MAC, SERVER_MAC);
    }

    /** The frames as records of a pcap capture, as the snippet gets them. */
    private static byte[] capture(byte[]... frames) throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (PcapWriter out = PcapWriter.builder(LinkType.ETHERNET).nanosecond(true).open(file)) {
            for (int i = 0; i < frames.length; i++) {
                out.write(1_700_000_000L, i, PacketBuffer.wrap(frames[i]));
            }
        }
        return file.toByteArray();
    }

    private record Run(List<String> printed, List<Layer> innermost, List<Layer> failed, List<ParseErrorKind> errors) {}

    /** Runs the snippet over every record of {@code capture}, keeping what it printed and found. */
    private static Run dissectAll(byte[] capture) throws Exception {
        Run run = new Run(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (CaptureReader reader = CaptureReader.of(capture)) {
            Record record = new Record();
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            while (reader.next(record)) {
                Dissector d = DissectorSnippet.dissect(record);
                run.innermost().add(d.innermost());
                run.failed().add(d.failedLayer());
                run.errors().add(d.error() == null ? null : d.error().kind());
            }
        } finally {
            System.setOut(console);
        }
        run.printed().addAll(printed.toString(StandardCharsets.UTF_8).lines().toList());
        return run;
    }

    @Test
    void aTcpFramePrintsItsSourceAndABadChecksumIsFlagged() throws Exception {
        byte[] good = syn();
        byte[] bad = syn();
        bad[TCP_CHECKSUM] ^= 0x01;

        Run run = dissectAll(capture(good, bad));

        assertThat(run.printed()).containsExactly("192.0.2.10:41608", "192.0.2.10:41608 [bad checksum]");
        assertThat(run.innermost()).containsExactly(Layer.TCP, Layer.TCP);
        assertThat(run.errors()).containsExactly(null, null);
    }

    @Test
    void aFrameCutInItsIpHeaderStopsThereWithATypedErrorAndPrintsNothing() throws Exception {
        byte[] cut = Arrays.copyOf(syn(), 14 + 10);

        Run run = dissectAll(capture(cut));

        assertThat(run.printed()).isEmpty();
        assertThat(run.innermost()).containsExactly(Layer.ETHERNET);
        assertThat(run.failed()).containsExactly(Layer.IPV4);
        assertThat(run.errors()).containsExactly(ParseErrorKind.MALFORMED);
    }
}
