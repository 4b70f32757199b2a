package io.zerowire.protocols.icmp;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.pcap.LinkType;
import io.zerowire.pcap.PcapWriter;
import io.zerowire.protocols.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * IPv4 datagrams built by our builders, written as a raw-IPv4 pcap so that tshark can dissect
 * them: the messages no shared capture holds (redirects, timestamps, parameter problems, IGMPv3
 * sources...) are then checked against tshark too. The file name carries a CRC of the content, so
 * that tshark's on-disk cache (keyed by name and size) never serves a stale dissection.
 */
public final class BuiltCapture {
    private BuiltCapture() {}

    /** Writes {@code datagrams} under {@code target/built-captures} and returns them as corpus frames. */
    public static List<Corpus.Frame> write(String name, List<byte[]> datagrams) throws IOException {
        CRC32 crc = new CRC32();
        datagrams.forEach(crc::update);
        Path dir = Path.of("target", "built-captures");
        Files.createDirectories(dir);
        Path file = dir.resolve(String.format("%s-%08x.pcap", name, crc.getValue())).toAbsolutePath();
        try (PcapWriter writer = PcapWriter.builder(LinkType.IPV4).open(file)) {
            for (int i = 0; i < datagrams.size(); i++) {
                writer.write(1_700_000_000L + i, 0, PacketBuffer.wrap(datagrams.get(i)));
            }
        }
        List<Corpus.Frame> frames = new ArrayList<>();
        for (int i = 0; i < datagrams.size(); i++) {
            frames.add(new Corpus.Frame(file, i + 1, LinkType.IPV4, datagrams.get(i)));
        }
        return frames;
    }
}
