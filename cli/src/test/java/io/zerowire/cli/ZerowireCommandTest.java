package io.zerowire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as a user runs it: outputs on the sample capture, options, errors and exit codes. */
class ZerowireCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one run printed and how it ended. */
    record Result(int status, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Zerowire.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutArgumentsItDissectsTheSampleOneLineAPacket() {
        Result r = run();
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).hasSize(28);
        // Values the generator put in the sample, in tshark's manner.
        assertThat(r.lines().get(0)).isEqualTo(
                "    1 0.000000 02:00:5e:00:53:0a \u2192 ff:ff:ff:ff:ff:ff ARP 60 Who has 192.0.2.1? Tell 192.0.2.10");
        assertThat(r.lines().get(5)).isEqualTo("    6 0.006250 192.0.2.10 \u2192 198.51.100.20 TCP 82 41608 \u2192 80 [SYN]"
                + " Seq=1000000 Win=64240 Len=0 MSS=1460 SACK_PERM TSval=1000 TSecr=0 WS=128");
        assertThat(r.lines().get(13)).endsWith("UDP 62 40003 \u2192 514 Len=20 [bad checksum]");
        assertThat(r.lines().get(10)).contains("Fragmented IP protocol (proto=17, off=0, ID=0x4242) [MF]");
        assertThat(r.lines().get(19)).contains("Neighbor Advertisement fe80::1 (rtr, sol, ovr)");
        assertThat(r.lines().stream().filter(l -> l.contains("[bad checksum]"))).hasSize(1);
        assertThat(run("dissect").out()).isEqualTo(r.out());
    }

    @Test
    void countAndProtocolFilterChooseThePackets() {
        assertThat(run("dissect", "-c", "3").lines()).hasSize(3);
        List<String> tcp = run("dissect", "-p", "tcp").lines();
        assertThat(tcp).hasSize(5).allMatch(l -> l.contains(" TCP "));
        List<String> icmp6 = run("dissect", "-p", "icmp6").lines();
        assertThat(icmp6).hasSize(8).allMatch(l -> l.contains(" ICMPv6 "));
        assertThat(run("dissect", "-p", "vlan").lines()).hasSize(4);
        assertThat(run("dissect", "-p", "arp", "-p", "igmp").lines()).hasSize(4);
        assertThat(run("dissect", "-p", "tcp", "-c", "2").lines()).hasSize(2);
        assertThat(run("dissect", "-p", "sll2").lines()).singleElement().asString().contains("40006 \u2192 9");
    }

    @Test
    void jsonIsOneObjectALineWithEveryLayer() throws Exception {
        Result r = run("dissect", "--json");
        assertThat(r.status()).isZero();
        List<JsonNode> frames = new ArrayList<>();
        for (String line : r.lines()) {
            frames.add(JSON.readTree(line));
        }
        assertThat(frames).hasSize(28);
        JsonNode syn = frames.get(5);
        assertThat(syn.get("number").asInt()).isEqualTo(6);
        assertThat(syn.get("layers").toString()).isEqualTo("[\"eth\",\"vlan\",\"ip\",\"tcp\"]");
        assertThat(syn.get("vlan").get(0).get("tpid").asInt()).isEqualTo(0x88a8);
        assertThat(syn.get("vlan").get(0).get("id").asInt()).isEqualTo(10);
        assertThat(syn.get("vlan").get(1).get("id").asInt()).isEqualTo(100);
        assertThat(syn.get("tcp").get("options").get(0).get("mss").asInt()).isEqualTo(1460);
        assertThat(syn.get("tcp").get("checksumStatus").asText()).isEqualTo("good");
        JsonNode srh = frames.get(21).get("ipv6");
        assertThat(srh.get("extensionHeaders").get(0).get("routingType").asInt()).isEqualTo(4);
        assertThat(srh.get("finalDestination").asText()).isEqualTo("2001:db8:1::14");
        assertThat(frames.get(13).get("udp").get("checksumStatus").asText()).isEqualTo("bad");
        assertThat(frames.get(26).get("sll2").get("interfaceIndex").asInt()).isEqualTo(2);
    }

    @Test
    void verboseShowsEveryFieldAsATree() {
        Result r = run("dissect", "-V", "-c", "6");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Frame 6: 82 bytes captured (82 on the wire), link type 1, interface 0, time 1700000000.006250000\n")
                .contains("\n  tcp:\n    sourcePort: 41608\n    destinationPort: 80\n")
                .contains("      [0]:\n        kind: 2\n        length: 4\n        mss: 1460\n")
                .contains("  vlan:\n    [0]:\n      tpid: 0x88a8 (34984)\n");
        assertThat(run("dissect", "-V", "--json").status()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void statsShowsTheHierarchyChecksumsAndThroughput() {
        Result r = run("stats");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Capture: sample, 28 packets")
                .containsPattern("\n  eth +26 ")
                .containsPattern("\n    vlan +4 +354\n      ip +4 ")
                .containsPattern("\n    ip +9 +2204\n      icmp +3 ")
                .containsPattern("\n      tcp +1 +66\n")    // the source-routed RST, untagged
                .containsPattern("\n  sll2 +1 ")
                .containsPattern("\n  ipv6 +1 ")              // the raw IP interface
                .containsPattern("\n  udp +4 +1\n")          // the one bad checksum
                .contains("Malformed packets (dissection stopped)")
                .contains("  none")
                .containsPattern("Run: 28 packets in [0-9.]+ s: [0-9]+ packets/s, [0-9.]+ MB/s");
        assertThat(r.err()).as("no progress bar when the output is not a terminal").isEmpty();
    }

    @Test
    void aMissingFileIsOneLineAndExitCodeOne(@TempDir Path dir) {
        Result r = run("dissect", dir.resolve("nope.pcap").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("zerowire: " + dir.resolve("nope.pcap") + ": no such file\n");
        Result debug = run("stats", "--debug", dir.resolve("nope.pcap").toString());
        assertThat(debug.status()).isEqualTo(ExitCodes.INPUT);
        assertThat(debug.err()).startsWith("zerowire: ").contains("NoSuchFileException").contains("\tat ");
    }

    @Test
    void theKernelPeerCommandsAreSubcommands() {
        Result help = run("--help");
        assertThat(help.out()).contains("respond").contains("forward");
        assertThat(run("respond", "--help").out()).contains("--dev").contains("--ip6").contains("--pcap");
        assertThat(run("forward", "--help").out()).contains("--a-ip").contains("--b-mtu");
        Result noAddress = run("respond", "--dev", "zw0");
        assertThat(noAddress.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(noAddress.err()).contains("Missing address: give --ip, --ip6 or both");
    }

    @Test
    void aDeviceThatIsNoTapIsOneLineAndExitCodeOne() {
        // "lo" exists and is no TAP device: the kernel refuses TUNSETIFF (and so does a missing
        // CAP_NET_ADMIN, or a machine without /dev/net/tun); either way one line, status 1.
        Result r = run("respond", "--dev", "lo", "--ip", "10.0.0.2/24", "--duration", "0.1");
        assertThat(r.status()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.err()).startsWith("zerowire: ").contains("lo").doesNotContain("\tat ").endsWith("\n");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void aDirectoryIsNotACapture(@TempDir Path dir) {
        Result r = run("stats", dir.toString());
        assertThat(r.status()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.err()).isEqualTo("zerowire: " + dir + ": is a directory, not a capture file\n");
    }

    @Test
    void aFileThatIsNoCaptureExitsWithThree(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "these are not packets\n");
        Result r = run("dissect", text.toString());
        assertThat(r.status()).isEqualTo(ExitCodes.CORRUPT);
        assertThat(r.err()).startsWith("zerowire: " + text + ": not a capture Zerowire reads: ").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void aCaptureCutShortShowsThePacketsBeforeTheCutThenOneLine(@TempDir Path dir) throws Exception {
        byte[] sample = CaptureInput.sample();
        Path cut = dir.resolve("cut.pcapng");
        Files.write(cut, Arrays.copyOf(sample, sample.length - 30));
        Result r = run("dissect", cut.toString());
        assertThat(r.status()).isEqualTo(ExitCodes.CORRUPT);
        assertThat(r.lines()).hasSize(27);
        assertThat(r.err()).startsWith("zerowire: " + cut + ": corrupt capture after 27 packets: ").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
        Result stats = run("stats", cut.toString());
        assertThat(stats.status()).isEqualTo(ExitCodes.CORRUPT);
        assertThat(stats.out()).contains("27 packets");
        assertThat(run("dissect", "--debug", cut.toString()).err()).contains("CaptureFormatException").contains("\tat ");
    }

    @Test
    void aCompressedCaptureSaysSoAndHowToReadIt(@TempDir Path dir) throws Exception {
        Path gz = dir.resolve("trace.pcapng.gz");
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(CaptureInput.sample());
        }
        Result r = run("dissect", gz.toString());
        assertThat(r.status()).isEqualTo(ExitCodes.CORRUPT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("zerowire: " + gz + ": not a capture Zerowire reads: unsupported capture.magic at file"
                + " offset 0 (after 0 records): the file is compressed with gzip (magic number 0x1F8B0800), not a pcap or"
                + " pcapng capture: decompress it first (for example: zcat " + gz + " | zerowire dissect -)\n");
        Path zst = dir.resolve("trace.pcap.zst");
        Files.write(zst, new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0, 0, 0, 0});
        assertThat(run("stats", zst.toString()).err()).contains("compressed with zstd").contains("zstdcat " + zst);
    }

    /**
     * A pcapng timestamp beyond an Instant's range (if_tsresol of whole seconds, a 64-bit count: what
     * CaptureFuzzTest found): every form prints the frame, the time as "Not representable" (tshark's
     * words), and --json marks the saturated epochSecond and nanos.
     */
    @Test
    void aTimestampBeyondAnInstantIsNotRepresentable(@TempDir Path dir) throws Exception {
        byte[] frame = CaptureFiles.ethernetFrames().get(0);
        Path file = dir.resolve("far.pcapng");
        Files.write(file, secondsResolutionCapture(frame, 1_700_000_000L, Long.MIN_VALUE + 5, 1_700_000_002L));
        Result summary = run("dissect", file.toString());
        assertThat(summary.status()).isZero();
        assertThat(summary.err()).isEmpty();
        assertThat(summary.lines()).hasSize(3);
        assertThat(summary.lines().get(0)).startsWith("    1 0.000000 02:00:5e:00:53:0a \u2192 ");
        assertThat(summary.lines().get(1)).startsWith("    2 Not representable 02:00:5e:00:53:0a \u2192 ");
        assertThat(summary.lines().get(2)).startsWith("    3 2.000000 02:00:5e:00:53:0a \u2192 ");
        Result tree = run("dissect", "-V", file.toString());
        assertThat(tree.out()).contains("Frame 2: 60 bytes captured (60 on the wire), link type 1, interface 0, time Not representable\n")
                .contains("Frame 3: 60 bytes captured (60 on the wire), link type 1, interface 0, time 1700000002.000000000\n");
        Result json = run("dissect", "--json", file.toString());
        List<JsonNode> frames = new ArrayList<>();
        for (String line : json.lines()) {
            frames.add(JSON.readTree(line));
        }
        assertThat(frames.get(0).has("timestampRepresentable")).isFalse();
        assertThat(frames.get(1).get("timestampRepresentable").asBoolean(true)).isFalse();
        assertThat(frames.get(1).get("epochSecond").asLong()).isEqualTo(java.time.Instant.MAX.getEpochSecond());
        assertThat(frames.get(1).get("nanos").asInt()).isEqualTo(999_999_999);
        assertThat(frames.get(2).get("epochSecond").asLong()).isEqualTo(1_700_000_002L);
        assertThat(run("stats", file.toString()).out()).contains("3 packets");
    }

    /** A little-endian pcapng with one Ethernet interface in whole seconds (if_tsresol 0), a frame per timestamp. */
    static byte[] secondsResolutionCapture(byte[] frame, long... timestamps) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.util.function.BiConsumer<Integer, byte[]> block = (type, body) -> {
            int padded = (body.length + 3) & ~3;
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 + padded).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.putInt(type).putInt(12 + padded).put(body).position(8 + padded);
            b.putInt(12 + padded);
            out.writeBytes(b.array());
        };
        java.nio.ByteBuffer shb = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        shb.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1);
        block.accept(0x0A0D0D0A, shb.array());
        java.nio.ByteBuffer idb = java.nio.ByteBuffer.allocate(20).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        idb.putShort((short) 1).putShort((short) 0).putInt(0).putShort((short) 9).putShort((short) 1).put((byte) 0)
                .position(16);
        idb.putInt(0); // opt_endofopt
        block.accept(1, idb.array());
        for (long timestamp : timestamps) {
            java.nio.ByteBuffer epb = java.nio.ByteBuffer.allocate(20 + frame.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            epb.putInt(0).putInt((int) (timestamp >>> 32)).putInt((int) timestamp).putInt(frame.length)
                    .putInt(frame.length).put(frame);
            block.accept(6, epb.array());
        }
        return out.toByteArray();
    }

    @Test
    void usageErrorsExitWithTwo() {
        Result unknown = run("dissect", "-p", "sctp");
        assertThat(unknown.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown protocol 'sctp'").contains("icmp6");
        assertThat(run("dissect", "-c", "0").status()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("frobnicate").status()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("dissect", "--no-such-option").status()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpAndVersion() {
        Result help = run("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("dissect").contains("stats").contains("Exit status");
        Result version = run("--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).matches("zerowire \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
        assertThat(run("dissect", "--help").out()).contains("--json").contains("-p, --protocol");
    }
}
